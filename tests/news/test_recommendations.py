"""Hand-made cases for « Découvrez d'autres contenus similaires »."""

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from core.factories import ThemeFactory
from news.factories import NewsPageFactory, ResourcePageFactory, classify
from news.models import NewsPage, PinnedPage
from news.recommendations import ranked_candidates, recommend

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def article(parent, title, days_old=10, **kwargs):
    return NewsPageFactory(parent=parent, title=title, publication_date=NOW - timedelta(days=days_old), **kwargs)


def titles(pages):
    return [page.title for page in pages]


def test_a_shared_rare_tag_beats_a_shared_common_tag(news_index):
    source = classify(article(news_index, "Source"), tags=["participation", "codéveloppement"])
    classify(article(news_index, "Commun"), tags=["participation"])
    classify(article(news_index, "Rare"), tags=["codéveloppement"])
    for index in range(5):
        classify(article(news_index, f"Autre {index}", days_old=400), tags=["participation"])

    assert titles(recommend(source, count=2, now=NOW))[0] == "Rare"


def test_a_theme_only_match_comes_before_unrelated_content(news_index):
    climat = ThemeFactory(name="Climat")
    source = classify(article(news_index, "Source"), themes=[climat])
    classify(article(news_index, "Même thème", days_old=300), themes=[climat])
    article(news_index, "Sans rapport", days_old=1)

    assert titles(recommend(source, count=2, now=NOW)) == ["Même thème", "Sans rapport"]


def test_recency_decides_between_equal_matches(news_index):
    source = classify(article(news_index, "Source"), tags=["climat"])
    classify(article(news_index, "Ancien", days_old=900), tags=["climat"])
    classify(article(news_index, "Récent", days_old=5), tags=["climat"])

    assert titles(recommend(source, count=2, now=NOW)) == ["Récent", "Ancien"]


