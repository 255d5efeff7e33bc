"""Calendar files (RFC 5545) for one event and for the agenda, built with icalendar."""

from datetime import timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vDuration, vText

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import http_date

from core.site_address import site_domain

FEED_PAST_DAYS = 90
# A calendar application downloads the whole feed at every refresh: beyond this many events (a
# year of a busy agenda), the earliest are kept, so the file stops growing with the site.
FEED_MAX_EVENTS = 200
PRODUCT_ID = "-//Territoires participatifs//Agenda//FR"
# How often a subscribed calendar application should fetch the agenda again (RFC 7986 and the
# older X-PUBLISHED-TTL that Outlook and Apple Calendar read); it answers 304 when nothing changed.
FEED_REFRESH = timedelta(hours=1)


def event_uid(event):
    """Stable across downloads and hosts, unique per event: its own UUID at the site's configured domain."""
    return f"{event.calendar_uid}@{site_domain()}"


def published_on(event):
    """When the event was last published: the file's DTSTAMP, so that an unchanged calendar is byte-identical."""
    return event.last_published_at or event.latest_revision_created_at or event.publication_date


def to_vevent(event, request):
    return vevent_at(event, request.build_absolute_uri(event.url))


def vevent_at(event, url):
    """The event's VEVENT, `url` its page's absolute address (emails have no request to build it from)."""
    tz = ZoneInfo(settings.TIME_ZONE)
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", published_on(event))
    vevent.add("last-modified", published_on(event))
    vevent.add("sequence", event.calendar_sequence)
    vevent.add("summary", event.title)
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


def calendar_response(events, request, filename, name, refresh=None):
    events = list(events)
    response = HttpResponse(
        calendar_file([to_vevent(event, request) for event in events], events, name, refresh),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    if events:
        # With the ETag of the body, calendar applications that only send If-Modified-Since get 304 too.
        response["Last-Modified"] = http_date(max(published_on(event) for event in events).timestamp())
    return response


def event_file(event, url):
    """One event's .ics as bytes, for an email attachment: same UID and SEQUENCE as the page's file."""
    return calendar_file([vevent_at(event, url)], [event], event.title)


def calendar_file(vevents, events, name, refresh=None):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # Published for reading, not an invitation that asks for an answer (RFC 5546).
    calendar.add("method", "PUBLISH")
    if refresh:
        calendar.add("refresh-interval", vDuration(refresh), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(refresh))
    # icalendar escapes only the properties it knows; an X- property is written as given, so a line
    # break in the agenda's or the event's title would end the line and fail the whole file.
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for vevent in vevents:
        calendar.add_component(vevent)
    if events:
        # Transitions for the years the events span only, not Python's default 1970–2038.
        first = min(event.starts_at for event in events).date().replace(month=1, day=1)
        last = max(event.ends_at for event in events).date().replace(month=12, day=31)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def event_calendar_response(request, event):
    return calendar_response([event], request, event.slug, event.title)


def feed_calendar_response(request, events, name):
    """The agenda's feed: its events, already filtered as the agenda is, upcoming and of the last 90 days.

    A filter that matches nothing gives an empty calendar, never every event: a subscription with a
    mistyped theme would otherwise fill the subscriber's calendar with what they did not ask for.
    """
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    events = events.filter(ends_at__gt=since).order_by("starts_at", "pk").specific()
    return calendar_response(events[:FEED_MAX_EVENTS], request, "agenda", name, refresh=FEED_REFRESH)


def add_to_calendar_links(event, request):
    """« Ajouter à mon agenda »: the ICS file, and prefilled Google and Outlook forms."""
    url = request.build_absolute_uri(event.url)
    details = "\n\n".join(part for part in (event.chapo, url) if part)
    location = event_location(event)
    if event.all_day:
        # All-day dates, the end exclusive as in the ICS file: a time would shift them by the offset.
        first_day, day_after = timezone.localtime(event.starts_at).date(), event.last_day + timedelta(days=1)
        google_dates = f"{first_day:%Y%m%d}/{day_after:%Y%m%d}"
        outlook_dates = (first_day.isoformat(), day_after.isoformat())
    else:
        utc = ZoneInfo("UTC")
        starts_at, ends_at = event.starts_at.astimezone(utc), event.ends_at.astimezone(utc)
        google_dates = f"{starts_at:%Y%m%dT%H%M%SZ}/{ends_at:%Y%m%dT%H%M%SZ}"
        outlook_dates = (f"{starts_at:%Y-%m-%dT%H:%M:%SZ}", f"{ends_at:%Y-%m-%dT%H:%M:%SZ}")
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {"action": "TEMPLATE", "text": event.title, "dates": google_dates, "details": details, "location": location}
    )
    outlook = "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": event.title,
            "startdt": outlook_dates[0],
            "enddt": outlook_dates[1],
            "allday": "true" if event.all_day else "false",
            "body": details,
            "location": location,
        }
    )
    return {"ics": event.url + "ical/", "google": google, "outlook": outlook}
