"""`/healthz` with the database task queue: the oldest waiting task and the last worker heartbeat."""

from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from django.urls import reverse
from django.utils import timezone

from background.models import Heartbeat
from background.tasks import heartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_MAX_WAIT_SECONDS, settings.TASKS_HEARTBEAT_MAX_AGE_SECONDS = 300, 300


def test_a_worker_heard_of_lately_and_an_empty_queue_are_ok(client):
    Heartbeat.beat(Heartbeat.WORKER, timezone.now() - timedelta(seconds=40))

    answer = client.get("/healthz").json()

    assert answer["status"] == "ok" and answer["checks"]["tasks"] == "ok"
    assert answer["tasks"] == {"oldest_waiting_seconds": 0, "last_worker_heartbeat_seconds": 40, "waiting": 0}


def test_no_worker_ever_heard_of_is_degraded(client):
    answer = client.get("/healthz").json()
    assert answer["status"] == "degraded" and answer["tasks"]["last_worker_heartbeat_seconds"] is None


def test_a_task_waiting_past_the_threshold_is_degraded_and_its_age_is_given(client):
    Heartbeat.beat(Heartbeat.WORKER, timezone.now())
    heartbeat.enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded" and response.json()["checks"]["tasks"] == "erreur"
    assert response.json()["tasks"]["oldest_waiting_seconds"] == 600


def test_the_dashboard_shows_waiting_and_failed_tasks(admin_client):
    heartbeat.enqueue()
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path="background.tasks.heartbeat", status="FAILED",
        backend_name="default", run_after=timezone.now(),
    )  # fmt: skip

    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "<span>1</span> tâche(s) en attente" in html and "<span>1</span> tâche(s) en échec" in html
    assert "encore donné signe de vie" in html
