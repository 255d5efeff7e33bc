"""What the page cache answers without the database, and what it never keeps or shares."""

import pytest

from django.core.cache import cache
from django.test import Client

from wagtail.models import PageViewRestriction

from config.settings.base import redis_cache
from core.factories import ThemeFactory
from home.factories import StandardPageFactory
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from news.factories import NewsPageFactory
from tests.pagecache.conftest import html

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_answered_without_any_query(client, site_with_listings, django_assert_num_queries):
    first = html(client, "/")

    with django_assert_num_queries(0):
        second = client.get("/")

    assert second.status_code == 200 and second.content.decode() == first
    with django_assert_num_queries(0):
        assert client.head("/").status_code == 200


@pytest.mark.parametrize("url", ["/actualites/", "/agenda/", "/agenda/passes/", "/actualites/?page=2", "/recherche/"])
def test_listings_and_the_search_page_are_cached(client, site_with_listings, url, django_assert_num_queries):
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_listing_parameters_in_any_order_share_one_copy(client, site_with_listings, django_assert_num_queries):
    ThemeFactory(name="Climat", slug="climat")
    client.get("/actualites/?theme=climat&page=1")
    with django_assert_num_queries(0):
        client.get("/actualites/?page=1&theme=climat")
        client.get("/actualites/?page=1&tag=&theme=climat")  # an empty filter is no filter


@pytest.mark.parametrize(
    "tracked",
    [
        "utm_source=lettre&utm_medium=email&utm_campaign=decembre",
        "fbclid=IwAR0x&gclid=Cj0K",
        "mc_cid=abc123&mc_eid=def456",
        "origine=partenaire",  # PAGE_CACHE_IGNORED_PARAMETERS
    ],
)
def test_tracking_parameters_are_answered_from_the_cache_and_never_seen_by_pages(
    client, site_with_listings, settings, django_assert_num_queries, tracked
):
    settings.PAGE_CACHE_IGNORED_PARAMETERS = frozenset({"origine"})
    ThemeFactory(name="Climat", slug="climat")
    page = html(client, "/actualites/?theme=climat")

    with django_assert_num_queries(0):
        response = client.get(f"/actualites/?{tracked}&theme=climat")
    assert response.content.decode() == page and "s-maxage" in response["Cache-Control"]
    # Rendered with a tracking tag first, the page keeps it out of its links for the next visitors.
    cache.clear()
    assert f"{tracked.split('=')[0]}=" not in html(client, f"/actualites/?{tracked}&theme=climat&page=1")


def test_random_filter_values_make_no_cache_entry(client, site_with_listings):
    """2,525 requests with random `?theme=` values once added 4,185 entries (pages and counts) to Redis."""
    # Each address read once: its route is remembered (one entry per address, not per value).
    html(client, "/actualites/")
    client.get("/actualites/rss/")
    entries = len(cache._cache)
    for value in ["a1b2c3", "zz-top", "x" * 99]:
        for url in [f"/actualites/?theme={value}", f"/actualites/?tag={value}", f"/actualites/rss/?theme={value}"]:
            assert client.get(url).status_code == 200
            assert "s-maxage" not in client.get(url).get("Cache-Control", "")
    assert len(cache._cache) == entries


@pytest.mark.parametrize(
    "url",
    [
        "/recherche/?q=participation",  # free text, and each search is counted for the statistics
        "/actualites/?cache_buster=123",  # unknown parameters must not multiply the copies
        "/actualites/?page=1&page=2",
        "/actualites/?tag=" + "x" * 101,
        "/page-qui-n-existe-pas/",  # 404s are not kept
    ],
)
def test_searches_unknown_parameters_and_missing_pages_always_reach_the_site(client, site_with_listings, url):
    client.get(url)
    response = client.get(url)
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_a_cached_page_tells_a_cdn_to_share_it_and_browsers_to_keep_it_a_minute(client, site_with_listings):
    fresh = client.get("/actualites/")
    cached = client.get("/actualites/")

    for response in (fresh, cached):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=60"} <= directives
        assert "s-maxage=600" in directives or "s-maxage=599" in directives
        assert "Cookie" in response["Vary"]


def test_a_signed_in_editor_is_never_served_or_stored_and_gets_private_pages(client, editor_client, site_with_listings):
    html(client, "/")  # the anonymous copy

    response = editor_client.get("/")
    assert "userbar" in response.content.decode()  # Wagtail's editing bar: the editor's own page
    assert response["Cache-Control"] == "private, no-store"

    anonymous = client.get("/")
    assert "userbar" not in anonymous.content.decode()


def test_the_admin_is_never_cached(editor_client, site_with_listings):
    editor_client.get("/admin/")
    response = editor_client.get("/admin/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in Client().get("/admin/")["Cache-Control"]


def test_a_preview_shows_the_draft_not_the_cached_live_page(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Version en ligne")
    html(client, page.url)  # the live page, now cached for its own address

    page.title = "Version en cours de rédaction"
    preview = page.make_preview_request()  # no visitor's cookie: the dummy request looks anonymous

    content = preview.content.decode()
    assert "Version en cours de rédaction" in content and "Version en ligne" not in content
    assert "private" in preview["Cache-Control"]


def test_the_join_form_carries_its_csrf_token_and_is_never_shared(client, network_section):
    join_form = JoinFormPageFactory(parent=network_section)
    add_join_form_fields(join_form)
    first = client.get(join_form.url)
    second = client.get(join_form.url)

    assert "csrfmiddlewaretoken" in second.content.decode()
    assert first.cookies["csrftoken"].value and second.cookies["csrftoken"].value
    assert second["Cache-Control"] == "private, no-store"


def test_the_health_check_is_never_cached_or_shared(client, home_page):
    client.get("/healthz")
    response = client.get("/healthz")  # a copy from the cache would say `public`

    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_post_answers_are_never_cached_or_shared(client, site_with_listings):
    response = client.post("/newsletter/", {"email": "pas-une-adresse"})
    assert response.status_code == 200 and {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert "pas-une-adresse" not in client.get("/newsletter/").content.decode()


def test_a_page_restricted_by_password_stays_private(client, home_page):
    secret = StandardPageFactory(parent=home_page, title="Compte rendu interne", slug="interne")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="sesame")

    for _ in range(2):
        response = client.get("/interne/")
        assert "Compte rendu interne" not in response.content.decode()
        assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Bientôt réservé", slug="reserve")
    html(client, "/reserve/")

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/reserve/").status_code == 302


@pytest.mark.urls("tests.pagecache.urls")
def test_a_page_showing_a_message_is_neither_stored_nor_shared(client, home_page):
    for _ in range(2):  # a copy served from the cache would say `public`
        response = client.get("/avec-message/")
        assert "Votre demande est enregistrée." in response.content.decode()
        assert response["Cache-Control"] == "private, no-store"


def test_a_visitor_with_a_pending_message_is_not_answered_from_the_cache(client, site_with_listings):
    html(client, "/")
    client.cookies["messages"] = "en-attente"

    response = client.get("/")

    assert response["Cache-Control"] == "private, no-store"


def test_a_cache_that_is_down_leaves_every_page_served_by_the_site(client, site_with_listings, settings):
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:1/0")}  # nothing listens on port 1

    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 200 and "Première rencontre" in response.content.decode()


def test_turning_the_page_cache_off_serves_every_visit_from_the_site(client, site_with_listings, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/actualites/")
    response = client.get("/actualites/")
    assert "public" not in response.get("Cache-Control", "")
