"""The emails of a registration, queued in the outbox (sent by a worker, retried while the server is down).

Subjects and texts are the site's own: the visitor's answers never reach a header. Each email that
tells someone they hold a seat carries the event's .ics, with the UID and SEQUENCE of the page's file,
so that a calendar application updates the entry instead of adding a second one.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.outbox import queue_email

from .calendar import event_file, event_location
from .registration_links import absolute, personal_path


def event_url(event):
    return absolute(event.get_url_parts()[2])


def calendar_attachment(event):
    return [(f"{event.slug}.ics", event_file(event, event_url(event)), "text/calendar")]


def send(registration, template, subject, *, with_calendar, **context):
    event = registration.event
    body = render_to_string(
        f"emails/registration/{template}.txt",
        {
            "registration": registration,
            "event": event,
            "event_url": event_url(event),
            "personal_url": absolute(personal_path(registration, event)),
            "location": event_location(event) if event.event_format != "en-ligne" else "",
            "rank": registration.waiting_rank(),
            **context,
        },
    )
    return queue_email(
        registration.email,
        subject % {"title": event.title},
        body,
        attachments=calendar_attachment(event) if with_calendar else (),
        about=registration,
    )


def confirmation(registration):
    """Registered: the confirmation with the .ics; on the waiting list: the position, no calendar entry yet."""
    if registration.is_waiting:
        return send(registration, "waiting", _("Liste d'attente : %(title)s"), with_calendar=False)
    return send(registration, "confirmed", _("Inscription confirmée : %(title)s"), with_calendar=True)


def promoted(registration):
    return send(registration, "promoted", _("Une place s'est libérée : %(title)s"), with_calendar=True)


def cancelled(registration):
    return send(registration, "cancelled", _("Inscription annulée : %(title)s"), with_calendar=False)


def reminder(registration):
    return send(registration, "reminder", _("Rappel : %(title)s"), with_calendar=True)


def event_changed(registration):
    """The event was cancelled, or its date, time or place changed: the updated .ics replaces the old entry."""
    # Only those holding a seat have the event in their calendar; the waiting list hears the news without.
    holds_seat = registration.holds_seat
    if registration.event.is_cancelled:
        return send(registration, "event_cancelled", _("Événement annulé : %(title)s"), with_calendar=holds_seat)
    return send(registration, "event_changed", _("Changement : %(title)s"), with_calendar=holds_seat)
