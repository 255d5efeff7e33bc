"""The fault suite runs the site in gunicorn, as in production, against a PostgreSQL and a Redis of
its own, then stops or freezes them under it. It refuses to run anywhere it could not do that for real."""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import requests

from django.conf import settings
from django.db import connection, connections

from config.settings.base import database
from tests.network.conftest import join_form  # noqa: F401 - the join form page, shared with the network tests

from .services import PostgreSQL, Redis, free_port, missing_tools, wait_until


@pytest.fixture(scope="session")
def fault_services():
    """The suite's own PostgreSQL and Redis, for the whole run; the machine's shared ones are never touched."""
    missing = missing_tools()
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        # Settings derive from the engine (the search backend's language configuration among others).
        missing.append("DATABASE_URL doit désigner un PostgreSQL (la suite en démarre un autre, à elle)")
    if missing:
        pytest.fail(f"Suite de pannes impossible ici : {', '.join(missing)}.", pytrace=False)
    # Outside pytest's own folder, which only its owner may enter: the cluster runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="territoires-pannes-"))
    folder.chmod(0o755)
    try:
        postgresql, redis = PostgreSQL(folder / "postgresql"), Redis(folder / "redis")
        postgresql.start()
        redis.start()
        yield postgresql, redis
        redis.stop()
        postgresql.destroy()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(fault_services):
    """pytest-django's hook before it creates the test database: that database goes to the suite's server.

    The settings are changed in place and the connection rebuilt, as DATABASE_URL pointing there would
    have done (it names the shared PostgreSQL, never used here). Hence a pass of its own (`-m faults`):
    in a process that also runs other tests, they would find their database moved.
    """
    postgresql, _redis = fault_services
    connections["default"].close()
    settings.DATABASES["default"].clear()
    settings.DATABASES["default"].update(database(postgresql.url))
    connections.configure_settings(settings.DATABASES)
    del connections["default"]


@pytest.fixture(autouse=True)
def _committed_data(transactional_db, django_db_serialized_rollback):
    """gunicorn reads what the test commits; the rollback brings back the tree the migrations made."""


@pytest.fixture
def postgresql(fault_services, transactional_db):
    server = fault_services[0]
    yield server
    server.resume()
    server.start()


@pytest.fixture
def redis(fault_services):
    server = fault_services[1]
    server.start()
    yield server
    server.start()
    server.process.send_signal(signal.SIGCONT)
    server.client().flushall()


def _test_database_url():
    """The suite's PostgreSQL, at the database pytest-django created for this run."""
    config = connection.settings_dict
    return f"postgres://{config['USER']}@{config['HOST']}:{config['PORT']}/{config['NAME']}"


class AppServer:
    """gunicorn (one worker unless told), which keeps its database connection between requests as in production."""

    def __init__(self, log_path, workers=1, **environment):
        address = f"127.0.0.1:{free_port()}"
        self.url = f"http://{address}"
        self.log_path = log_path
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": _test_database_url(),
            **environment,
        }
        command = [Path(sys.executable).with_name("gunicorn"), "config.wsgi", "--bind", address]
        command += ["--workers", str(workers)]
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
