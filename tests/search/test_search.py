"""Site search, run unchanged on SQLite and PostgreSQL: stemming, ranking, facets, promotions, exclusions."""

import itertools
import re

import pytest

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from core.factories import ThemeFactory
from home.factories import StandardPageFactory
from network.directory.factories import ActorFactory
from news.factories import EventIndexPageFactory, EventPageFactory, NewsPageFactory, classify
from news.models import NewsPage
from search.matching import parse
from search.query import highlight
from tests.bulk_pages import write_in_bulk
from tests.query_budget import assert_query_budget

pytestmark = pytest.mark.django_db


def titles(response):
    return [
        re.sub(r"<[^>]+>", "", title) for title in re.findall(r"<h3><a [^>]+>(.*?)</a></h3>", response.content.decode())
    ]


def status(response):
    return re.search(r'role="status" class="listing-count">([^<]*)<', response.content.decode()).group(1)


@pytest.fixture
def content(home_page, news_index, directory):
    climat = ThemeFactory(name="Climat", slug="climat")
    singular = NewsPageFactory(parent=news_index, title="Un territoire qui coopère")
    plural = classify(
        NewsPageFactory(parent=news_index, title="Territoires en transition", listing_summary="Des territoires."),
        themes=[climat],
    )
    accented = NewsPageFactory(
        parent=news_index, title="Réemploi solidaire", chapo="Le réemploi gagne nos territoires ruraux."
    )
    about = StandardPageFactory(
        parent=home_page, title="Qui sommes-nous", intro="Un centre au service des territoires."
    )
    ActorFactory(name="Territoires solidaires", short_description="Une association des territoires ruraux.")
    ActorFactory(name="Territoire caché", short_description="Pas encore publié.", live=False)
    return {"singular": singular, "plural": plural, "accented": accented, "about": about, "climat": climat}


@pytest.mark.parametrize("query", ["territoire", "Territoires", "térritoires", "TERRITOIRE"])
def test_singular_plural_case_and_accents_find_the_same_pages(client, content, query):
    found = set(titles(client.get("/recherche/", {"q": query})))
    assert found == {
        "Un territoire qui coopère",
        "Territoires en transition",
        "Réemploi solidaire",
        "Qui sommes-nous",
        "Accueil",  # its hero presents « le réseau régional des territoires participatifs »
        "Territoires solidaires",
    }


def test_a_word_in_the_title_ranks_above_a_word_in_the_text(client, content):
    ranked = titles(client.get("/recherche/", {"q": "réemploi"}))
    assert ranked[0] == "Réemploi solidaire"


def test_matched_words_are_highlighted_and_results_show_type_and_date(client, content):
    html = client.get("/recherche/", {"q": "territoires"}).content.decode()
    assert "<mark>Territoires</mark> en transition" in html
    assert "Actualité · <time" in html
    assert "Acteur · Association" in html


def test_drafts_unpublished_private_and_expired_pages_never_appear(client, content, news_index):
    content["singular"].unpublish()
    private = NewsPageFactory(parent=news_index, title="Territoire réservé aux membres")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    expired = NewsPageFactory(parent=news_index, title="Territoire périmé")
    expired.expired = True
    expired.live = False
    expired.save()

    found = titles(client.get("/recherche/", {"q": "territoire"}))

    assert "Un territoire qui coopère" not in found
    assert "Territoire réservé aux membres" not in found
    assert "Territoire périmé" not in found
    assert "Territoire caché" not in found


def test_results_are_counted_by_type_and_the_types_add_up_to_the_total(client, content):
    html = client.get("/recherche/", {"q": "territoire"}).content.decode()
    assert "Actualités (3)" in html and "Pages (2)" in html and "Acteurs (1)" in html
    assert "6 résultats" in status(client.get("/recherche/", {"q": "territoire"}))
    counts = [int(count) for count in re.findall(r"\((\d+)\)</a>", html.split('id="facet-types"')[1].split("</ul>")[0])]
    assert sum(counts) == 6

    narrowed = client.get("/recherche/", {"q": "territoire", "type": "acteurs"})
    assert titles(narrowed) == ["Territoires solidaires"]
    assert status(narrowed).startswith("1 résultat")


def test_results_are_counted_by_theme_and_can_be_narrowed(client, content):
    html = client.get("/recherche/", {"q": "territoire"}).content.decode()
    assert "Climat (1)" in html
    assert titles(client.get("/recherche/", {"q": "territoire", "theme": "climat"})) == ["Territoires en transition"]


def test_an_unknown_type_or_theme_searches_everything(client, content):
    assert len(titles(client.get("/recherche/", {"q": "territoire", "type": "inconnu"}))) == 6
    assert len(titles(client.get("/recherche/", {"q": "territoire", "theme": "<b>"}))) == 6


def test_editors_promoted_results_come_first(client, content):
    SearchPromotion.objects.create(query=Query.get("territoire"), page=content["about"], sort_order=0)
    html = client.get("/recherche/", {"q": "territoire"}).content.decode()
    assert html.index("Recommandé par la rédaction") < html.index("qui coopère")
    assert html.count(">Qui sommes-nous</a>") == 1


