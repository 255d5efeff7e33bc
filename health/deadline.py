"""A database server that stops answering, its connections still open, costs a request seconds, not forever.

A frozen PostgreSQL (its processes stopped, its host overloaded, a half-dead network path) accepts
the bytes of a query and never answers. Neither of PostgreSQL's own bounds ends that wait: the
statement_timeout is enforced by the server that no longer runs, and TCP keepalives are answered by
its kernel. Nothing in the driver bounds a read either. So one watchdog thread per process looks at
the threads serving a request a few times a second, and when one has been waiting inside the
database driver, on the same call, for longer than DATABASE_REQUEST_DEADLINE, it raises
`DatabaseNotAnswering` in that thread and shuts the connection's socket down. The exception, an
OperationalError, gives the 503 page (health.middleware); raised by the watchdog rather than left
to the driver, it also passes through Django's connection health check, which would otherwise
catch the driver's error and reconnect, waiting connect_timeout more on the same frozen server.
Connecting is watched the same way: libpq's connect_timeout cannot go below 2 s, and a server whose
kernel still accepts connections but whose processes are stopped never greets them.

One deadline per request is not enough once requests queue: each gunicorn worker would spend a
deadline on every request, and a visitor queued behind another waits for both (3.5 s were measured
with four visitors on three workers). So once a wait was cut, the process stops waiting for the
database for RETRY_SECONDS: a request's driver call is cut at the next look, a fraction of a second,
unless the server answers before it (then it is back, and requests wait for it again); the first
request after the pause gives it a whole deadline again. A server that refuses connections
(stopped) fails at once and needs no such pause.

The watchdog watches web requests only (the middleware enrols them): a migration or an import run
from the command line may take its time. It looks at stack frames, never at connections of other
threads: the driver's sockets are only touched to be shut down.
"""

import ctypes
import logging
import os
import socket
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg

from django.conf import settings
from django.db import OperationalError, connections
from django.db.backends.signals import connection_created

logger = logging.getLogger(__name__)

DRIVER_FOLDER = str(Path(psycopg.__file__).parent)
SAMPLE_SECONDS = 0.1
# Short, as the pause is also what a database that is back costs before pages return.
RETRY_SECONDS = 2

_requests = {}  # thread id -> its _Watch
_connections = {}  # thread id -> the database wrapper that thread opened last
_lock = threading.Lock()
_watchdog = None
_not_waited_for_until = 0.0  # monotonic time until which this process's requests do not wait for the database


def _remember_connection(sender, connection, **kwargs):
    if connection.vendor == "postgresql":
        _connections[threading.get_ident()] = connection
        _answered()


def _answered():
    """The database answered the current thread: it is back, if it ever was away."""
    global _not_waited_for_until
    _not_waited_for_until = 0.0
    watch = _requests.get(threading.get_ident())
    if watch is not None:
        watch.failed = False


connection_created.connect(_remember_connection, dispatch_uid="health.deadline.remember_connection")


class _Watch:
    """What the watchdog knows of one request: the driver call it waits in, since when, and whether
    the database already failed it (then any further wait is cut at once: a second connection
    attempt to a frozen server would cost connect_timeout more).

    Successive queries enter the driver by the same call, at the same place, in frame objects that
    CPython often allocates at the same address: the count of queries sent (`queries`) tells them
    apart. Without it, twenty queries of 50 ms each were cut as one wait of a second.
    """

    def __init__(self, failed):
        self.call, self.since, self.failed, self.queries = None, 0.0, failed, 0

    def count_query(self, execute, sql, params, many, context):
        self.queries += 1
        result = execute(sql, params, many, context)
        _answered()
        return result


@contextmanager
def watched():
    """Enrol the current thread for the time of a request."""
    _start_watchdog()
    thread = threading.get_ident()
    watch = _Watch(failed=time.monotonic() < _not_waited_for_until)
    with _lock:
        _requests[thread] = watch
    try:
        with ExitStack() as counted:
            for connection in connections.all():
                counted.enter_context(connection.execute_wrapper(watch.count_query))
            yield
    finally:
        with _lock:
            _requests.pop(thread, None)


def database_failed():
    """Called when the database failed the current request: no more waiting for it in this request."""
    watch = _requests.get(threading.get_ident())
    if watch is not None:
        watch.failed = True


def _start_watchdog():
    global _watchdog
    with _lock:
        # After a fork (gunicorn's workers), the parent's thread is not running in the child.
        if _watchdog is None or not _watchdog.is_alive():
            _watchdog = threading.Thread(target=_watch, name="database-deadline", daemon=True)
            _watchdog.start()


def _in_driver(frame):
    return frame.f_code.co_filename.startswith(DRIVER_FOLDER)


def _driver_call(frame, queries):
    """The driver's outermost frame, if the thread is inside the driver: it waits for the server there.

    The innermost frame may be the standard library's (connecting waits in `selectors`), and moves
    between the driver's own loops; the call the driver was entered by stays the same while it waits.
    """
    while frame is not None and not _in_driver(frame):
        frame = frame.f_back
    if frame is None:
        return None
    while frame.f_back is not None and _in_driver(frame.f_back):
        frame = frame.f_back
    return (queries, frame.f_code, frame.f_lasti)


def _watch():
    global _not_waited_for_until
    while True:
        time.sleep(SAMPLE_SECONDS)
        frames = sys._current_frames()
        now = time.monotonic()
        with _lock:
            for thread, watch in list(_requests.items()):
                call = _driver_call(frames.get(thread), watch.queries)
                if call is None:
                    watch.call = None
                elif watch.failed:
                    _cut(thread)
                elif watch.call != call:
                    watch.call, watch.since = call, now
                elif now - watch.since > settings.DATABASE_REQUEST_DEADLINE:
                    watch.failed, watch.call = True, None
                    _not_waited_for_until = now + RETRY_SECONDS
                    _cut(thread)


class DatabaseNotAnswering(OperationalError):
    pass


def _cut(thread):
    logger.error("Database did not answer within %s s: request given up", settings.DATABASE_REQUEST_DEADLINE)
    # CPython delivers it when the thread next runs Python code: the driver waits in steps of 0.1 s.
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(DatabaseNotAnswering))
    wrapper = _connections.get(thread)
    driver_connection = getattr(wrapper, "connection", None)
    if driver_connection is None:
        return
    wrapper.close_at = 0  # obsolete: Django closes it when the request ends, never reuses it
    wrapper.health_check_done = True  # or, the check being cut, Django would check again and reconnect
    try:
        # A duplicate of the descriptor: shutting it down ends the connection for its owner too,
        # whose wait returns at once, while the owner alone closes its own descriptor.
        with socket.socket(fileno=os.dup(driver_connection.pgconn.socket)) as duplicate:
            duplicate.shutdown(socket.SHUT_RDWR)
    except (OSError, psycopg.Error):  # closed meanwhile: nothing left to cut
        pass
