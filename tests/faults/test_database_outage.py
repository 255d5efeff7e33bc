"""PostgreSQL stopped under a running site: a French 503 within 3 seconds, then back by itself."""

import time

import pytest

from news.factories import NewsPageFactory

pytestmark = pytest.mark.faults

UNAVAILABLE_WITHIN_SECONDS = 3


def timed(request):
    started = time.monotonic()
    response = request()
    return response, time.monotonic() - started


@pytest.fixture
def article(news_index):
    return NewsPageFactory(parent=news_index, title="Territoires en transition")


def test_a_stopped_database_gets_the_503_page_fast_and_the_site_comes_back_by_itself(postgresql, app_server, article):
    # A search is never answered from the page cache: each one reaches the database.
    page = "/recherche/?q=territoires"
    site = app_server()
    response = site.get(page)
    assert response.status_code == 200 and f'href="{article.url}"' in response.text

    with postgresql.stopped():
        response, elapsed = timed(lambda: site.get(page))
        assert response.status_code == 503
        assert elapsed < UNAVAILABLE_WITHIN_SECONDS
        assert response.headers["Retry-After"] == "30"
        assert response.headers["Cache-Control"] == "no-store"
        assert "Site momentanément indisponible" in response.text
        assert site.get("/static/css/site.css").status_code == 200

        health, elapsed = timed(lambda: site.get("/healthz"))
        assert health.status_code == 503 and elapsed < UNAVAILABLE_WITHIN_SECONDS
        assert health.json() == {
            "status": "unavailable",
            "checks": {"database": "erreur", "cache": "ok", "storage": "ok"},
        }

    # The same gunicorn worker, whose connection died with the server: its health check reconnects.
    response = site.get(page)
    assert response.status_code == 200 and f'href="{article.url}"' in response.text
    assert site.get("/healthz").json()["status"] == "ok"


def test_a_frozen_database_gets_the_503_page_fast_and_the_site_comes_back_by_itself(postgresql, app_server, article):
    """Every PostgreSQL process stopped by SIGSTOP: the worker's open connection gets no answer, ever."""
    page = "/recherche/?q=territoires"
    site = app_server()
    assert site.get(page).status_code == 200

    with postgresql.frozen():
        # First the query on the open connection, then new connections that the server never greets.
        for _ in range(2):
            response, elapsed = timed(lambda: site.get(page))
            assert (response.status_code, "Site momentanément indisponible" in response.text) == (503, True)
            assert elapsed < UNAVAILABLE_WITHIN_SECONDS
        health, elapsed = timed(lambda: site.get("/healthz"))
        assert health.status_code == 503 and elapsed < UNAVAILABLE_WITHIN_SECONDS
        assert health.json()["checks"]["database"] == "erreur"

    response = site.get(page)
    assert response.status_code == 200 and f'href="{article.url}"' in response.text
    assert site.get("/healthz").json()["status"] == "ok"
