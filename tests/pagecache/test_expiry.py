"""Events leave « à venir » when they end, with no publication: cached pages expire at that very moment."""

from datetime import timedelta

import pytest

from news.cache_expiry import next_event_boundary
from news.factories import EventPageFactory
from pagecache.expiry import page_timeout
from pagecache.generation import current_generation
from tests.pagecache.conftest import html, linked

pytestmark = pytest.mark.django_db


def lifetimes(response):
    """(max-age, s-maxage) the response gives browsers and shared caches."""
    directives = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(","))
    return int(directives["max-age"]), int(directives["s-maxage"])


def test_an_ongoing_event_moves_to_the_past_on_the_cached_agenda_and_home_page_when_it_ends(
    client, clock, site_with_listings, event_index, django_assert_num_queries
):
    EventPageFactory(
        parent=event_index,
        title="Atelier en cours",
        starts_at=clock.now - timedelta(hours=1),
        ends_at=clock.now + timedelta(seconds=90),
    )
    for url in ("/agenda/", "/"):
        response = client.get(url)
        assert linked("Atelier en cours") in response.content.decode()
        assert lifetimes(response) == (60, 90)  # the seconds left until the event ends

    clock.advance(89)
    with django_assert_num_queries(0):
        assert lifetimes(client.get("/agenda/")) == (1, 1)  # a CDN gets what is left, not 90 again

    clock.advance(1)
    assert linked("Atelier en cours") not in html(client, "/agenda/")
    assert linked("Atelier en cours") not in html(client, "/")
    assert linked("Atelier en cours") in html(client, "/agenda/passes/")


def test_the_next_event_start_bounds_the_lifetime_too(client, clock, site_with_listings, event_index):
    EventPageFactory(parent=event_index, starts_at=clock.now + timedelta(seconds=200))

    assert lifetimes(client.get("/agenda/")) == (60, 200)


def test_without_an_event_soon_pages_keep_the_configured_lifetime(client, clock, home_page, settings):
    assert lifetimes(client.get("/")) == (60, 600)

    settings.PAGE_CACHE_SECONDS = 120
    assert lifetimes(client.get("/?page=1")) == (60, 120)


def test_publishing_an_event_that_starts_sooner_shortens_the_lifetime(client, clock, site_with_listings, event_index):
    assert lifetimes(client.get("/agenda/")) == (60, 600)

    EventPageFactory(parent=event_index, starts_at=clock.now + timedelta(seconds=100)).save_revision().publish()

    assert lifetimes(client.get("/agenda/")) == (60, 100)


def test_the_next_boundary_costs_one_query_then_none_until_it_passes(
    clock, site_with_listings, event_index, django_assert_num_queries
):
    ends_at = clock.now + timedelta(seconds=300)
    EventPageFactory(parent=event_index, starts_at=clock.now - timedelta(hours=1), ends_at=ends_at)
    EventPageFactory(parent=event_index, starts_at=clock.now - timedelta(hours=2), ends_at=clock.now)  # over
    generation = current_generation()

    with django_assert_num_queries(1):
        assert next_event_boundary(clock.now) == ends_at

    with django_assert_num_queries(1):
        assert page_timeout(generation, clock.now) == 300
    with django_assert_num_queries(0):
        assert page_timeout(generation, clock.now + timedelta(seconds=100)) == 200
    with django_assert_num_queries(1):  # past the boundary: the next one is looked up
        page_timeout(generation, ends_at)


def test_drafts_of_events_do_not_shorten_the_lifetime(clock, site_with_listings, event_index):
    EventPageFactory(parent=event_index, live=False, starts_at=clock.now + timedelta(seconds=30))

    assert page_timeout(current_generation(), clock.now) == 600
