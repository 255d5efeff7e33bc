"""APScheduler's cron triggers, each enqueuing one registered periodic task: the worker runs it.

The scheduler itself never runs a task's work, so a slow purge delays no publication; it only needs
the database to enqueue.
"""

import logging

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from django.conf import settings
from django.db import close_old_connections

from . import periodic

logger = logging.getLogger(__name__)


def enqueue(entry):
    entry.task.enqueue()
    logger.info("Tâche périodique mise en file : %s", entry.name)


def run_job(entry):
    """In APScheduler's job thread: enqueue, then let go of the thread's connection if it went bad."""
    try:
        enqueue(entry)
    finally:
        close_old_connections()


def build_scheduler():
    scheduler = BackgroundScheduler(timezone=settings.TIME_ZONE)
    for entry in periodic.registered():
        scheduler.add_job(
            run_job,
            CronTrigger.from_crontab(entry.cron, timezone=settings.TIME_ZONE),
            args=[entry],
            id=entry.name,
            name=str(entry.description),
            # A run missed while the scheduler was busy or stopped is made once, not once per miss:
            # periodic tasks catch up from the database.
            coalesce=True,
            misfire_grace_time=60,
            max_instances=1,
        )
    return scheduler
