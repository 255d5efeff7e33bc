"""Redis stopped or frozen under a running site: every page and form still works, and the cache comes back."""

import time

import pytest

from network.membership.models import MembershipRequest
from network.newsletter.models import Subscriber
from news.factories import NewsPageFactory
from security.antispam import TIME_TRAP_FIELD
from tests.network.conftest import form_token, join_answers

from .services import wait_until

pytestmark = pytest.mark.faults


def test_a_stopped_redis_slows_nothing_down_loses_nothing_and_is_used_again_once_back(
    redis, app_server, news_index, join_form
):
    article = NewsPageFactory(parent=news_index, title="Territoires en transition")
    site = app_server(REDIS_URL=redis.url)
    assert site.get("/healthz").json()["status"] == "ok"
    pages = ["/", article.url, "/recherche/?q=territoires"]
    assert [site.get(page).status_code for page in pages] == [200, 200, 200]

    with redis.stopped():
        assert [site.get(page).status_code for page in pages] == [200, 200, 200]
        health = site.get("/healthz")
        assert health.status_code == 200
        assert health.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "erreur", "storage": "ok"}}

        joined = site.post_form(join_form.url, join_answers())
        subscribed = site.post_form(
            "/newsletter/", {"email": "lea@exemple.org", "consent": "on", TIME_TRAP_FIELD: form_token()}
        )
        assert (joined.status_code, subscribed.status_code) == (302, 302)
        assert MembershipRequest.objects.get().structure_name == "Les Jardins partagés de Fives"
        assert Subscriber.objects.get().email == "lea@exemple.org"

    # The worker leaves the cache aside a few seconds after a failure (health/cache.py), then uses it.
    wait_until(lambda: site.get("/healthz").json()["status"] == "ok", 20, "le cache n'est pas repris")
    assert site.get(article.url).status_code == 200
    assert redis.keys(), "the site stores nothing in Redis once it is back"


def test_a_frozen_redis_costs_each_page_little_loses_nothing_and_is_used_again_once_back(
    redis, app_server, news_index, join_form
):
    """redis-server stopped by SIGSTOP: connections open, nothing answers, new ones are never greeted."""
    article = NewsPageFactory(parent=news_index, title="Territoires en transition")
    site = app_server(REDIS_URL=redis.url)
    pages = ["/", article.url, "/recherche/?q=territoires", "/healthz"]
    assert [site.get(page).status_code for page in pages] == [200, 200, 200, 200]

    with redis.frozen():
        for page in pages * 2:
            started = time.monotonic()
            assert site.get(page).status_code == 200, page
            assert time.monotonic() - started < 3, page
        assert site.get("/healthz").json()["status"] == "degraded"
        joined = site.post_form(join_form.url, join_answers())
        assert joined.status_code == 302
        assert MembershipRequest.objects.count() == 1

    wait_until(lambda: site.get("/healthz").json()["status"] == "ok", 20, "le cache n'est pas repris")
    assert site.get(article.url).status_code == 200
