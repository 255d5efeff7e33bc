"""Real worker processes (`manage.py db_worker`) on the PostgreSQL test database, mailing a real SMTP server.

The test process enqueues with the database backend, as the site does; the workers read the tasks
that it commits. Marked `worker`: the Makefile runs them on PostgreSQL only, and says so on SQLite.
"""

import os
import signal
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from django.conf import settings
from django.db import connection

from network.newsletter.models import Subscriber
from tests.network.conftest import join_form, letter  # noqa: F401 - the network tests' pages, shared
from tests.smtp import SMTPServer

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} : toujours pas après {seconds} s")
        time.sleep(0.05)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.fail("Les tests des vrais processus de tâches demandent PostgreSQL (DATABASE_URL).", pytrace=False)


@pytest.fixture(autouse=True)
def database_queue(transactional_db, django_db_serialized_rollback, settings):
    """The test process enqueues into the database, and commits what the workers must read."""
    settings.TASKS = DATABASE_QUEUE


def _test_database_url():
    parts = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x"))
    return urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}"))


class Worker:
    """`manage.py db_worker`, polling every 0.1 s, with the environment a test gives it."""

    def __init__(self, name, log_dir, smtp_port, **environment):
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker.settings",
            "DATABASE_URL": _test_database_url(),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_TIMEOUT": "5",
            **environment,
        }
        command = [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.1"]
        command += ["--no-startup-delay", "--no-reload", "--worker-id", name]
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=log)  # noqa: S603

    def kill(self):
        """SIGKILL: no clean-up of any kind, as when a machine is lost."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self):
        return self.log_path.read_text()


@pytest.fixture
def smtp():
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def workers(tmp_path, smtp):
    """start(name, **environment) starts a worker; all are stopped before the database is flushed."""
    started = []

    def start(name, smtp_port=None, **environment):
        worker = Worker(name, tmp_path, smtp_port or smtp.port, **environment)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def confirmed_subscribers():
    """make(count): that many confirmed subscribers, written in one query; returns their addresses."""

    def make(count):
        emails = [f"abonne{number:05d}@exemple.org" for number in range(count)]
        Subscriber.objects.bulk_create(Subscriber(email=email, status=Subscriber.Status.CONFIRMED) for email in emails)
        return set(emails)

    return make
