"""The fault suite runs the site in gunicorn, as in production, against the test database, then
stops real services under it. It refuses to run anywhere it could not do that for real."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from django.conf import settings
from django.db import connection

from tests.network.conftest import join_form  # noqa: F401 - the join form page, shared with the network tests
from tests.network.test_join_form import closed_port

from .services import PostgreSQL, Redis, missing_tools, wait_until

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(autouse=True)
def _real_services_only():
    problems = missing_tools()
    if connection.vendor != "postgresql" or connection.settings_dict["HOST"] not in LOCAL_HOSTS:
        problems.append("DATABASE_URL doit désigner le PostgreSQL local (127.0.0.1)")
    if problems:
        pytest.fail(f"Suite de pannes impossible ici : {', '.join(problems)}.", pytrace=False)


@pytest.fixture(autouse=True)
def _committed_data(transactional_db, django_db_serialized_rollback):
    """gunicorn reads what the test commits; the rollback brings back the tree the migrations made."""


@pytest.fixture
def postgresql(transactional_db):
    server = PostgreSQL(connection.settings_dict["HOST"], connection.settings_dict["PORT"] or 5432)
    yield server
    server.start()


@pytest.fixture
def redis():
    server = Redis(db=13)  # the site's keys are removed afterwards; the other databases are left alone
    server.start()
    yield server
    server.start()
    server.forget_keys()


def _test_database_url():
    """DATABASE_URL, pointed at the database pytest-django created for this run."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}"))


class AppServer:
    """gunicorn with one worker, which keeps its database connection between requests as in production."""

    def __init__(self, log_path, **environment):
        address = f"127.0.0.1:{closed_port()}"
        self.url = f"http://{address}"
        self.log_path = log_path
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _test_database_url(),
            **environment,
        }
        command = [Path(sys.executable).with_name("gunicorn"), "config.wsgi", "--bind", address, "--workers", "1"]
        command += ["--timeout", "120"]  # a busy test machine is slow to load the site in the worker
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=log)  # noqa: S603

    def wait_until_ready(self):
        wait_until(self._answers, 90, f"gunicorn ne répond pas ({self.log_path})")

    def _answers(self):
        assert self.process.poll() is None, Path(self.log_path).read_text()
        try:
            return requests.get(f"{self.url}/healthz", timeout=10).status_code == 200
        except requests.RequestException:
            return False

    def get(self, path, **kwargs):
        return requests.get(self.url + path, timeout=10, **kwargs)

    def post_form(self, path, data):
        """Post the form served at `path` as a browser would, with its CSRF cookie and token if it has one."""
        browser = requests.Session()
        page = browser.get(self.url + path, timeout=10)
        csrf = re.findall(r'name="(csrfmiddlewaretoken)" value="([^"]+)"', page.text)
        return browser.post(self.url + path, data={**data, **dict(csrf)}, timeout=10, allow_redirects=False)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def app_server(transactional_db, tmp_path):
    """Starts the site in gunicorn with extra environment variables; stopped before the database is flushed."""
    started = []

    def start(**environment):
        server = AppServer(tmp_path / f"gunicorn-{len(started)}.log", **environment)
        started.append(server)
        server.wait_until_ready()
        return server

    yield start
    for server in started:
        server.stop()
