"""A mail server that accepts connections and never answers: every post is kept, and answered."""

import socket
import time

import pytest

from network.membership.models import MembershipRequest
from network.newsletter.models import Subscriber
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


def test_a_hanging_mail_server_loses_no_post_and_holds_none_past_its_timeout(app_server, hanging_smtp, join_form):
    site = app_server(
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(hanging_smtp),
        EMAIL_TIMEOUT=str(EMAIL_TIMEOUT),
    )
    started = time.monotonic()
    joined = site.post_form(join_form.url, join_answers())
    subscribed = site.post_form(
        "/newsletter/", {"email": "lea@exemple.org", "consent": "on", TIME_TRAP_FIELD: form_token()}
    )
    elapsed = time.monotonic() - started

    assert (joined.status_code, subscribed.status_code) == (302, 302)
    assert MembershipRequest.objects.get().email == "camille@jardins.example"
    assert Subscriber.objects.get().email == "lea@exemple.org"
    # Each post waits for the mail server at most EMAIL_TIMEOUT per message (two for a join request)
    # until emails leave the request for a background task.
    assert elapsed < 3 * EMAIL_TIMEOUT + 3
