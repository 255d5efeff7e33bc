"""Sending a letter, in the background: the admin asks, a task writes one email per confirmed subscriber
into the outbox, and workers send them side by side (core/outbox.py: claims, retries, no duplicate).

A letter is sent once per subscriber whatever happens: each subscriber's delivery row is unique, and is
written with its email in one transaction. A send can be scheduled, paused (its waiting emails are held)
and resumed; `letter_progress` counts what left.
"""

from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import OutgoingEmail
from core.outbox import queue_email, start_batch
from pagecache.generation import bump_generation

from .letters import UNSUBSCRIBE_PLACEHOLDER, letter_headers, render_letter
from .models import LetterSending, NewsletterDelivery, NewsletterPage, Subscriber
from .subscriptions import list_unsubscribe_headers, unsubscribe_links

CREATE_CHUNK = 500


def batch_of(letter):
    """The outbox batch that carries this letter's emails."""
    return f"lettre-{letter.pk}"


def send_test(letter, address):
    """One copy to a staff address before the real send; it is not recorded as a delivery."""
    subject, text, html = render_letter(letter)
    return queue_email(address, f"[TEST] {subject}", text, html_body=html, headers=letter_headers())


def request_send(letter, user=None, when=None):
    """Ask for the letter to go out now or at `when`; returns its LetterSending. A send under way is left alone."""
    now = timezone.now()
    sending, created = LetterSending.objects.get_or_create(
        letter=letter, defaults={"scheduled_for": when or now, "requested_by": user}
    )
    if not created and sending.state == LetterSending.State.SCHEDULED:
        sending.scheduled_for, sending.requested_by = when or now, user
        sending.save(update_fields=["scheduled_for", "requested_by"])
    if sending.state == LetterSending.State.SCHEDULED and sending.scheduled_for <= now:
        start_letter.enqueue(letter.pk)
    return sending


def _outgoing_email(rendered, subscriber, letter):
    subject, text, html = rendered
    page_link, _one_click = unsubscribe_links(subscriber)
    return OutgoingEmail(
        to=subscriber.email,
        subject=subject,
        body=text.replace(UNSUBSCRIBE_PLACEHOLDER, page_link),
        html_body=html.replace(UNSUBSCRIBE_PLACEHOLDER, page_link),
        headers={**letter_headers(), **list_unsubscribe_headers(subscriber)},
        batch=batch_of(letter),
        about=letter,
    )


@task()
def start_letter(letter_id):
    """Write the letter's emails for every confirmed subscriber not yet served, then start the senders.

    Only the task that moves the send from « programmé » to « en cours » does it: a second one, or one
    for a send paused or cancelled meanwhile, does nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        started = LetterSending.objects.filter(
            letter_id=letter_id, state=LetterSending.State.SCHEDULED, scheduled_for__lte=now
        ).update(state=LetterSending.State.SENDING, started_at=now)
        if not started:
            return 0
        letter = NewsletterPage.objects.get(pk=letter_id)
        if letter.sent_at is None:
            NewsletterPage.objects.filter(pk=letter.pk).update(sent_at=now)
            letter.sent_at = now
            bump_generation()  # the update sends no signal, and the newsletter pages list the letters sent
        rendered = render_letter(letter)
        served = NewsletterDelivery.objects.filter(letter=letter).values("subscriber_id")
        recipients = Subscriber.objects.confirmed().exclude(pk__in=served).order_by("pk")
        written = 0
        # Each chunk written leaves the ones still to serve: always the first CREATE_CHUNK of them.
        while chunk := list(recipients[:CREATE_CHUNK]):
            emails = OutgoingEmail.objects.bulk_create([_outgoing_email(rendered, s, letter) for s in chunk])
            NewsletterDelivery.objects.bulk_create(
                NewsletterDelivery(letter=letter, subscriber=subscriber, email=email)
                for subscriber, email in zip(chunk, emails, strict=True)
            )
            written += len(chunk)
        start_batch(batch_of(letter), senders=settings.NEWSLETTER_SENDERS)
    return written


@task()
def start_due_letters():
    """Every minute: the scheduled sends whose time has come."""
    due = LetterSending.objects.filter(state=LetterSending.State.SCHEDULED, scheduled_for__lte=timezone.now())
    for letter_id in due.values_list("letter_id", flat=True):
        start_letter.enqueue(letter_id)


@transaction.atomic
def pause(letter):
    """The emails not sent yet wait, held; the few in flight finish."""
    if LetterSending.objects.filter(letter=letter, state=LetterSending.State.SENDING).update(
        state=LetterSending.State.PAUSED
    ):
        OutgoingEmail.objects.filter(batch=batch_of(letter), status=OutgoingEmail.Status.PENDING).update(
            status=OutgoingEmail.Status.HELD
        )


@transaction.atomic
def resume(letter):
    if LetterSending.objects.filter(letter=letter, state=LetterSending.State.PAUSED).update(
        state=LetterSending.State.SENDING
    ):
        OutgoingEmail.objects.filter(batch=batch_of(letter), status=OutgoingEmail.Status.HELD).update(
            status=OutgoingEmail.Status.PENDING, next_attempt_at=timezone.now()
        )
        start_batch(batch_of(letter), senders=settings.NEWSLETTER_SENDERS)


@transaction.atomic
def cancel_schedule(letter):
    LetterSending.objects.filter(letter=letter, state=LetterSending.State.SCHEDULED).delete()


def letter_progress(letter):
    """{"state", "total", "sent", "failed", "waiting"}: the letter's emails in the outbox, counted in one query."""
    Status = OutgoingEmail.Status
    counts = OutgoingEmail.objects.filter(batch=batch_of(letter)).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=Status.SENT)),
        failed=Count("pk", filter=Q(status=Status.FAILED)),
    )
    counts["waiting"] = counts["total"] - counts["sent"] - counts["failed"]
    sending = LetterSending.objects.filter(letter=letter).first()
    if sending is None:
        counts["state"] = ""
    elif sending.state == LetterSending.State.SENDING and counts["total"] and not counts["waiting"]:
        counts["state"] = str(_("terminé"))
    else:
        counts["state"] = sending.get_state_display()
    return counts
