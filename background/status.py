"""How the task queue is doing, for /healthz and the admin dashboard: read from the database, cheaply."""

from dataclasses import dataclass
from datetime import datetime

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from .models import Heartbeat


def queue_in_database():
    """False when tasks run at once inside the request (the test suite's immediate backend): no queue to watch."""
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


@dataclass(frozen=True)
class QueueStatus:
    waiting: int
    failed: int
    oldest_wait_seconds: float | None  # the task that has waited longest since it became due
    worker_seen_at: datetime | None
    scheduler_seen_at: datetime | None
    now: datetime

    @property
    def worker_silent_seconds(self):
        return None if self.worker_seen_at is None else (self.now - self.worker_seen_at).total_seconds()

    @property
    def healthy(self):
        """Tasks leave the queue in time and a worker was heard of recently."""
        waited_too_long = (self.oldest_wait_seconds or 0) > settings.TASKS_MAX_WAIT_SECONDS
        silent = self.worker_silent_seconds
        worker_gone = silent is None or silent > settings.TASKS_HEARTBEAT_MAX_AGE_SECONDS
        return not (waited_too_long or worker_gone)


def queue_status(now=None):
    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    # A task enqueued to run at once waits since it was enqueued; a deferred one since its time came.
    at_once = ready.filter(run_after=get_date_max()).aggregate(since=Min("enqueued_at"))["since"]
    deferred = ready.exclude(run_after=get_date_max()).aggregate(since=Min("run_after"))["since"]
    waiting_since = min((moment for moment in (at_once, deferred) if moment), default=None)
    beats = dict(Heartbeat.objects.values_list("process", "seen_at"))
    return QueueStatus(
        waiting=ready.count(),
        failed=DBTaskResult.objects.failed().count(),
        oldest_wait_seconds=(now - waiting_since).total_seconds() if waiting_since else None,
        worker_seen_at=beats.get(Heartbeat.WORKER),
        scheduler_seen_at=beats.get(Heartbeat.SCHEDULER),
        now=now,
    )
