"""The seat engine: every change to who holds a seat of an event goes through here.

Each function runs in one transaction that first locks the event's EventSeats row (`locked_seats`):
on PostgreSQL `SELECT … FOR UPDATE` on that row, on SQLite the write lock every transaction takes
when it begins. Counting the seats taken and writing the change then happen while no one else can
change the same event: never two people on the last seat, never two on the same waiting position.
The emails these changes call for are queued in the outbox in the same transaction (both or neither)
and sent by a worker once it commits: a registration is always saved before any email leaves.

    outcome = register(event, name=…, email=…, consent_text=…)  # new seat, waiting list, or the existing one
    cancel(registration)                                        # frees the seat, promotes the next in line
    move_from_waiting_list(registration)                        # staff: this person gets a free seat
    add_by_hand(event, …)                                       # staff: even after closing, capacity holds
    mark_present(registration)
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registration_mail as mail
from .models.registrations import EventSeats, Registration

# A visitor who registers again with the same address gets the confirmation again, once per this delay.
RESEND_DELAY = timedelta(minutes=10)


class RegistrationRefused(Exception):
    """A registration the event cannot take; `message` is said to the visitor or the staff member."""

    message = ""

    def __str__(self):
        return str(self.message)


class RegistrationClosed(RegistrationRefused):
    message = _("Les inscriptions à cet événement sont closes.")


class EventFull(RegistrationRefused):
    message = _("Cet événement est complet.")


@dataclass
class SeatCount:
    """What the event page and the staff screens show: seats taken, left (None: no limit), waiting."""

    capacity: int | None
    taken: int
    waiting: int

    @property
    def left(self):
        return None if self.capacity is None else max(self.capacity - self.taken, 0)

    @property
    def full(self):
        return self.capacity is not None and self.taken >= self.capacity


@dataclass
class Outcome:
    registration: Registration
    created: bool  # False: the address was already registered, nothing new was saved
    resent: bool = False  # for an existing registration: its email was queued again
    promoted: list = field(default_factory=list)


def seat_count(event):
    """Seats taken and the waiting list's length, in one query."""
    return seat_counts([event])[event.pk]


def seat_counts(events):
    """{event id: SeatCount} for a list of events, in one query (the event page, listings, the dashboard)."""
    rows = (
        Registration.objects.filter(event__in=[event.pk for event in events])
        .exclude(status=Registration.Status.CANCELLED)
        .order_by()
        .values("event_id", "status")
        .annotate(number=Count("pk"))
    )
    numbers = {(row["event_id"], row["status"]): row["number"] for row in rows}
    return {
        event.pk: SeatCount(
            event.capacity,
            sum(numbers.get((event.pk, status), 0) for status in Registration.SEAT_STATUSES),
            numbers.get((event.pk, Registration.Status.WAITING), 0),
        )
        for event in events
    }


def locked_seats(event):
    """Lock the event's seats row (created on first use) until the surrounding transaction ends."""
    EventSeats.objects.get_or_create(event_id=event.pk)
    return EventSeats.objects.select_for_update().get(event_id=event.pk)


def register(
    event,
    *,
    name,
    email,
    consent_text,
    structure="",
    accessibility_needs="",
    answers=(),
    by_staff=False,
    notify=True,
    now=None,
):
    """A seat if one is free, else a place on the waiting list (if the event has one), else EventFull.

    An address already registered (not cancelled) gets no second registration: the outcome is the
    existing one, and its email is queued again unless one went less than RESEND_DELAY ago. Closed
    registration raises RegistrationClosed, except for staff (`by_staff`), who may add people late.
    `notify=False` queues no email at all (the demo's sample registrations, staff recording a phone call).
    """
    now = now or timezone.now()
    if not by_staff and not event.registration_open(now):
        raise RegistrationClosed
    with transaction.atomic():
        seats = locked_seats(event)
        existing = active_registration(event, email)
        if existing is not None:
            return Outcome(existing, created=False, resent=notify and resend_confirmation(existing, now))
        count = seat_count(event)
        registration = Registration(
            event=event,
            name=name,
            email=email,
            structure=structure,
            accessibility_needs=accessibility_needs,
            answers=list(answers),
            consent_text=consent_text,
            added_by_staff=by_staff,
            confirmation_sent_at=now if notify else None,
        )
        if not count.full:
            registration.status = Registration.Status.REGISTERED
        elif event.waiting_list or by_staff:
            registration.status = Registration.Status.WAITING
            registration.waiting_position = next_waiting_position(seats)
        else:
            raise EventFull
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # Only the same address registered meanwhile can get here (the lock serialises the rest).
            existing = active_registration(event, email)
            if existing is None:
                raise
            return Outcome(existing, created=False, resent=notify and resend_confirmation(existing, now))
        if notify:
            mail.confirmation(registration)
    return Outcome(registration, created=True)


