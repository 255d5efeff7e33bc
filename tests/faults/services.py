"""A PostgreSQL and a Redis of the fault suite's own, started in a temporary folder on free ports.

The suite stops and freezes (SIGSTOP) these two, never the machine's shared servers on 5432 and
6379, which other test runs use at the same time. Each outage is a context manager that brings its
service back in a `finally`, whatever a test asserts.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import redis

from django.db import connections


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} après {seconds} s")
        time.sleep(0.1)


def free_port():
    """A local port where nothing listens yet: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(*command, user=None):
    # initdb and pg_ctl refuse to run as root: the cluster then belongs to the postgres account.
    prefix = ["runuser", "-u", user, "--"] if user and os.geteuid() == 0 else []
    return subprocess.run([*prefix, *command], capture_output=True, text=True, check=False)  # noqa: S603


def postgresql_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def missing_tools():
    missing = [] if postgresql_bin() else ["initdb (/usr/lib/postgresql/*/bin)"]
    return missing + [tool for tool in ("redis-server",) if not shutil.which(tool)]


def _children(pid):
    """Every process below `pid` (PostgreSQL's backends, checkpointer, walwriter…)."""
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while being read
            continue
        if int(fields[1]) == pid:
            child = int(Path(stat).parent.name)
            found += [child, *_children(child)]
    return found


class PostgreSQL:
    """A throwaway cluster: trust authentication on 127.0.0.1, no durability (tests only)."""

    def __init__(self, folder):
        self.bin = postgresql_bin()
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        result = _run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", user="postgres")  # fmt: skip
        assert result.returncode == 0, result.stderr

    def _ctl(self, *arguments):
        return _run(str(self.bin / "pg_ctl"), "-D", str(self.data), *arguments, user="postgres")

    def is_up(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return (self.data / "postmaster.pid").exists()
        except OSError:
            return False

    def start(self):
        if not self.is_up():
            options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
            result = self._ctl("-o", options, "-l", str(self.folder / "log"), "-w", "-t", "60", "start")
            assert result.returncode == 0, result.stderr + (self.folder / "log").read_text()
        # The test's own connections died with the server: the next query opens fresh ones.
        connections.close_all()

    def processes(self):
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        return [postmaster, *_children(postmaster)]

    def destroy(self):
        self.resume()
        self._ctl("-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def resume(self):
        for pid in self.processes() if (self.data / "postmaster.pid").exists() else []:
            os.kill(pid, signal.SIGCONT)

    @contextmanager
    def stopped(self):
        try:
            result = self._ctl("-m", "fast", "stop")
            assert result.returncode == 0, result.stderr
            yield
        finally:
            self.start()

    @contextmanager
    def frozen(self):
        """Every process of the cluster stopped by SIGSTOP: connections stay open, nothing answers."""
        try:
            for pid in self.processes():
                os.kill(pid, signal.SIGSTOP)
            yield
        finally:
            self.resume()


class Redis:
    """A redis-server of the suite's own, without persistence."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def is_up(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self):
        if self.process is None or self.process.poll() is not None:
            command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                       "--appendonly", "no", "--dir", str(self.folder)]  # fmt: skip
            log = open(self.folder / "log", "a")  # noqa: SIM115 - the server keeps writing to it
            self.process = subprocess.Popen(command, stdout=log, stderr=log)  # noqa: S603
            wait_until(self.is_up, 30, "Redis ne répond toujours pas")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=5)

    def keys(self):
        return self.client().keys("territoires:*")

    @contextmanager
    def stopped(self):
        try:
            self.stop()
            yield
        finally:
            self.start()

    @contextmanager
    def frozen(self):
        try:
            self.process.send_signal(signal.SIGSTOP)
            yield
        finally:
            self.process.send_signal(signal.SIGCONT)