def test_the_total_counts_each_match_once_index_pages_and_promotions_included(client, content, home_page, news_index):
    news_index.title = "Actualités des territoires"  # an index page: a « page », counted as such
    news_index.save_revision().publish()
    elsewhere = StandardPageFactory(parent=home_page, title="Adhérer au réseau")  # promoted, does not match
    territoire = Query.get("territoire")
    SearchPromotion.objects.create(query=territoire, page=content["about"], sort_order=0)  # promoted, matches
    SearchPromotion.objects.create(query=territoire, page=elsewhere, sort_order=1)

    response = client.get("/recherche/", {"q": "territoire"})

    assert "Actualités des territoires" in titles(response)
    # 6 pages and 1 actor match, one of them promoted above the others; the page promoted without matching
    # is shown, not counted.
    assert status(response).startswith("7 résultats")
    assert "Pages (3)" in response.content.decode()


def test_searches_are_recorded_for_the_popular_queries_report(client, content):
    client.get("/recherche/", {"q": "Territoire"})
    client.get("/recherche/", {"q": "territoire"})
    assert Query.get("territoire").hits == 2


def test_past_events_are_found_too(client, home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    past = timezone.now() - timezone.timedelta(days=400)
    EventPageFactory(
        parent=agenda, title="Rencontre des territoires", starts_at=past, ends_at=past + timezone.timedelta(hours=2)
    )
    assert titles(client.get("/recherche/", {"q": "rencontre"})) == ["Rencontre des territoires"]


def test_the_empty_search_offers_themes_and_latest_content(client, content):
    html = client.get("/recherche/").content.decode()
    assert "Parcourir par thème" in html and ">Climat</a>" in html
    assert "Derniers contenus" in html and "Territoires en transition" in html


def test_no_result_gives_advice(client, content):
    html = client.get("/recherche/", {"q": "xylophone"}).content.decode()
    assert "Aucun résultat" in html and "Vérifiez l'orthographe" in html


HOSTILE = [
    "",
    "a" * 2000,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    '"unbalanced',
    "*",
    "🌱 territoire 🌍",
    "مرحبا بالعالم",
    "territoire AND NOT OR ( ) -",
    "\x00territoire",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_answer_200_with_escaped_output(client, content, query):
    response = client.get("/recherche/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_suggestions_list_page_titles_as_json(client, content):
    response = client.get("/recherche/suggestions/", {"q": "territ"})
    suggestions = response.json()["suggestions"]
    assert {"title": "Territoires en transition", "url": content["plural"].url} in suggestions
    assert client.get("/recherche/suggestions/", {"q": "<"}).json() == {"suggestions": []}


def test_the_search_box_is_in_the_header_of_every_page(client, content):
    html = client.get(content["plural"].url).content.decode()
    assert 'role="search"' in html and 'action="/recherche/"' in html


def test_words_are_folded_and_singular_and_syntax_stays_data():
    assert parse("Térritoires", synonyms=[]).terms == {"territoire"}
    assert not parse("*", synonyms=[])
    assert parse("' OR 1=1 --", synonyms=[]).terms == {"or", "1"}


def test_highlight_escapes_and_marks_words_without_accents():
    assert str(highlight("Les térritoires <b>ruraux</b>", {"territoire"})) == (
        "Les <mark>térritoires</mark> &lt;b&gt;ruraux&lt;/b&gt;"
    )


def test_excerpts_are_cut_between_words_and_centred_on_the_first_match():
    text = " ".join(f"mot{number}" for number in range(100)) + " bocage " + " ".join(f"fin{n}" for n in range(100))
    excerpt = str(highlight(text, {"bocage"}, length=60))
    body = excerpt.removeprefix("… ").removesuffix(" …")
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert body.split() == [word for word in body.split() if re.fullmatch(r"mot\d+|fin\d+|<mark>bocage</mark>", word)]
    before, after = body.split("<mark>bocage</mark>")
    assert abs(len(before) - len(after)) <= 8
    assert len(body.replace("<mark>", "").replace("</mark>", "")) <= 60


def test_results_page_keeps_its_query_budget_as_content_grows(client, content, news_index):
    numbers = itertools.count()

    def grow(count):
        # Each article found, with a theme of its own: the counts by theme grow with the results.
        theme_of = {f"territoire-en-mouvement-{next(numbers)}": theme for theme in ThemeFactory.create_batch(count)}
        pages = [NewsPage(title="Territoire en mouvement", slug=slug) for slug in theme_of]
        write_in_bulk(news_index, pages, lambda page: [theme_of[page.slug]], lambda _page: [])

    # The site, its settings, the synonyms, the themes and the promoted queries are remembered until the
    # content changes (the menu is read as rendered HTML). The query's row for the statistics, its
    # daily hits (read, then counted); the counts by type and by theme and the ranked page of results
    # (three queries, the total read from the counts); the results' editorial pages in one query, the
    # other pages by type.
    assert_query_budget(client, "/recherche/?q=territoire", budget=8, grow=grow, sizes=(10, 60))


def test_words_of_the_summary_shown_under_a_result_find_it(client, content, news_index):
    NewsPageFactory(parent=news_index, title="Haies et paysages", listing_summary="Replanter le bocage ensemble.")
    assert titles(client.get("/recherche/", {"q": "bocage"})) == ["Haies et paysages"]


def test_suggestions_answer_head_as_get(client, home_page):
    response = client.head("/recherche/suggestions/?q=cl")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