def add_by_hand(event, **details):
    """Staff add someone: allowed after closing; a seat if free, else the waiting list, whatever the event's setting."""
    return register(event, by_staff=True, **details)


def active_registration(event, email):
    return (
        Registration.objects.active()
        .annotate(address=Lower("email"))
        .filter(event=event, address=email.strip().lower())
        .first()
    )


def next_waiting_position(seats):
    seats.waiting_counter += 1
    seats.save(update_fields=["waiting_counter"])
    return seats.waiting_counter


def resend_confirmation(registration, now):
    """Queue the registration's email again unless one was queued less than RESEND_DELAY ago; True if queued."""
    claimed = Registration.objects.filter(pk=registration.pk).exclude(confirmation_sent_at__gt=now - RESEND_DELAY)
    if not claimed.update(confirmation_sent_at=now):
        return False
    registration.refresh_from_db()
    mail.confirmation(registration)
    return True


def cancel(registration, now=None):
    """Cancel (by the person or staff); a freed seat goes to the first on the waiting list. Returns the promoted."""
    now = now or timezone.now()
    with transaction.atomic():
        locked_seats(registration.event)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            registration.refresh_from_db()
            return []
        freed = current.holds_seat
        Registration.objects.filter(pk=current.pk).update(
            status=Registration.Status.CANCELLED, waiting_position=None, cancelled_at=now, updated_at=now
        )
        registration.refresh_from_db()
        mail.cancelled(registration)
        return fill_free_seats(registration.event, now) if freed else []


def fill_free_seats(event, now=None):
    """Give every free seat to the first on the waiting list, in order, each told by email; the promoted.

    Called under the event's lock (after a cancellation), or on its own when the capacity grew.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked_seats(event)
        count = seat_count(event)
        free = None if event.capacity is None else count.capacity - count.taken
        waiting = Registration.objects.filter(event=event).waiting()
        promoted = list(waiting if free is None else waiting[: max(free, 0)])
        for registration in promoted:
            promote(registration, now)
        return promoted


def promote(registration, now):
    Registration.objects.filter(pk=registration.pk).update(
        status=Registration.Status.REGISTERED, waiting_position=None, promoted_at=now, updated_at=now
    )
    registration.refresh_from_db()
    mail.promoted(registration)


def move_from_waiting_list(registration, now=None):
    """Staff give this person (not necessarily the first in line) a seat; EventFull when none is free."""
    now = now or timezone.now()
    with transaction.atomic():
        locked_seats(registration.event)
        current = Registration.objects.get(pk=registration.pk)
        if current.status != Registration.Status.WAITING:
            registration.refresh_from_db()
            return registration
        if seat_count(registration.event).full:
            raise EventFull
        promote(registration, now)
        return registration


def mark_present(registration, present=True):
    """Staff tick « présent » on the day (or untick it); only someone holding a seat can be present."""
    with transaction.atomic():
        locked_seats(registration.event)
        want, have = (
            (Registration.Status.ATTENDED, Registration.Status.REGISTERED)
            if present
            else (Registration.Status.REGISTERED, Registration.Status.ATTENDED)
        )
        Registration.objects.filter(pk=registration.pk, status=have).update(status=want, updated_at=timezone.now())
        registration.refresh_from_db()
        return registration
