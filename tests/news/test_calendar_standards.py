"""What calendar applications check, read with icalendar as they read the files."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from django.utils import timezone

from news.factories import EventPageFactory, all_day_event

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def event(event_index):
    page = EventPageFactory(parent=event_index, slug="forum", starts_at=timezone.now() + timedelta(days=3))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_an_unchanged_calendar_is_byte_identical_and_stamped_with_its_last_publication(client, event, monkeypatch):
    first = client.get("/agenda/ical/").content
    monkeypatch.setattr("django.utils.timezone.now", lambda: event.last_published_at + timedelta(hours=5))
    second = client.get("/agenda/ical/").content

    assert first == second
    (vevent,) = Calendar.from_ical(first).walk("VEVENT")
    assert vevent.decoded("DTSTAMP") == event.last_published_at.replace(microsecond=0)


def test_both_files_are_published_and_the_feed_says_how_often_to_refresh(client, event):
    feed = Calendar.from_ical(client.get("/agenda/ical/").content)
    single = Calendar.from_ical(client.get("/agenda/forum/ical/").content)

    assert feed["METHOD"] == single["METHOD"] == "PUBLISH"
    assert feed.decoded("REFRESH-INTERVAL") == timedelta(hours=1)
    assert feed["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert str(feed["X-PUBLISHED-TTL"]) == "PT1H"  # an X- property reads back as its text
    assert "REFRESH-INTERVAL" not in single


def test_the_uid_domain_is_the_configured_one_whatever_the_host(client, event, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://territoires.example.org"

    uids = {
        str(Calendar.from_ical(client.get("/agenda/forum/ical/", HTTP_HOST=host).content).walk("VEVENT")[0]["UID"])
        for host in ("testserver", "localhost", "127.0.0.1")
    }

    assert uids == {f"{event.calendar_uid}@territoires.example.org"}


def test_outlook_gets_all_day_dates_for_an_all_day_event(client, event_index):
    page = all_day_event(event_index, date(2026, 12, 30), date(2026, 12, 31))
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    outlook = soup.find("a", href=lambda href: href and href.startswith("https://outlook.live.com/"))["href"]
    query = parse_qs(urlsplit(outlook).query)

    (vevent,) = Calendar.from_ical(client.get(page.url + "ical/").content).walk("VEVENT")
    assert (query["startdt"], query["enddt"], query["allday"]) == (["2026-12-30"], ["2027-01-01"], ["true"])
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (date(2026, 12, 30), date(2027, 1, 1))
