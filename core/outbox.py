"""Sending the outbox: every email is queued in the database, then sent by a task, retried with backoff.

    from core.outbox import queue_email
    queue_email(to, subject, body, about=record, attachments=[("rappel.ics", data, "text/calendar")])

`queue_email` returns at once. The email and the task that sends it are written in the caller's
transaction, both or neither (the task queue is in the same database), and a worker sends it once
that transaction commits. (The test suite's immediate backend runs the task at once instead.)
A failure is retried after each delay of settings.OUTBOX_RETRY_DELAYS (1 min, 5 min, 30 min, 2 h, 12 h),
then the email is marked failed and listed for staff, who can send it again. Each attempt is claimed
first (OutgoingEmailQuerySet.claim_next): two workers never send the same email, and an email whose
worker died mid-send is marked failed rather than sent a second time (`sweep_outbox`).
"""

import base64
import logging
import smtplib
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from background.queue import enqueue_at

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Emails of a batch sent by one task before it hands over to the next: tasks stay short, so a pause
# takes effect quickly and other work is never starved by a long letter.
BATCH_SIZE = 200
# Below Wagtail's and the site's other tasks: a mail server that hangs delays them by one timeout at most.
EMAIL_PRIORITY = -10
# The server refused this one message (unknown mailbox, content rejected): the others can still go.
MESSAGE_REFUSALS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def queue_email(to, subject, body, *, html_body="", headers=None, attachments=(), about=None, batch=""):
    """Save an email and enqueue the task that sends it, in the current transaction.

    `attachments` are (filename, bytes, mimetype) triples, kept in the database until sent: small files only.
    """
    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject,
        body=body,
        html_body=html_body,
        headers=headers or {},
        attachments=[
            {"filename": name, "mimetype": mimetype, "content": base64.b64encode(content).decode()}
            for name, content, mimetype in attachments
        ],
        about=about,
        batch=batch,
    )
    send_email.enqueue(email.pk)
    return email


def deliver(emails, limit=BATCH_SIZE):
    """Send up to `limit` due emails of the queryset `emails` over one connection; returns how many left.

    A message the server refuses waits for its own retry; a server that is down or hangs stops the
    run at once, and the emails still due wait with the one that failed instead of each paying a timeout.
    """
    sent = 0
    just_sent = None  # marked with the next claim, in one transaction
    connection = get_connection(fail_silently=False)
    try:
        while sent < limit:
            email, just_sent = emails.claim_next(sent=just_sent), None
            if email is None:
                break
            try:
                connection.open()  # once: the connection then carries the whole run
                email.message(connection).send()
            except MESSAGE_REFUSALS as error:
                logger.warning("Email %s refused by the server: %s", email.pk, error)
                email.mark_failed_attempt(error)
            except Exception as error:  # connection refused, timeout, server gone: no use trying the next one
                logger.warning("Email %s not sent, mail server unavailable: %s", email.pk, error)
                email.mark_failed_attempt(error)
                if email.status == OutgoingEmail.Status.PENDING:
                    emails.due().update(next_attempt_at=email.next_attempt_at)
                break
            else:
                just_sent = email
                sent += 1
    finally:
        if just_sent is not None:
            just_sent.mark_sent()
        try:
            connection.close()
        except Exception:  # closing a connection to a server that vanished must not hide what was done
            logger.info("Mail connection closed uncleanly", exc_info=True)
    return sent


def _continue(task_, argument, emails, full_run):
    """Enqueue `task_` again for what `emails` still has to send: at once after a full run, or when the
    next retry is due. Due emails after a short run are other senders' (claimed as we looked)."""
    next_due = emails.filter(status=OutgoingEmail.Status.PENDING).aggregate(at=Min("next_attempt_at"))["at"]
    if next_due is None:
        return
    if next_due > timezone.now():
        enqueue_at(task_, next_due, argument)
    elif full_run:
        task_.enqueue(argument)


@task(priority=EMAIL_PRIORITY)
def send_email(pk):
    emails = OutgoingEmail.objects.filter(pk=pk)
    deliver(emails, limit=1)
    _continue(send_email, pk, emails, full_run=False)


@task(priority=EMAIL_PRIORITY)
def send_batch(batch):
    """Send a batch (a letter's emails) in slices of BATCH_SIZE, each slice a task of its own."""
    emails = OutgoingEmail.objects.filter(batch=batch)
    _continue(send_batch, batch, emails, full_run=deliver(emails) == BATCH_SIZE)


def start_batch(batch, senders=1):
    """Have `senders` tasks send `batch` side by side: several workers then share it."""
    for _number in range(senders):
        send_batch.enqueue(batch)


@task()
def sweep_outbox():
    """Every minute: what a lost task or a dead worker left behind.

    An email claimed long ago and never marked may have left before its worker died: it is marked
    failed, for staff to decide, never sent again on a guess. A batch with due emails that nobody has
    touched for as long gets a sender again (its task was lost, or died with its worker).
    """
    now = timezone.now()
    stalled_before = now - timedelta(seconds=settings.OUTBOX_STALL_SECONDS)
    interrupted = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENDING, claimed_at__lt=stalled_before)
    interrupted.update(
        status=OutgoingEmail.Status.FAILED,
        last_error=_("Envoi interrompu (processus arrêté) : peut-être parti, il n'est pas renvoyé automatiquement."),
    )
    pending = Q(status=OutgoingEmail.Status.PENDING)
    batches = (
        OutgoingEmail.objects.filter(pending | Q(status=OutgoingEmail.Status.SENDING))
        .values("batch")
        .annotate(last_claim=Max("claimed_at"), next_due=Min("next_attempt_at", filter=pending))
    )
    for row in batches:
        idle = row["last_claim"] is None or row["last_claim"] < stalled_before
        if idle and row["next_due"] is not None and row["next_due"] <= now:
            send_batch.enqueue(row["batch"])


def send_again(email):
    """Staff's « Réessayer »: a failed email gets a fresh series of attempts."""
    with transaction.atomic():
        updated = OutgoingEmail.objects.filter(pk=email.pk, status=OutgoingEmail.Status.FAILED).update(
            status=OutgoingEmail.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
        )
        if updated:
            send_email.enqueue(email.pk)
    return bool(updated)
