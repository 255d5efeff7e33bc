"""A database that is down: a French 503 page that asks to come back, static files still served,
one error in the logs, and the site back by itself when the database returns."""

import logging
import os
import socket
import subprocess
import sys
from contextlib import contextmanager

import pytest

from django.conf import settings
from django.test import Client

from news.factories import NewsPageFactory
from tests.network.conftest import join_answers

pytestmark = pytest.mark.django_db


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Site momentanément indisponible" in html
    assert '<html lang="fr">' in html and "/static/css/site.css" in html


@pytest.fixture
def urls(home_page, news_index, join_form):
    article = NewsPageFactory(parent=news_index, title="Les budgets participatifs en 2024")
    return {
        "accueil": "/",
        "article": article.url,
        "recherche": "/recherche/?q=budgets",
        "lettre": "/newsletter/",
        "adhesion": join_form.url,
    }


@pytest.mark.parametrize("name", ["accueil", "article", "recherche"])
def test_every_page_answers_the_french_503_while_the_database_is_down(client, urls, database, name):
    database.stop()
    assert_unavailable_page(client.get(urls[name]))


def test_a_signed_in_editor_whose_session_cannot_be_read_gets_the_503(admin_client, database):
    database.stop()
    assert_unavailable_page(admin_client.get("/admin/"))


@pytest.mark.parametrize(
    ("name", "data"),
    [("lettre", {"email": "lea@exemple.org", "consent": "on"}), ("adhesion", join_answers())],
)
def test_a_form_posted_while_the_database_is_down_gets_the_503_not_a_server_error(client, urls, database, name, data):
    database.stop()
    assert_unavailable_page(client.post(urls[name], data))


def test_a_failure_below_in_the_middleware_stack_gets_the_same_page(home_page, database, caplog):
    # An unknown address: Django raises its 404 before any query, then the 404 page (site settings,
    # menu) and Wagtail's redirect lookup need the database, outside any view.
    database.stop()
    response = Client(raise_request_exception=False).get("/wp-login.php")
    assert_unavailable_page(response)
    (error,) = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert error.exc_info


def test_the_outage_is_logged_once_at_error_level_per_request(client, urls, database, caplog):
    database.stop()
    client.get(urls["article"])
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].name == "health.middleware" and errors[0].exc_info


def test_static_files_are_still_served_while_the_database_is_down(client, database):
    database.stop()
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert b".error-page" in b"".join(response.streaming_content)


def test_the_site_comes_back_by_itself_when_the_database_returns(client, urls, database):
    database.stop()
    assert client.get(urls["article"]).status_code == 503
    database.start()
    response = client.get(urls["article"])
    assert response.status_code == 200
    assert "Les budgets participatifs en 2024" in response.content.decode()


@contextmanager
def silent_server():
    """A port that accepts connections and never says a word, like a server stuck or behind a dead link."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


CONNECT = """
import time, django
django.setup()
from django.db import OperationalError, connection
started = time.monotonic()
try:
    connection.ensure_connection()
except OperationalError:
    print(time.monotonic() - started)
"""


def test_a_postgresql_server_that_never_answers_is_given_up_on_within_3_seconds():
    # The settings as production builds them from a PostgreSQL DATABASE_URL, in a process of their own.
    with silent_server() as port:
        result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
            [sys.executable, "-c", CONNECT],
            cwd=settings.BASE_DIR,
            env={**os.environ, "DATABASE_URL": f"postgres://territoires@127.0.0.1:{port}/territoires"},
            capture_output=True,
            text=True,
            timeout=60,
        )

    # Given up on by the connect_timeout, neither refused at once nor waited on for minutes.
    assert 1.5 <= float(result.stdout) < 3, result.stderr
