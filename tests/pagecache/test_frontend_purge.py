"""A Varnish-like cache in front of the site hears about publications: the page, its index and the home page."""

import json
import subprocess  # noqa: S404 - runs this project's own settings module
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    """An HTTP server on 127.0.0.1 that records the PURGE requests the site sends it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_its_index_and_the_home_page(varnish, news_index):
    article = NewsPageFactory(parent=news_index, slug="nouvelle", live=False)

    article.save_revision().publish()

    assert set(varnish) == {
        ("testserver", "/actualites/nouvelle/"),
        ("testserver", "/actualites/"),
        ("testserver", "/"),
    }


def test_unpublishing_purges_them_too(varnish, news_index):
    article = NewsPageFactory(parent=news_index, slug="retiree")

    article.unpublish()

    assert set(varnish) == {("testserver", path) for path in ("/actualites/retiree/", "/actualites/", "/")}


@pytest.mark.parametrize("change", ["restricted", "opened again"])
def test_a_privacy_change_purges_the_page_and_everything_below_it(varnish, home_page, change):
    page = StandardPageFactory(parent=home_page, slug="reserve")
    StandardPageFactory(parent=page, slug="compte-rendu")
    restriction = PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)
    if change == "opened again":
        restriction.save()
    varnish.clear()

    restriction.save() if change == "restricted" else restriction.delete()

    assert set(varnish) == {("testserver", "/reserve/"), ("testserver", "/reserve/compte-rendu/")}


def test_nothing_is_purged_without_a_frontend_cache(varnish, settings, news_index):
    settings.WAGTAILFRONTENDCACHE = {}
    article = NewsPageFactory(parent=news_index, live=False)

    article.save_revision().publish()

    assert varnish == []


def settings_from(**env):
    code = (
        "import json; from config.settings import base; "
        "print(json.dumps([base.WAGTAILFRONTENDCACHE, base.PAGE_CACHE_SECONDS]))"
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], env={"PATH": "/usr/bin:/bin", **env}, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_the_environment_configures_varnish_cloudflare_and_the_page_cache_lifetime():
    frontend, seconds = settings_from(
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="jeton",
        PAGE_CACHE_SECONDS="300",
    )
    assert frontend["varnish"]["LOCATION"] == "http://varnish.internal:6081"
    assert frontend["cloudflare"]["ZONEID"] == "zone" and frontend["cloudflare"]["BEARER_TOKEN"] == "jeton"
    assert seconds == 300


def test_the_page_cache_is_on_by_default_only_with_a_cache_shared_by_every_process():
    assert settings_from(REDIS_URL="redis://cache.internal:6379/0") == [{}, 600]
    assert settings_from() == [{}, 0]


def test_moving_a_page_purges_its_former_addresses_and_both_listings(varnish, home_page, news_index, resource_index):
    article = NewsPageFactory(parent=news_index, slug="deplacee")
    StandardPageFactory(parent=article, slug="annexe")
    varnish.clear()

    article.move(resource_index, pos="last-child")

    # Wagtail also purges the redirects it creates from the former addresses (without their slash).
    assert set(varnish) >= {
        ("testserver", "/actualites/deplacee/"),
        ("testserver", "/actualites/deplacee/annexe/"),
        ("testserver", "/actualites/"),
        ("testserver", "/ressources/"),
        ("testserver", "/"),
    }


def test_renaming_a_page_purges_its_former_addresses(varnish, news_index, django_capture_on_commit_callbacks):
    article = NewsPageFactory(parent=news_index, slug="ancien-nom")
    StandardPageFactory(parent=article, slug="annexe")
    varnish.clear()

    article.slug = "nouveau-nom"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail tells of a new slug once committed
        article.save_revision().publish()

    assert {("testserver", "/actualites/ancien-nom/"), ("testserver", "/actualites/ancien-nom/annexe/")} <= set(varnish)
    assert ("testserver", "/actualites/nouveau-nom/") in varnish
