"""PostgreSQL stopped or frozen under a running site: a French 503 within 3 seconds, then back by itself."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from django.db import connection

from health import deadline
from network.membership.models import MembershipRequest
from network.newsletter.models import Subscriber
from news.factories import NewsPageFactory
from security.antispam import TIME_TRAP_FIELD
from tests.network.conftest import form_token, join_answers

from .services import wait_until

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

    # The worker tries the database again once its pause after the cut wait is over.
    wait_until(lambda: site.get("/healthz").status_code == 200, deadline.RETRY_SECONDS + 5, "la base n'est pas reprise")
    response = site.get(page)
    assert response.status_code == 200 and f'href="{article.url}"' in response.text
    assert site.get("/healthz").json()["status"] == "ok"


def test_a_form_loaded_before_the_database_stopped_gets_the_503_page_and_can_be_sent_again_once_back(
    postgresql, app_server, join_form
):
    """A visitor with a valid form (CSRF cookie and token) is told the site is down, not refused (403),
    and the same post, sent again as the browser's reload does, is recorded once the database is back."""
    site = app_server()
    form, answers = site.open_form(join_form.url), join_answers()

    with postgresql.stopped():
        response = form.send(answers)
        assert (response.status_code, "Site momentanément indisponible" in response.text) == (503, True)
    assert not MembershipRequest.objects.exists()

    assert form.send(answers).status_code == 302
    assert MembershipRequest.objects.get().email == "camille@jardins.example"


def test_posts_sent_together_under_a_frozen_database_each_get_the_503_page_within_one_deadline(
    postgresql, app_server, join_form
):
    """Two visitors who loaded the join and the newsletter forms before the freeze send them at the same
    moment to the only worker: one post waits for the database, the other waits for the worker."""
    site = app_server()
    posts = [
        (site.open_form(join_form.url), join_answers()),
        (site.open_form("/newsletter/"), {"email": "lea@exemple.org", "consent": "on", TIME_TRAP_FIELD: form_token()}),
    ]

    with postgresql.frozen():
        for _ in range(2):  # first on the worker's open connection, then on new ones the server never greets
            with ThreadPoolExecutor(len(posts)) as visitors:
                answers = list(visitors.map(lambda post: timed(lambda: post[0].send(post[1])), posts))
            for response, elapsed in answers:
                assert (response.status_code, "Site momentanément indisponible" in response.text) == (503, True)
                assert elapsed < UNAVAILABLE_WITHIN_SECONDS, elapsed

    wait_until(lambda: site.get("/healthz").status_code == 200, deadline.RETRY_SECONDS + 5, "la base n'est pas reprise")
    assert [form.send(data).status_code for form, data in posts] == [302, 302]
    assert MembershipRequest.objects.get().email == "camille@jardins.example"
    assert Subscriber.objects.get().email == "lea@exemple.org"


def test_many_quick_queries_are_not_taken_for_one_long_wait_and_a_long_one_is_cut(settings):
    """The watchdog cuts one wait longer than the deadline, never a request whose queries add up past it."""
    settings.DATABASE_REQUEST_DEADLINE = 0.3
    try:
        with deadline.watched(), connection.cursor() as cursor:
            for _ in range(20):  # 1 s in all, 50 ms each
                cursor.execute("SELECT pg_sleep(0.05)")
            with pytest.raises(deadline.DatabaseNotAnswering):
                cursor.execute("SELECT pg_sleep(2)")
    finally:
        connection.close()  # cut: its socket is shut down
