"""Periodic tasks: declared with their cron, enqueued by the scheduler, one scheduler at a time."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import connections

from background import periodic, scheduler
from background.lock import SchedulerLock

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_every_timed_job_of_the_site_is_a_periodic_task():
    schedules = {entry.name: entry.cron for entry in periodic.registered()}
    assert schedules == {
        "background.tasks.heartbeat": "* * * * *",
        "background.tasks.publish_scheduled": "* * * * *",
        "background.tasks.prune_task_results": "20 3 * * *",
        "background.tasks.reset_login_logs": "30 3 * * *",
        "core.outbox.sweep_outbox": "* * * * *",
        "network.membership.retention.expire_old_requests": "0 4 * * *",
        "network.newsletter.sending.start_due_letters": "* * * * *",
        "network.newsletter.subscriptions.purge_pending_subscribers": "10 3 * * *",
        "news.registration_tasks.expire_old_registrations": "10 4 * * *",
        "news.registration_tasks.send_reminders": "20 * * * *",
    }


def test_the_scheduler_has_one_cron_job_per_task_and_each_enqueues_it(settings):
    settings.TASKS = DATABASE_QUEUE
    jobs = {job.id: job for job in scheduler.build_scheduler().get_jobs()}
    assert set(jobs) == {entry.name for entry in periodic.registered()}
    publishing = jobs["background.tasks.publish_scheduled"]
    assert str(publishing.trigger) == "cron[month='*', day='*', day_of_week='*', hour='*', minute='*']"

    assert publishing.func is scheduler.run_job

    scheduler.enqueue(*publishing.args)

    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["background.tasks.publish_scheduled"]


def test_a_second_scheduler_waits_while_the_first_holds_the_lock():
    other_connection = connections.create_connection("default")
    first, second = SchedulerLock(), SchedulerLock(other_connection)
    try:
        assert first.acquire() and first.still_held()
        assert not second.acquire()
        first.release()
        assert second.acquire()
    finally:
        first.release()
        second.release()
        other_connection.close()
