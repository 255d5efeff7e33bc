"""gunicorn (and nginx, bench.front_cache) serving the site on 127.0.0.1 for the measurements, and their CPU time."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from .middleware import REQUEST_HEADER, RESPONSE_HEADER

BASE_DIR = Path(__file__).resolve().parent.parent
# The machine has 2 cores: one sync worker per core keeps both busy. More workers would only take
# turns on the same cores (wrk needs its share too) and blur latency with scheduling; fewer would
# leave a core idle while requests queue.
WORKERS = 2
READY_TIMEOUT = 60
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class LocalServer:
    """A server of the measurements' (or the tests') own, on free local ports, for the length of a `with` block.

    Started in the foreground as a child process and stopped by its pid: never another server of the machine.
    """

    name = None  # how messages call it

    def __init__(self, log_path):
        self.log_path = log_path
        self.process = None

    def command(self):
        raise NotImplementedError

    def is_ready(self):
        raise NotImplementedError

    def __enter__(self):
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(  # noqa: S603 - fixed command
            self.command(), env=self.environment(), cwd=BASE_DIR, stdout=self.log, stderr=subprocess.STDOUT
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def environment(self):
        return None  # this process's own

    def __exit__(self, *exc_info):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def _wait_until_ready(self):
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"{self.name} s'est arrêté au démarrage (code {code}) : {self.log_path}")
            try:
                if self.is_ready():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} ne répond pas après {READY_TIMEOUT} s : {self.log_path}")

    def children(self):
        return [pid for pid, parent in process_parents() if parent == self.process.pid]


class Gunicorn(LocalServer):
    """The site under gunicorn on a free local port."""

    name = "gunicorn"

    def __init__(self, environment, log_path):
        super().__init__(log_path)
        self._environment = environment
        self.port = free_port()

    def command(self):
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={WORKERS}",
            "--error-logfile=-",
        ]

    def environment(self):
        return self._environment

    def is_ready(self):
        return probe(self.port, "/bench/floor/").status == 200 and len(self.worker_pids()) == WORKERS

    def worker_pids(self):
        return self.children()


class Probe(NamedTuple):
    status: int
    queries: int | None  # None when the response did not go through bench.middleware
    size: int  # body bytes


def probe(port, path):
    """One request that asks the server to count its SQL queries (bench.middleware)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={REQUEST_HEADER: "1"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    queries = response.getheader(RESPONSE_HEADER)
    return Probe(response.status, int(queries) if queries is not None else None, len(body))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_parents():
    for name in os.listdir("/proc"):
        if name.isdigit():
            fields = read_stat(int(name))
            if fields:
                yield int(name), int(fields[1])


def read_stat(pid):
    """The fields of /proc/<pid>/stat after the command name (state first), or None if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2 :].split()


def cpu_seconds(pids):
    """User + system CPU time the processes have used so far (utime and stime, fields 14 and 15)."""
    total = 0
    for pid in pids:
        fields = read_stat(pid)
        if fields is None:
            raise RuntimeError(f"le processus {pid} a disparu pendant la mesure")
        total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def settled_cpu_seconds(pid_groups, quiet=0.3, timeout=30):
    """CPU seconds of each group of processes, read once none has used any for `quiet` seconds.

    Requests still queued when a load stops keep the workers (and PostgreSQL) busy for a moment; their
    work belongs to that load, so the reading waits for the server to drain.
    """
    deadline = time.monotonic() + timeout
    latest = [cpu_seconds(pids) for pids in pid_groups]
    while time.monotonic() < deadline:
        time.sleep(quiet)
        previous, latest = latest, [cpu_seconds(pids) for pids in pid_groups]
        if latest == previous:
            break
    return latest
