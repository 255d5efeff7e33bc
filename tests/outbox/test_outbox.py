"""The outbox: queued emails are sent by a task, retried on the policy's delays, then failed and sent again by staff."""

from datetime import timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import OutgoingEmail
from core.outbox import queue_email, send_email, sweep_outbox
from tests.home.admin_site import member_of
from tests.network.test_join_form import closed_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    settings.OUTBOX_RETRY_DELAYS = [60, 300, 1800, 7200, 43200]


def test_an_email_with_an_attachment_leaves_through_its_task():
    queue_email(
        "lea@exemple.org", "Rappel", "À demain.", attachments=[("atelier.ics", b"BEGIN:VCALENDAR", "text/calendar")]
    )

    (message,) = mail.outbox
    assert message.to == ["lea@exemple.org"] and message.attachments[0][0] == "atelier.ics"
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_a_failing_email_is_retried_after_1_5_30_120_720_minutes_then_failed(server_down, settings):
    email = queue_email("lea@exemple.org", "Rappel", "À demain.")
    waits = []
    for _attempt in range(6):
        email.refresh_from_db()
        waits.append(round((email.next_attempt_at - timezone.now()).total_seconds() / 60))
        OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        send_email.call(email.pk)
    email.refresh_from_db()

    assert waits[:5] == [1, 5, 30, 120, 720]
    assert email.status == OutgoingEmail.Status.FAILED and email.attempts == 6
    assert "ConnectionRefusedError" in email.last_error


def test_a_retry_that_is_not_due_sends_nothing(server_down, settings):
    email = queue_email("lea@exemple.org", "Rappel", "À demain.")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    send_email.call(email.pk)  # a second task for the same email, before its retry is due

    assert mail.outbox == [] and OutgoingEmail.objects.get().attempts == 1


def test_an_email_claimed_by_a_worker_that_died_is_failed_not_sent_twice(settings):
    settings.OUTBOX_STALL_SECONDS = 300
    email = OutgoingEmail.objects.create(to="lea@exemple.org", subject="Rappel", body="…")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING, claimed_at=timezone.now() - timedelta(minutes=6), attempts=1
    )

    sweep_outbox.call()

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED and "interrompu" in email.last_error
    assert mail.outbox == []


def test_moderators_see_failed_emails_and_send_one_again(client, server_down, settings):
    email = queue_email("lea@exemple.org", "Votre demande", "Merci.")
    OutgoingEmail.objects.filter(pk=email.pk).update(status=OutgoingEmail.Status.FAILED)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(member_of("Modérateurs", "moderation"))

    listing = client.get(reverse("core_outbox")).content.decode()
    assert "lea@exemple.org" in listing and "Réessayer" in listing
    client.post(reverse("core_outbox_retry", args=[email.pk]))

    assert [message.to for message in mail.outbox] == [["lea@exemple.org"]]
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_redacteurs_cannot_send_an_email_again(client):
    email = OutgoingEmail.objects.create(to="lea@exemple.org", subject="Votre demande", body="…", status="echec")
    client.force_login(member_of("Rédacteurs", "redaction"))

    client.post(reverse("core_outbox_retry", args=[email.pk]))

    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.FAILED and mail.outbox == []
