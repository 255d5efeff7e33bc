"""A mail server that accepts connections and never answers: every post is kept, and answered."""

import socket
import time

import pytest
from django_tasks_db.models import DBTaskResult

from core.models import OutgoingEmail
from network.membership.models import MembershipRequest
from security.antispam import TIME_TRAP_FIELD
from tests.network.conftest import form_token, join_answers

pytestmark = pytest.mark.faults

EMAIL_TIMEOUT = 2


@pytest.fixture
def hanging_smtp():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield listener.getsockname()[1]


def test_a_hanging_mail_server_loses_no_post_and_holds_none(app_server, hanging_smtp, join_form):
    """Emails leave from the task workers, never from a web request: with the database task queue of
    production and no worker running, the posts are answered at once and their emails wait their turn."""
    site = app_server(
        DJANGO_SETTINGS_MODULE="tests.worker.settings",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(hanging_smtp),
        EMAIL_TIMEOUT=str(EMAIL_TIMEOUT),
    )
    joined, join_seconds = timed(site.post_form, join_form.url, join_answers())
    subscribed, subscribe_seconds = timed(
        site.post_form, "/newsletter/", {"email": "lea@exemple.org", "consent": "on", TIME_TRAP_FIELD: form_token()}
    )
    health, health_seconds = timed(site.get, "/healthz")

    assert (joined.status_code, subscribed.status_code, health.status_code) == (302, 302, 200)
    assert max(join_seconds, subscribe_seconds, health_seconds) < 1
    assert MembershipRequest.objects.get().email == "camille@jardins.example"
    # The join request's notification and acknowledgement wait in the outbox; the subscription waits
    # in the task queue, which a worker turns into the subscriber and the confirmation email.
    assert OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count() == 2
    assert DBTaskResult.objects.filter(task_path__endswith="record_subscription_request").count() == 1


def timed(call, *args, **kwargs):
    started = time.monotonic()
    result = call(*args, **kwargs)
    return result, time.monotonic() - started
