"""The periodic tasks that belong to no app of the site: heartbeat, Wagtail's scheduled publishing,
clean-up of finished tasks and of the admin login log."""

from datetime import timedelta

from django_tasks import task
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from .models import Heartbeat

# Finished tasks are kept this long for staff to look into failures, then deleted.
TASK_RESULTS_KEPT_DAYS = 7
LOGIN_LOG_KEPT_DAYS = 30


@task()
def heartbeat():
    """A worker ran this: /healthz reads when, and says « degraded » when it is too long ago."""
    Heartbeat.beat(Heartbeat.WORKER, timezone.now())


@task()
def publish_scheduled():
    """Wagtail's own command: publishes what reached its « Date de publication », unpublishes what expired."""
    call_command("publish_scheduled", verbosity=0)


@task()
def prune_task_results():
    cutoff = timezone.now() - timedelta(days=TASK_RESULTS_KEPT_DAYS)
    return DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()[0]


@task()
def reset_login_logs():
    call_command("axes_reset_logs", age=LOGIN_LOG_KEPT_DAYS, verbosity=0)
