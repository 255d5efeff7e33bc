import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from django.core.exceptions import ValidationError
from django.utils import timezone

from taggit.models import Tag

from core.factories import ThemeFactory
from images.factories import ImageFactory
from news.factories import EventPageFactory, classify
from tests.bulk_pages import write_in_bulk
from tests.query_budget import queries_to_render

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


@pytest.fixture
def frozen_now(monkeypatch):
    """Set the clock that listings read; returns a function to move it."""

    def freeze(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return freeze


def listed(client, url):
    html = client.get(url).content.decode()
    return html


class TestAgendaBoundary:
    """An event is upcoming until its very end, computed by the database."""

    def test_event_ending_today_at_six_leaves_the_agenda_at_six(self, client, event_index, frozen_now):
        EventPageFactory(
            parent=event_index,
            title="Atelier du jour",
            starts_at=paris(2026, 12, 3, 14),
            ends_at=paris(2026, 12, 3, 18),
        )

        frozen_now(paris(2026, 12, 3, 17, 59))
        assert ">Atelier du jour</a>" in listed(client, "/agenda/")
        assert ">Atelier du jour</a>" not in listed(client, "/agenda/passes/")

        frozen_now(paris(2026, 12, 3, 18, 0))
        assert ">Atelier du jour</a>" not in listed(client, "/agenda/")
        assert ">Atelier du jour</a>" in listed(client, "/agenda/passes/")

    def test_ongoing_multi_day_and_all_day_events_are_upcoming(self, client, event_index, frozen_now):
        frozen_now(paris(2026, 12, 3, 12))
        EventPageFactory(
            parent=event_index, title="En cours", starts_at=paris(2026, 12, 3, 10), ends_at=paris(2026, 12, 3, 16)
        )
        EventPageFactory(
            parent=event_index, title="Sur trois jours", starts_at=paris(2026, 12, 2, 9), ends_at=paris(2026, 12, 4, 17)
        )
        EventPageFactory(
            parent=event_index,
            title="Toute la journée",
            all_day=True,
            starts_at=paris(2026, 12, 3),
            ends_at=paris(2026, 12, 4),
        )
        EventPageFactory(
            parent=event_index,
            title="Fini il y a une heure",
            starts_at=paris(2026, 12, 3, 9),
            ends_at=paris(2026, 12, 3, 11),
        )

        upcoming = listed(client, "/agenda/")
        past = listed(client, "/agenda/passes/")

        for title in ["En cours", "Sur trois jours", "Toute la journée"]:
            assert f">{title}</a>" in upcoming and f">{title}</a>" not in past
        assert ">Fini il y a une heure</a>" in past and ">Fini il y a une heure</a>" not in upcoming

    def test_upcoming_soonest_first_and_past_newest_first_grouped_by_month(self, client, event_index, frozen_now):
        frozen_now(paris(2026, 11, 22, 12))
        for title, start in [
            ("Janvier", paris(2027, 1, 15, 9)),
            ("Décembre", paris(2026, 12, 10, 9)),
            ("Novembre", paris(2026, 11, 30, 9)),
        ]:
            EventPageFactory(parent=event_index, title=title, starts_at=start, ends_at=start + timedelta(hours=2))
        for title, start in [("Ancien", paris(2024, 4, 9, 9)), ("Récent", paris(2026, 10, 1, 9))]:
            EventPageFactory(parent=event_index, title=title, starts_at=start, ends_at=start + timedelta(hours=2))

        upcoming = listed(client, "/agenda/")
        past = listed(client, "/agenda/passes/")

        assert (
            upcoming.index("Novembre 2026</h2>")
            < upcoming.index(">Novembre</a>")
            < upcoming.index("Décembre 2026</h2>")
        )
        assert upcoming.index(">Décembre</a>") < upcoming.index("Janvier 2027</h2>") < upcoming.index(">Janvier</a>")
        assert past.index(">Récent</a>") < past.index(">Ancien</a>")
        assert "Avril 2024</h2>" in past


class TestAgendaFilters:
    def test_filters_by_theme_tag_format_and_month(self, client, event_index, frozen_now):
        frozen_now(paris(2026, 11, 22, 12))
        climat = ThemeFactory(slug="climat")
        start = paris(2026, 12, 10, 9)
        classify(
            EventPageFactory(parent=event_index, title="Climat", starts_at=start, ends_at=start + timedelta(hours=2)),
            themes=[climat],
        )
        classify(
            EventPageFactory(parent=event_index, title="Étiqueté", starts_at=start, ends_at=start + timedelta(hours=2)),
            tags=["tiers-lieux"],
        )
        EventPageFactory(
            parent=event_index,
            title="En ligne",
            event_format="en-ligne",
            online_url="https://example.org/visio",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
        later = paris(2027, 1, 12, 9)
        EventPageFactory(parent=event_index, title="Janvier", starts_at=later, ends_at=later + timedelta(hours=1))

        assert ">Climat</a>" in listed(client, "/agenda/?theme=climat") and "Étiqueté" not in listed(
            client, "/agenda/?theme=climat"
        )
        assert ">Étiqueté</a>" in listed(client, "/agenda/?tag=tiers-lieux")
        by_format = listed(client, "/agenda/?format=en-ligne")
        assert ">En ligne</a>" in by_format and ">Climat</a>" not in by_format
        january = listed(client, "/agenda/?mois=2027-01")
        assert ">Janvier</a>" in january and ">Climat</a>" not in january

    @pytest.mark.parametrize(
        "query",
        ["theme=inconnu", "format=teleportation", "mois=2027-13", "mois=%3Cscript%3E", "page=abc", "page=999", "tag="],
    )
    def test_bad_filter_values_answer_200_never_500(self, client, event_index, query):
        EventPageFactory(parent=event_index)
        response = client.get(f"/agenda/?{query}")
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main")[1]


class TestEventPage:
    def test_end_must_come_after_start_with_a_french_message(self, event_index):
        event = EventPageFactory.build(starts_at=paris(2026, 12, 3, 18), ends_at=paris(2026, 12, 3, 14))
        with pytest.raises(ValidationError) as error:
            event.clean()
        assert error.value.message_dict["ends_at"] == ["La fin doit venir après le début."]

    def test_online_and_hybrid_events_need_their_link(self, event_index):
        event = EventPageFactory.build(event_format="hybride", online_url="")
        with pytest.raises(ValidationError) as error:
            event.clean()
        assert "online_url" in error.value.message_dict

    def test_page_shows_status_dates_place_price_and_calendar_links(self, client, event_index):
        event = EventPageFactory(
            parent=event_index,
            title="Université d'été",
            status="reporte",
            starts_at=paris(2027, 7, 1, 9),
            ends_at=paris(2027, 7, 2, 17),
            price="10 € le repas",
            registration_mode="ailleurs",
            registration_url="https://example.org/inscription",
        )
        html = client.get(event.url).content.decode()
        assert "Événement reporté" in html
        assert "du jeudi 1 juillet 2027, 09h00 au vendredi 2 juillet 2027, 17h00" in html
        assert "Maison de la vie associative" in html and "59000 Lille" in html
        assert "10 € le repas" in html and "Inscription obligatoire" in html
        assert f'href="{event.url}ical/"' in html
        assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
        assert "https://outlook.live.com/calendar/0/deeplink/compose?" in html

    def test_event_json_ld_describes_status_mode_place_and_offer(self, client, event_index):
        event = EventPageFactory(
            parent=event_index,
            title="</script>Forum",
            status="annule",
            event_format="hybride",
            online_url="https://example.org/visio",
            registration_mode="ailleurs",
            registration_url="https://example.org/inscription",
            organisers="Réseau régional",
            hero_image=ImageFactory(),
        )
        html = client.get(event.url).content.decode()
        data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
        assert data["@type"] == "Event" and data["name"] == "</script>Forum"
        assert data["eventStatus"] == "https://schema.org/EventCancelled"
        assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
        assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
        assert data["location"][0]["address"]["addressLocality"] == "Lille"
        assert data["offers"]["url"] == "https://example.org/inscription" and data["offers"]["price"] == "0"
        assert data["organizer"]["name"] == "Réseau régional"


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def only_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


class TestCalendarFiles:
    def test_event_file_is_rfc5545_with_stable_uid_and_paris_times(self, client, event_index):
        EventPageFactory(
            parent=event_index,
            slug="forum",
            chapo="Un forum ouvert.",
            starts_at=paris(2026, 12, 3, 14),
            ends_at=paris(2026, 12, 3, 18),
        )
        other = EventPageFactory(parent=event_index)

        first, second = client.get("/agenda/forum/ical/"), client.get("/agenda/forum/ical/")
        vevent = only_event(parse(first))

        assert first["Content-Disposition"] == 'attachment; filename="forum.ics"'
        assert vevent["UID"] == only_event(parse(second))["UID"]
        assert vevent["UID"] != only_event(parse(client.get(other.url + "ical/")))["UID"]
        assert vevent["UID"].endswith("@testserver")
        assert vevent.decoded("DTSTART") == paris(2026, 12, 3, 14)
        assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
        assert parse(first).walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
        assert {"DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY", "URL", "LOCATION"} <= set(vevent)
        assert (
            "Un forum ouvert." in vevent["DESCRIPTION"] and "http://testserver/agenda/forum/" in vevent["DESCRIPTION"]
        )
        assert vevent["STATUS"] == "CONFIRMED"

    def test_sequence_grows_when_a_published_change_matters(self, client, event_index):
        event = EventPageFactory(parent=event_index, slug="forum")
        sequence = only_event(parse(client.get("/agenda/forum/ical/"))).decoded("SEQUENCE")

        event.title = "Forum (nouvel horaire)"
        event.ends_at += timedelta(hours=1)
        event.save_revision().publish()
        after_change = only_event(parse(client.get("/agenda/forum/ical/"))).decoded("SEQUENCE")

        event.refresh_from_db()
        event.listing_summary = "Un détail qui ne change rien à l'agenda."
        event.save_revision().publish()
        after_cosmetic_edit = only_event(parse(client.get("/agenda/forum/ical/"))).decoded("SEQUENCE")

        assert after_change > sequence
        assert after_cosmetic_edit == after_change

    def test_cancelled_and_all_day_events(self, client, event_index):
        EventPageFactory(parent=event_index, slug="annule", status="annule")
        EventPageFactory(
            parent=event_index, slug="journee", all_day=True, starts_at=paris(2026, 12, 3), ends_at=paris(2026, 12, 5)
        )

        assert only_event(parse(client.get("/agenda/annule/ical/")))["STATUS"] == "CANCELLED"
        all_day = only_event(parse(client.get("/agenda/journee/ical/")))
        assert all_day["DTSTART"].to_ical() == b"20261203"
        assert all_day["DTEND"].to_ical() == b"20261206"  # RFC 5545: the day after the last one

    def test_feed_keeps_upcoming_and_last_90_days_and_filters_by_theme(self, client, event_index, frozen_now):
        frozen_now(paris(2026, 11, 22, 12))
        climat = ThemeFactory(slug="climat")
        for title, start in [
            ("Bientôt", paris(2026, 12, 1, 9)),
            ("Il y a un mois", paris(2026, 10, 20, 9)),
            ("Il y a un an", paris(2025, 11, 1, 9)),
        ]:
            EventPageFactory(parent=event_index, title=title, starts_at=start, ends_at=start + timedelta(hours=2))
        classify(
            EventPageFactory(
                parent=event_index, title="Climat", starts_at=paris(2026, 12, 2, 9), ends_at=paris(2026, 12, 2, 11)
            ),
            themes=[climat],
        )

        summaries = [str(event["SUMMARY"]) for event in parse(client.get("/agenda/ical/")).walk("VEVENT")]
        by_theme = [str(event["SUMMARY"]) for event in parse(client.get("/agenda/ical/?theme=climat")).walk("VEVENT")]

        assert summaries == ["Il y a un mois", "Bientôt", "Climat"]
        assert by_theme == ["Climat"]

    @pytest.mark.parametrize("query", ["theme=inconnu", "tag=inconnue", "format=teleportation", "mois=2027-13"])
    def test_feed_with_a_filter_matching_nothing_is_an_empty_calendar_not_every_event(
        self, client, event_index, frozen_now, query
    ):
        frozen_now(paris(2026, 11, 22, 12))
        EventPageFactory(
            parent=event_index, title="Bientôt", starts_at=paris(2026, 12, 1, 9), ends_at=paris(2026, 12, 1, 11)
        )

        response = client.get(f"/agenda/ical/?{query}")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert parse(response).walk("VEVENT") == []

    def test_feed_reads_the_same_filters_as_the_agenda(self, client, event_index, frozen_now):
        frozen_now(paris(2026, 11, 22, 12))
        start = paris(2026, 12, 10, 9)
        classify(
            EventPageFactory(parent=event_index, title="Étiqueté", starts_at=start, ends_at=start + timedelta(hours=2)),
            tags=["tiers-lieux"],
        )
        EventPageFactory(
            parent=event_index,
            title="En ligne",
            event_format="en-ligne",
            online_url="https://example.org/visio",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
        later = paris(2027, 1, 12, 9)
        EventPageFactory(parent=event_index, title="Janvier", starts_at=later, ends_at=later + timedelta(hours=1))

        def summaries(query):
            return [str(event["SUMMARY"]) for event in parse(client.get(f"/agenda/ical/?{query}")).walk("VEVENT")]

        assert summaries("tag=tiers-lieux") == ["Étiqueté"]
        assert summaries("format=en-ligne") == ["En ligne"]
        assert summaries("mois=2027-01") == ["Janvier"]

    def test_feed_stops_growing_past_its_cap_keeping_the_earliest_events(
        self, client, event_index, frozen_now, monkeypatch
    ):
        monkeypatch.setattr("news.calendar.FEED_MAX_EVENTS", 2)
        frozen_now(paris(2026, 11, 22, 12))
        for day in (3, 1, 2):
            start = paris(2026, 12, day, 9)
            EventPageFactory(parent=event_index, title=f"Le {day}", starts_at=start, ends_at=start + timedelta(hours=2))

        summaries = [str(event["SUMMARY"]) for event in parse(client.get("/agenda/ical/")).walk("VEVENT")]

        assert summaries == ["Le 1", "Le 2"]

    def test_agenda_offers_a_subscription_link(self, client, event_index):
        html = client.get("/agenda/").content.decode()
        assert 'href="webcal://testserver/agenda/ical/"' in html
        assert '<link rel="alternate" type="text/calendar"' in html


def test_home_block_shows_the_next_three_events(client, home_page, event_index, frozen_now):
    frozen_now(paris(2026, 11, 22, 12))
    for day in (5, 1, 3, 4):
        start = paris(2026, 12, day, 9)
        EventPageFactory(
            parent=event_index, title=f"Le {day} décembre", starts_at=start, ends_at=start + timedelta(hours=2)
        )
    EventPageFactory(parent=event_index, title="Passé", starts_at=paris(2026, 11, 1, 9), ends_at=paris(2026, 11, 1, 11))
    home_page.body = [("latest_content", {"title": "Prochains événements", "content_type": "evenements", "count": 3})]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert html.index(">Le 1 décembre</a>") < html.index(">Le 3 décembre</a>") < html.index(">Le 4 décembre</a>")
    assert "Le 5 décembre" not in html and "Passé" not in html


def test_event_pages_keep_their_query_budget_with_10_and_200_events(client, event_index):
    climat = ThemeFactory()
    climat_tag = Tag.objects.create(name="climat")
    images = ImageFactory.create_batch(2)
    source = classify(
        EventPageFactory(parent=event_index, slug="source", hero_image=images[0]), themes=[climat], tags=["climat"]
    )
    measured, total = {}, 0
    for size in (10, 200):
        events = []
        for index in range(total, size):
            start = timezone.now() + timedelta(days=index % 60, hours=1)
            events.append(
                EventPageFactory.build(
                    starts_at=start,
                    ends_at=start + timedelta(hours=2),
                    listing_image=images[index % 2],
                    hero_image=images[(index + 1) % 2],
                )
            )
        write_in_bulk(event_index, events, lambda _event: [climat], lambda _event: [climat_tag])
        total = size
        measured[size] = {url: queries_to_render(client, url) for url in (source.url, "/agenda/", "/agenda/passes/")}
    assert measured[10] == measured[200], measured
    assert measured[10] == {
        source.url: EVENT_PAGE_QUERIES,
        "/agenda/": EVENT_INDEX_QUERIES,
        "/agenda/passes/": PAST_EVENTS_QUERIES,
    }, measured


# The page's own row alone: the site, the route, the settings, the page's themes, tags, linked actors
# and pictures are remembered until the content changes, and its article, menu, breadcrumbs, footer and
# recommendations are read as rendered HTML. The listings too: their count is remembered, their months
# of cards and their filter form are read as rendered HTML.
EVENT_PAGE_QUERIES = 1
EVENT_INDEX_QUERIES = 1
PAST_EVENTS_QUERIES = 1
