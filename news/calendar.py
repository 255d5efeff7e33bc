"""Calendar files (RFC 5545) for one event and for the agenda, built with icalendar."""

from datetime import timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

FEED_PAST_DAYS = 90
# A calendar application downloads the whole feed at every refresh: beyond this many events (a
# year of a busy agenda), the earliest are kept, so the file stops growing with the site.
FEED_MAX_EVENTS = 200
PRODUCT_ID = "-//Territoires participatifs//Agenda//FR"


def event_uid(event, request):
    """Stable across downloads and unique per event: the event's own UUID at this site's host."""
    return f"{event.calendar_uid}@{request.get_host().split(':')[0]}"


def to_vevent(event, request):
    tz = ZoneInfo(settings.TIME_ZONE)
    vevent = Event()
    vevent.add("uid", event_uid(event, request))
    vevent.add("dtstamp", timezone.now())
    vevent.add("last-modified", event.last_published_at or event.latest_revision_created_at or timezone.now())
    vevent.add("sequence", event.calendar_sequence)
    vevent.add("summary", event.title)
    url = request.build_absolute_uri(event.url)
    vevent.add("description", "\n\n".join(part for part in (event.chapo, url) if part))
    vevent.add("url", url)
    if event.all_day:
        # DATE values; DTEND is the day after the last one (exclusive), as RFC 5545 wants.
        vevent.add("dtstart", timezone.localtime(event.starts_at, tz).date())
        vevent.add("dtend", event.last_day + timedelta(days=1))
    else:
        vevent.add("dtstart", event.starts_at.astimezone(tz))
        vevent.add("dtend", event.ends_at.astimezone(tz))
    location = event_location(event)
    if location:
        vevent.add("location", location)
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return vevent


def event_location(event):
    place = ", ".join(
        part for part in (event.venue_name, event.address, f"{event.postal_code} {event.commune}".strip()) if part
    )
    return place or event.online_url


def calendar_response(events, request, filename, name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # icalendar escapes only the properties it knows; an X- property is written as given, so a line
    # break in the agenda's or the event's title would end the line and fail the whole file.
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    events = list(events)
    for event in events:
        calendar.add_component(to_vevent(event, request))
    if events:
        # Transitions for the years the events span only, not Python's default 1970–2038.
        first = min(event.starts_at for event in events).date().replace(month=1, day=1)
        last = max(event.ends_at for event in events).date().replace(month=12, day=31)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def event_calendar_response(request, event):
    return calendar_response([event], request, event.slug, event.title)


def feed_calendar_response(request, events, name):
    """The agenda's feed: its events, already filtered as the agenda is, upcoming and of the last 90 days.

    A filter that matches nothing gives an empty calendar, never every event: a subscription with a
    mistyped theme would otherwise fill the subscriber's calendar with what they did not ask for.
    """
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    events = events.filter(ends_at__gt=since).order_by("starts_at", "pk").specific()
    return calendar_response(events[:FEED_MAX_EVENTS], request, "agenda", name)


def add_to_calendar_links(event, request):
    """« Ajouter à mon agenda »: the ICS file, and prefilled Google and Outlook forms."""
    url = request.build_absolute_uri(event.url)
    details = "\n\n".join(part for part in (event.chapo, url) if part)
    location = event_location(event)
    if event.all_day:
        first_day = timezone.localtime(event.starts_at).date()
        google_dates = f"{first_day:%Y%m%d}/{event.last_day + timedelta(days=1):%Y%m%d}"
    else:
        utc = ZoneInfo("UTC")
        google_dates = (
            f"{event.starts_at.astimezone(utc):%Y%m%dT%H%M%SZ}/{event.ends_at.astimezone(utc):%Y%m%dT%H%M%SZ}"
        )
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {"action": "TEMPLATE", "text": event.title, "dates": google_dates, "details": details, "location": location}
    )
    outlook = "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": event.title,
            "startdt": event.starts_at.isoformat(),
            "enddt": event.ends_at.isoformat(),
            "allday": "true" if event.all_day else "false",
            "body": details,
            "location": location,
        }
    )
    return {"ics": event.url + "ical/", "google": google, "outlook": outlook}
