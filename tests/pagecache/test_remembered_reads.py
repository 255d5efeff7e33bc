"""What an uncached page reads once per content generation (pagecache.routes, remembered_if_shared and
the article fragments): the route to a page, its site, whether it is private, its relations and its
article. A visitor never sees what the remembered reads hid: every change shows at once.

The page cache is off: what is proven is the remembered reads' own invalidation.
"""

import pytest

from django.core.cache import cache

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from core.factories import ThemeFactory
from network.directory.factories import ActorFactory
from news.factories import NewsPageFactory, classify
from tests.pagecache.conftest import html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_page_cache_off")]


@pytest.fixture
def article(news_index):
    return NewsPageFactory(parent=news_index, title="Un article", slug="un-article", chapo="Le chapô d'origine.")


def test_a_renamed_page_answers_at_its_new_address_only(client, article):
    html(client, article.url)  # its route is remembered

    article.slug = "nouvelle-adresse"
    article.save_revision().publish()

    assert client.get("/actualites/un-article/").status_code == 404
    assert "Un article" in html(client, "/actualites/nouvelle-adresse/")


def test_an_unpublished_page_answers_404_at_once(client, article):
    html(client, article.url)

    article.unpublish()

    assert client.get("/actualites/un-article/").status_code == 404


def test_a_page_made_private_is_no_longer_shown_to_visitors(client, article):
    html(client, article.url)  # remembered as public

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(article.url)
    assert response.status_code == 302 and "Un article" not in response.content.decode()


def test_a_published_change_shows_in_the_article_at_once(client, article):
    html(client, article.url)  # the article is kept as rendered HTML

    article.chapo = "Un chapô corrigé."
    article.save_revision().publish()

    content = html(client, article.url)
    assert "Un chapô corrigé." in content and "Le chapô d'origine." not in content


def test_a_renamed_theme_shows_on_the_article_and_the_actor_page_at_once(client, article, directory):
    theme = ThemeFactory(name="Climat", slug="climat")
    classify(article, themes=[theme])
    actor = ActorFactory(name="Collectif des haies", themes=[theme])
    actor_url = f"{directory.url}{actor.slug}/"
    assert "Climat" in html(client, article.url) and "Climat" in html(client, actor_url)

    theme.name = "Climat et énergie"
    theme.save()

    assert "Climat et énergie" in html(client, article.url)
    assert "Climat et énergie" in html(client, actor_url)


def test_a_preview_shows_the_themes_of_its_draft(client, article):
    kept, drafted = ThemeFactory(name="Climat"), ThemeFactory(name="Mobilités")
    classify(article, themes=[kept])
    html(client, article.url)  # the live page's themes are remembered

    article.themes.set([drafted])
    preview = article.make_preview_request().content.decode()

    assert "Mobilités" in preview and ">Climat<" not in preview


def test_an_actor_preview_shows_the_themes_of_its_draft(client, directory):
    kept, drafted = ThemeFactory(name="Climat"), ThemeFactory(name="Mobilités")
    actor = ActorFactory(name="Collectif des haies", themes=[kept])
    html(client, f"{directory.url}{actor.slug}/")  # the published card's themes are remembered

    actor.themes.set([drafted])
    preview = actor.make_preview_request().content.decode()

    assert "Mobilités" in preview and ">Climat<" not in preview


def test_an_address_that_leads_nowhere_is_not_remembered(client, article):
    html(client, article.url)
    client.get("/actualites/page-inconnue/")  # the « page introuvable » page's menu and footer are kept
    entries = len(cache._cache)

    for number in range(20):
        assert client.get(f"/actualites/page-inconnue-{number}/").status_code == 404

    assert len(cache._cache) == entries


def test_a_new_editors_pick_shows_in_the_search_at_once(client, news_index, article):
    picked = NewsPageFactory(parent=news_index, title="Le guide du compostage")
    # No pick for these words: the list of promoted queries is remembered, and no pick is looked up.
    assert "Le guide du compostage" not in html(client, "/recherche/?q=lombricomposteur")

    SearchPromotion.objects.create(query=Query.get("lombricomposteur"), page=picked, sort_order=0)

    assert "Le guide du compostage" in html(client, "/recherche/?q=lombricomposteur")