def test_never_the_page_itself_nor_drafts_nor_private_pages(news_index):
    source = classify(article(news_index, "Source"), tags=["climat"])
    draft = classify(article(news_index, "Brouillon"), tags=["climat"])
    draft.unpublish()
    private = classify(article(news_index, "Privée"), tags=["climat"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    classify(article(news_index, "Publique"), tags=["climat"])

    assert titles(recommend(source, count=4, now=NOW)) == ["Publique"]


def test_pages_below_a_private_section_stay_out(news_index):
    source = classify(article(news_index, "Source"), tags=["climat"])
    PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)
    classify(article(news_index, "Derrière la restriction"), tags=["climat"])
    assert recommend(source, count=4, now=NOW) == []


def test_events_already_over_are_never_suggested(news_index):
    source = classify(article(news_index, "Source"), tags=["climat"])
    past_event = classify(article(news_index, "Événement passé"), tags=["climat"])
    type(past_event).objects.filter(pk=past_event.pk).update(ends_at=NOW - timedelta(hours=1))
    ongoing = classify(article(news_index, "Événement en cours"), tags=["climat"])
    type(ongoing).objects.filter(pk=ongoing.pk).update(ends_at=NOW + timedelta(hours=1))

    assert titles(recommend(source, count=4, now=NOW)) == ["Événement en cours"]


def test_at_most_two_items_of_one_type_while_others_qualify(news_index, resource_index):
    source = classify(article(news_index, "Source"), tags=["climat"])
    for index in range(4):
        classify(article(news_index, f"Article {index}", days_old=index), tags=["climat"])
    classify(ResourcePageFactory(parent=resource_index, title="Guide", publication_date=NOW - timedelta(days=50)))

    suggestions = recommend(source, count=4, now=NOW)

    assert titles(suggestions) == ["Article 0", "Article 1", "Guide", "Article 2"]


def test_pinned_pages_come_first_in_the_editors_order(news_index):
    source = classify(article(news_index, "Source"), tags=["climat"])
    classify(article(news_index, "Automatique"), tags=["climat"])
    first, second = article(news_index, "Épinglé 1", days_old=800), article(news_index, "Épinglé 2", days_old=900)
    source.pinned_pages.add(PinnedPage(page=second, sort_order=0), PinnedPage(page=first, sort_order=1))
    source.save_revision().publish()

    assert titles(recommend(source, count=3, now=NOW)) == ["Épinglé 2", "Épinglé 1", "Automatique"]


def test_ties_break_the_same_way_every_time(news_index):
    source = classify(article(news_index, "Source"), tags=["climat"])
    for index in range(6):
        classify(article(news_index, f"Jumeau {index}", days_old=20), tags=["climat"])
    assert titles(recommend(source, now=NOW)) == titles(recommend(source, now=NOW))


def test_ranking_costs_three_queries_whatever_the_number_of_tags(news_index):
    source = classify(article(news_index, "Source"), themes=[ThemeFactory()], tags=["climat", "tiers-lieux"])
    for index in range(15):
        classify(article(news_index, f"Candidat {index}"), tags=["climat"])
    tag_ids, theme_ids = (
        [link.tag_id for link in source.tagged_items.all()],
        [theme.pk for theme in source.themes.all()],
    )
    with CaptureQueriesContext(connection) as captured:
        ranked = list(ranked_candidates(tag_ids, theme_ids, NOW, [source.pk])[:20])
    assert len(ranked) == 15
    # How many pages use each source tag, the candidates' keys, then the ranking itself.
    assert len(captured) == 3


def test_an_old_page_sharing_a_rare_tag_is_found_beyond_the_window_of_recent_matches(news_index, monkeypatch):
    monkeypatch.setattr("news.recommendations.CANDIDATE_WINDOW", 2)
    monkeypatch.setattr("news.recommendations.RARE_TAG_USAGE", 2)
    source = classify(article(news_index, "Source"), tags=["participation", "codéveloppement"])
    classify(article(news_index, "Ancien mais proche", days_old=1500), tags=["codéveloppement"])
    for index in range(4):
        classify(article(news_index, f"Récent {index}", days_old=index), tags=["participation"])

    assert "Ancien mais proche" in titles(recommend(source, count=4, now=NOW))


def test_only_the_window_of_recent_matches_is_scored(news_index, monkeypatch):
    monkeypatch.setattr("news.recommendations.CANDIDATE_WINDOW", 2)
    monkeypatch.setattr("news.recommendations.RARE_TAG_USAGE", 1)
    monkeypatch.setattr("news.recommendations.NEWEST_FILL", 1)
    source = classify(article(news_index, "Source"), tags=["participation"])
    for index in range(5):
        classify(article(news_index, f"Lié {index}", days_old=10 + index), tags=["participation"])

    tag_ids = [link.tag_id for link in source.tagged_items.all()]
    scored = titles(ranked_candidates(tag_ids, [], NOW, [source.pk]))

    assert scored == ["Lié 0", "Lié 1"]


def test_an_article_page_suggests_a_related_page_as_soon_as_it_is_published_and_drops_it_when_unpublished(
    client, news_index, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # what is proven is the remembered suggestions' own invalidation
    source = classify(article(news_index, "Source"), tags=["ressourcerie"])
    present = classify(article(news_index, "Déjà là"), tags=["ressourcerie"])
    assert ">Déjà là</a>" in client.get(source.url).content.decode()

    newcomer = classify(article(news_index, "Nouveau venu", live=False), tags=["ressourcerie"])
    newcomer.save_revision().publish()
    assert ">Nouveau venu</a>" in client.get(source.url).content.decode()

    present.unpublish()
    assert ">Déjà là</a>" not in client.get(source.url).content.decode()


def test_a_preview_ranks_the_drafts_own_tags_not_the_remembered_ones(client, news_index, settings):
    settings.PAGE_CACHE_SECONDS = 0
    source = classify(article(news_index, "Source"), tags=["ressourcerie"])
    classify(article(news_index, "Sur la ressourcerie"), tags=["ressourcerie"])
    classify(article(news_index, "Sur le climat"), tags=["climat"])
    live = client.get(source.url).content.decode()  # its suggestions are remembered from here on
    assert live.index(">Sur la ressourcerie<") < live.index(">Sur le climat<")

    draft = NewsPage.objects.get(pk=source.pk)
    draft.tags.set(["climat"])  # the editor's unsaved change, as the edit form previews it
    preview = draft.make_preview_request(None, "").content.decode()

    assert preview.index(">Sur le climat<") < preview.index(">Sur la ressourcerie<")
