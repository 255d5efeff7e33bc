"""nginx in front of gunicorn serves what the site allows it to share, and forgets it when Wagtail says so.

"Reached Django" is counted inside Django (tests/frontcache/request_log.py), not read from a header.
"""

import gzip

import pytest
import requests

from django.test import Client

from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.frontcache


@pytest.fixture
def site(home_page):
    """A home page listing the latest news, a news index and one article, all published."""
    news = NewsIndexPageFactory(parent=home_page)
    article = NewsPageFactory(parent=news, title="Premier article", slug="premier-article")
    home_page.body = [("latest_content", {"title": "Dernières actualités", "content_type": "actualites", "count": 3})]
    home_page.save_revision().publish()
    return home_page, news, article


def served_twice(front, path, **kwargs):
    """The first answer (from the site) and the second (from the cache), both 200."""
    first, second = front.get(path, **kwargs), front.get(path, **kwargs)
    assert (first.status_code, second.status_code) == (200, 200), (first.text[:300], second.text[:300])
    return first, second


def test_a_second_anonymous_request_never_reaches_django(front, site):
    first, second = served_twice(front, "/actualites/premier-article/")

    assert front.reached_django("/actualites/premier-article/") == 1
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content and "Premier article" in second.text
    head = front.request("HEAD", "/actualites/premier-article/")
    assert (head.status_code, head.headers["X-Cache"], head.content) == (200, "HIT", b"")
    assert front.reached_django("/actualites/premier-article/") == 1


def test_cached_pages_are_compressed_for_those_who_accept_it(front, site):
    served_twice(front, "/actualites/")

    compressed = front.get("/actualites/", headers={"Accept-Encoding": "gzip"}, stream=True)
    plain = front.get("/actualites/", headers={"Accept-Encoding": "identity"})

    assert compressed.headers["Content-Encoding"] == "gzip" and compressed.headers["X-Cache"] == "HIT"
    assert gzip.decompress(compressed.raw.read()) == plain.content
    assert "Content-Encoding" not in plain.headers and plain.headers["X-Cache"] == "HIT"
    assert "Accept-Encoding" in compressed.headers["Vary"] and "Cookie" in compressed.headers["Vary"]
    assert front.reached_django("/actualites/") == 1


def test_a_signed_in_editor_is_never_answered_from_the_cache(front, site, django_user_model):
    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("editrice", "e@example.org", "mot-de-passe-solide"))
    cookies = {"sessionid": editor.cookies["sessionid"].value}
    served_twice(front, "/actualites/premier-article/")

    for _ in range(2):
        signed_in = front.get("/actualites/premier-article/", cookies=cookies)
        assert signed_in.status_code == 200 and signed_in.headers["X-Cache"] == "BYPASS"
        assert "wagtail-userbar" in signed_in.text  # the editor's own page, with the editing bar

    assert front.reached_django("/actualites/premier-article/") == 3
    anonymous = front.get("/actualites/premier-article/")
    assert anonymous.headers["X-Cache"] == "HIT" and "wagtail-userbar" not in anonymous.text


def test_publishing_purges_the_page_its_index_and_the_home_page(front, site):
    _home, _news, article = site
    for path in ("/", "/actualites/", "/actualites/premier-article/"):
        served_twice(front, path)

    article.title = "Premier article, corrigé"
    article.save_revision().publish()

    for path in ("/", "/actualites/", "/actualites/premier-article/"):
        answer = front.get(path)
        assert "Premier article, corrigé" in answer.text, path
        assert front.reached_django(path) == 2, path


def test_a_page_made_private_stops_being_served_at_once(front, site):
    served_twice(front, "/actualites/premier-article/")

    PageViewRestriction.objects.create(page=site[2], restriction_type=PageViewRestriction.LOGIN)

    answer = front.get("/actualites/premier-article/")
    assert answer.status_code == 302 and "/login/?next=/actualites/premier-article/" in answer.headers["Location"]
    assert front.reached_django("/actualites/premier-article/") == 2
    assert front.get("/actualites/premier-article/").status_code == 302  # and the redirect is not kept
    assert front.reached_django("/actualites/premier-article/") == 3


def test_a_moved_page_is_not_served_at_its_former_address(front, site, home_page):
    served_twice(front, "/actualites/premier-article/")
    elsewhere = StandardPageFactory(parent=home_page, slug="archives")

    site[2].move(elsewhere, pos="last-child")

    assert front.get("/actualites/premier-article/").status_code in (301, 302, 404)
    assert front.reached_django("/actualites/premier-article/") == 2


def test_an_answer_that_sets_a_cookie_is_not_kept(front, site):
    for _ in range(2):
        answer = front.get("/avec-cookie/")
        assert answer.status_code == 200 and "preference" in answer.cookies

    assert front.reached_django("/avec-cookie/") == 2


def test_tracking_parameters_share_the_page_s_entry_and_others_go_to_the_site(front, site):
    served_twice(front, "/actualites/premier-article/")

    tagged = front.get("/actualites/premier-article/?utm_source=lettre&utm_medium=courriel&fbclid=abc&gclid=1")
    assert tagged.headers["X-Cache"] == "HIT"
    assert front.reached_django("/actualites/premier-article/") == 1

    listing = front.get("/actualites/?page=1&utm_campaign=avril")
    assert listing.headers["X-Cache"] == "BYPASS"
    assert front.reached_django("/actualites/?page=1&utm_campaign=avril") == 1


def test_static_files_are_served_from_disk_without_django(front, settings):
    answer = front.get("/static/css/site.css", headers={"Accept-Encoding": "gzip"}, stream=True)

    assert answer.status_code == 200 and answer.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(answer.raw.read()) == (settings.BASE_DIR / "static" / "css" / "site.css").read_bytes()
    assert front.reached_django("/static/css/site.css") == 0


def test_a_body_too_large_is_refused_before_django(front, site):
    answer = front.request("POST", "/newsletter/", data={"email": "a@example.org", "texte": "x" * 300_000})

    assert answer.status_code == 413
    assert "Envoi trop volumineux" in answer.text
    assert front.reached_django("/newsletter/", method="POST") == 0


def test_the_purge_address_takes_purge_requests_only(front, site):
    served_twice(front, "/actualites/")
    purge = front.nginx.purge_url

    assert (
        requests_to(purge + "/actualites/", "GET").status_code,
        requests_to(purge + "/actualites/", "PURGE").status_code,
        requests_to(purge + "/actualites/", "PURGE").status_code,  # nothing left to remove: not an error
    ) == (405, 200, 204)
    assert front.get("/actualites/").headers["X-Cache"] == "MISS"


def requests_to(url, method):
    return requests.request(method, url, headers={"Host": "testserver"}, timeout=10)
