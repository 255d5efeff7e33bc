"""A visitor finds an event in the agenda and takes it home to their calendar."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_visitor_filters_the_agenda_by_theme_opens_an_event_and_downloads_its_calendar_file(page, site_pages):
    page.goto("/agenda/")
    page.get_by_label("Thème", exact=True).select_option(label="Participation citoyenne")
    page.get_by_role("button", name="Filtrer").click()

    expect(page).to_have_url(re.compile(r"/agenda/\?theme=participation-citoyenne"))
    expect(page.get_by_role("status")).to_have_text("1 événement")
    page.get_by_role("link", name="Rencontre des tiers-lieux").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Rencontre des tiers-lieux")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Fichier iCalendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "rencontre-des-tiers-lieux.ics"
    with open(download.path(), "rb") as calendar_file:
        (event,) = Calendar.from_ical(calendar_file.read()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Rencontre des tiers-lieux"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
