"""The real local services, stopped and started as an operator would, for the fault suite.

Each outage is a context manager that restarts its service in a `finally`: whatever a test asserts,
the machine ends with PostgreSQL and Redis up (the CI drops its database afterwards, colleagues
share both servers).
"""

import os
import shutil
import subprocess
import time
from contextlib import contextmanager

from django.db import connections

REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "",
    "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} après {seconds} s")
        time.sleep(0.2)


def _run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - fixed commands


def missing_tools():
    return [tool for tool in ("pg_ctlcluster", "pg_isready", "redis-server", "redis-cli") if not shutil.which(tool)]


class PostgreSQL:
    """The cluster that serves the test database, on this machine."""

    def __init__(self, host, port):
        self.host, self.port = host, str(port)
        self.cluster = [os.listdir("/etc/postgresql")[0], "main"]

    def is_up(self):
        return _run("pg_isready", "-q", "-h", self.host, "-p", self.port).returncode == 0

    def start(self):
        if not self.is_up():
            _run("pg_ctlcluster", "--skip-systemctl-redirect", *self.cluster, "start")
            wait_until(self.is_up, 60, "PostgreSQL ne répond toujours pas")
        # The test's own connections died with the server: the next query opens fresh ones.
        connections.close_all()

    @contextmanager
    def stopped(self):
        try:
            result = _run("pg_ctlcluster", "--skip-systemctl-redirect", *self.cluster, "stop", "-m", "fast")
            assert result.returncode == 0, result.stderr
            yield
        finally:
            self.start()


class Redis:
    """The local Redis on its usual port; the site gets a database number of its own in it."""

    def __init__(self, db):
        self.db = str(db)
        self.url = f"redis://127.0.0.1:6379/{db}"

    def is_up(self):
        return _run("redis-cli", "ping").stdout.strip() == "PONG"

    def start(self):
        if not self.is_up():
            result = _run(*REDIS_START)
            assert result.returncode == 0, result.stderr
            wait_until(self.is_up, 30, "Redis ne répond toujours pas")

    def keys(self):
        return _run("redis-cli", "-n", self.db, "--scan", "--pattern", "territoires:*").stdout.split()

    def forget_keys(self):
        for key in self.keys():
            _run("redis-cli", "-n", self.db, "unlink", key)

    @contextmanager
    def stopped(self):
        try:
            _run("redis-cli", "shutdown", "nosave")
            wait_until(lambda: not self.is_up(), 10, "Redis répond encore")
            yield
        finally:
            self.start()
