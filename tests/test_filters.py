"""One filter engine for every listing: a value means the same on a page, its feeds, its calendar, the
directory and the search, and the page cache keys pages on exactly the parameters they declare."""

import re
from datetime import timedelta

import feedparser
import pytest
from icalendar import Calendar

from django.http import QueryDict
from django.utils import timezone

from core.factories import ThemeFactory
from core.filters import MAX_VALUE_LENGTH, ChoiceFilter, FilterSet, TextFilter, theme_filter
from network.directory.factories import ActorFactory
from news.factories import EventPageFactory, NewsPageFactory, ResourcePageFactory, TopicPageFactory, classify
from news.models import EditorialPage
from pagecache.middleware import LISTING_PARAMETERS

pytestmark = pytest.mark.django_db

FORMATS = FilterSet(
    theme_filter(),
    ChoiceFilter("format", "format", "eventpage__event_format", choices={"en-ligne": "En ligne"}),
    TextFilter("q", "recherche", lambda pages, text: pages.filter(title__icontains=text)),
)


def read(query):
    return FORMATS.read(QueryDict(query))


def test_known_values_filter_with_their_labels_and_unknown_ones_are_named_in_french():
    ThemeFactory(name="Climat", slug="climat")

    known = read("theme=climat&format=en-ligne&q=%20atelier%20")
    unknown = read("theme=nulle-part&format=teleportation")

    assert known.active == {"theme": "Climat", "format": "En ligne", "q": "atelier"}
    assert known.unknown == []
    assert unknown.values == {}
    assert unknown.unknown == ["thème « nulle-part »", "format « teleportation »"]
    assert unknown.apply(EditorialPage.objects.all()).query.is_empty()


def test_a_value_is_read_up_to_one_length_everywhere():
    value = "x" * (MAX_VALUE_LENGTH + 50)
    assert read(f"format={value}").unknown == [f"format « {'x' * MAX_VALUE_LENGTH} »"]


def test_a_value_that_is_no_slug_matches_nothing_without_asking_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        filters = read("theme=%00%3Cb%3E")
    assert filters.unknown == ["thème « \x00<b> »"]


def test_removing_a_filter_keeps_the_others_and_goes_back_to_the_first_page():
    ThemeFactory(name="Climat", slug="climat")
    query = QueryDict("theme=climat&format=en-ligne&page=3&utm=x")

    links = dict(FORMATS.read(query).removal_links(query))

    assert links["Climat"] == "?format=en-ligne&utm=x"
    assert links["En ligne"] == "?theme=climat&utm=x"


def test_the_page_cache_keys_pages_on_the_declared_parameters_and_never_on_free_text():
    assert FORMATS.parameters == ("page", "theme", "format")
    assert {"page", "theme", "tag", "type", "format", "mois", "kind", "year", "departement"} <= LISTING_PARAMETERS
    assert "q" not in LISTING_PARAMETERS


@pytest.fixture
def everywhere(home_page, news_index, resource_index, event_index, directory):
    """One climate item in every listing, and content that no filter value should ever reveal."""
    climat = ThemeFactory(name="Climat", slug="climat")
    start = timezone.now() + timedelta(days=3)
    end = start + timedelta(hours=2)
    classify(NewsPageFactory(parent=news_index, title="Territoires et climat"), themes=[climat])
    NewsPageFactory(parent=news_index, title="Territoires sans thème")
    classify(ResourcePageFactory(parent=resource_index, title="Guide du climat"), themes=[climat])
    classify(
        EventPageFactory(parent=event_index, title="Atelier climat", starts_at=start, ends_at=end),
        themes=[climat],
    )
    EventPageFactory(parent=event_index, title="Atelier libre", starts_at=start, ends_at=end)
    actor = ActorFactory(name="Territoires solidaires")
    actor.themes.set([climat])
    actor.save_revision().publish()
    topic = TopicPageFactory(parent=home_page, slug="dossier-climat")
    topic.themes.set([climat])
    topic.save_revision().publish()


PAGES = ["/actualites/", "/ressources/", "/agenda/", "/dossier-climat/", "/reseau/annuaire/"]


@pytest.mark.parametrize("url", PAGES)
def test_an_unknown_theme_is_named_on_every_listing_with_no_result_and_a_way_back(client, everywhere, url):
    html = client.get(url, {"theme": "nulle-part"}).content.decode()

    assert "thème « nulle-part »" in html
    assert "Aucun résultat" in html
    assert f'href="{url}"' in html


@pytest.mark.parametrize("url", ["/actualites/rss/", "/actualites/atom/", "/ressources/rss/"])
def test_an_unknown_theme_empties_a_feed_instead_of_filling_it(client, everywhere, url):
    assert feedparser.parse(client.get(url, {"theme": "climat"}).content).entries != []
    assert feedparser.parse(client.get(url, {"theme": "nulle-part"}).content).entries == []


def test_an_unknown_theme_empties_the_agenda_feed_instead_of_filling_it(client, everywhere):
    def summaries(theme):
        calendar = Calendar.from_ical(client.get("/agenda/ical/", {"theme": theme}).content)
        return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]

    assert summaries("climat") == ["Atelier climat"]
    assert summaries("nulle-part") == []


def test_the_search_narrows_by_the_same_theme_and_ignores_one_that_matches_nothing(client, everywhere):
    """A search is the exception: the visitor's words keep their results, the facets show what exists."""

    def found(theme):
        html = re.sub(r"<[^>]+>", "", client.get("/recherche/", {"q": "territoires", "theme": theme}).content.decode())
        return {title for title in ("Territoires et climat", "Territoires sans thème") if title in html}

    assert found("climat") == {"Territoires et climat"}
    assert found("nulle-part") == {"Territoires et climat", "Territoires sans thème"}
