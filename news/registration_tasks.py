"""What happens to registrations outside a visitor's request: reminders, news of a changed event,
seats freed by a larger capacity, and anonymisation once the event is long past."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.models import OutgoingEmail

from . import registration_mail as mail
from .calendar import event_location
from .models.events import EventPage
from .models.registrations import Registration, new_token
from .registrations import fill_free_seats, locked_seats

REMINDER_BEFORE = timedelta(days=2)


@task()
def send_reminders(now=None):
    """Every hour: people holding a seat at an event that starts within two days get their reminder, once.

    Someone who registered less than two days before the start has just had the confirmation: no reminder.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.REGISTERED,
        reminder_sent_at__isnull=True,
        event__live=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_BEFORE,
        created_at__lt=F("event__starts_at") - REMINDER_BEFORE,
    ).exclude(event__status=EventPage.Status.CANCELLED)
    sent = 0
    for registration in due.select_related("event"):
        with transaction.atomic():
            # Claimed first: two runs at once (a late scheduler, two workers) never remind twice.
            if Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            ):
                mail.reminder(registration)
                sent += 1
    return sent


def announced_details(event):
    """What a registered person must hear about when it changes: when, where, whether it takes place."""
    return {
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat(),
        "all_day": event.all_day,
        "place": event_location(event),
        "status": event.status,
    }


@task()
def after_event_published(event_pk):
    """A publication of an event with registration on the site: fill seats a larger capacity freed, and if
    its dates, place or status changed, email everyone registered or waiting once, with the updated .ics."""
    event = EventPage.objects.filter(pk=event_pk, live=True).first()
    if event is None or not event.registers_on_site:
        return 0
    if not event.is_cancelled:
        fill_free_seats(event)
    with transaction.atomic():
        seats = locked_seats(event)
        details = announced_details(event)
        if seats.announced == details:
            return 0
        told = 0
        if seats.announced:  # the first publication has no one to tell
            for registration in Registration.objects.filter(event=event).active().select_related("event"):
                mail.event_changed(registration)
                told += 1
        seats.announced = details
        seats.save(update_fields=["announced"])
        return told


def event_published(sender, instance, **kwargs):
    """page_published: the follow-up runs as a task, out of the editor's request.

    Enqueued in the publication's transaction: the task queue is in the same database, so a worker
    sees the task only once the publication is committed, and never without it.
    """
    if instance.registers_on_site:
        after_event_published.enqueue(instance.pk)


def ended_before(months, now=None):
    return (now or timezone.now()) - relativedelta(months=months)


@transaction.atomic
def anonymise_registrations(months, now=None):
    """Registrations to events that ended more than `months` ago lose who made them; their status stays
    (the counts per event too). The emails about them go: they quote names and links. Returns the count."""
    now = now or timezone.now()
    expired = list(
        Registration.objects.filter(event__ends_at__lt=ended_before(months, now), anonymised_at__isnull=True)
    )
    OutgoingEmail.objects.filter(registration__in=expired).delete()
    for registration in expired:
        registration.name = registration.email = registration.structure = registration.accessibility_needs = ""
        registration.answers = []
        registration.token = new_token()  # the personal link stops working
        registration.anonymised_at = now
    Registration.objects.bulk_update(
        expired, ["name", "email", "structure", "accessibility_needs", "answers", "token", "anonymised_at"]
    )
    return len(expired)


@task()
def expire_old_registrations():
    return anonymise_registrations(settings.REGISTRATION_RETENTION_MONTHS)
