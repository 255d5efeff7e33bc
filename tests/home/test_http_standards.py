"""Compression and conditional GET against a real server, as browsers, feed readers and calendar apps ask."""

import gzip

import pytest
import requests

from django.utils import timezone

from news.factories import EventPageFactory, NewsPageFactory

GENERATED = ["/", "/actualites/", "/actualites/rss/", "/actualites/atom/", "/agenda/ical/", "/sitemap.xml"]


@pytest.fixture
def site(home_page, news_index, event_index):
    NewsPageFactory(parent=news_index, title="Sobriété énergétique", publication_date=timezone.now())
    EventPageFactory(parent=event_index, title="Forum des transitions")


def fetch(url, **headers):
    response = requests.get(url, headers={"Accept-Encoding": "gzip", **headers}, timeout=10, stream=True)
    response.compressed = response.raw.read()  # the bytes on the wire, before requests decompresses them
    return response


@pytest.mark.parametrize("page_cache_seconds", [0, 600], ids=["page-cache-off", "page-cache-on"])
def test_generated_responses_are_compressed_and_answer_304_when_unchanged(
    live_server, site, settings, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    for path in GENERATED:
        url = live_server.url + path
        first = fetch(url)
        plain = gzip.decompress(first.compressed)

        assert first.status_code == 200, path
        assert first.headers["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in first.headers["Vary"], path
        assert len(first.compressed) < len(plain), path

        etag = first.headers["ETag"]
        again = fetch(url, **{"If-None-Match": etag})
        assert again.status_code == 304 and again.compressed == b"", path
        assert again.headers["ETag"].removeprefix("W/") == etag.removeprefix("W/"), path
        if "Last-Modified" in first.headers:
            assert fetch(url, **{"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 304, path
        # Without compression, the same validator: it names the content, not its encoding.
        identity = requests.get(url, headers={"Accept-Encoding": "identity"}, timeout=10)
        assert "Content-Encoding" not in identity.headers, path
        assert identity.headers["ETag"] == etag.removeprefix("W/"), path
        if page_cache_seconds:
            # The page cache keeps the plain body and serves it to both, compressed only on the way out.
            assert "s-maxage=" in first.headers["Cache-Control"], f"{path} was not stored by the page cache"
            assert identity.content == plain, path


def test_a_page_with_a_csrf_token_gets_a_new_token_and_is_never_shared(live_server, home_page):
    """BREACH needs a secret repeated across compressed responses: Django masks the token anew each time."""
    tokens = set()
    for _ in range(3):
        response = fetch(live_server.url + "/admin/login/")
        html = gzip.decompress(response.compressed).decode()
        tokens.add(html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0])
        assert response.headers["Content-Encoding"] == "gzip"
        assert "no-store" in response.headers["Cache-Control"] or "private" in response.headers["Cache-Control"]
    assert len(tokens) == 3
