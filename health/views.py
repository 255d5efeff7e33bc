"""`/healthz` for load balancers and monitoring: which service works, never why one does not.

The database is the only service the site cannot live without: it alone turns the answer into a 503.
A cache or storage that fails leaves the site working, slower or without uploads: "degraded", 200; so
does a task queue that falls behind (no worker heard of lately, a task waiting too long): pages are
served, emails and publications wait. Its figures (the oldest waiting task's age, the last worker
heartbeat) are given under "tasks", with no detail of the failure.
Details of a failure (messages, hosts, versions) go to the logs, never into the answer.
"""

import logging
import secrets

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from background.status import queue_in_database, queue_status

logger = logging.getLogger(__name__)

OK = "ok"
FAILED = "erreur"
CACHE_PROBE_KEY = "healthz:probe"


def database_works():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_works():
    # A cache set to ignore its errors (django-redis IGNORE_EXCEPTIONS) answers None when it is down:
    # only reading back a fresh value proves it stores anything.
    token = secrets.token_hex(8)
    cache.set(CACHE_PROBE_KEY, token, timeout=30)
    return cache.get(CACHE_PROBE_KEY) == token


def storage_works():
    # One lookup of a name: a single HEAD request for a remote storage, a stat for the file system.
    default_storage.exists("healthz-probe")
    return True


CHECKS = {"database": database_works, "cache": cache_works, "storage": storage_works}


def run_check(name, check):
    try:
        if check():
            return OK
        logger.warning("Health check failed: %s", name)
    except Exception:  # any failure of the service is the answer itself, never a 500
        logger.warning("Health check failed: %s", name, exc_info=True)
    return FAILED


def task_figures():
    """The queue's figures and whether it keeps up; None with no queue (tasks run at once) or no database."""
    if not queue_in_database():
        return None
    try:
        queue = queue_status()
    except Exception:  # the database check reports the outage itself
        logger.warning("Health check failed: tasks", exc_info=True)
        return None
    silent = queue.worker_silent_seconds
    return queue.healthy, {
        "oldest_waiting_seconds": round(queue.oldest_wait_seconds or 0),
        "last_worker_heartbeat_seconds": None if silent is None else round(silent),
        "waiting": queue.waiting,
    }


@require_safe
def healthz(request):
    checks = {name: run_check(name, check) for name, check in CHECKS.items()}
    tasks = task_figures() if checks["database"] == OK else None
    if tasks is not None:
        checks["tasks"] = OK if tasks[0] else FAILED
    if checks["database"] != OK:
        status, http_status = "unavailable", 503
    elif FAILED in checks.values():
        status, http_status = "degraded", 200
    else:
        status, http_status = "ok", 200
    body = {"status": status, "checks": checks}
    if tasks is not None:
        body["tasks"] = tasks[1]
    response = JsonResponse(body, status=http_status)
    response["Cache-Control"] = "no-store"
    return response
