"""JSON-LD as a search engine reads it: parsed, typed, and dated as the page itself and its calendar file say."""

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from django.utils import formats, timezone

from home.factories import StandardPageFactory
from network.directory.factories import ActorFactory
from news.factories import EventPageFactory, NewsPageFactory, all_day_event
from news.models import EditorialActor
from news.registrations import register

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def read_page(client, url):
    """(soup, {schema.org type: [data]}) of a page."""
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org"
        found.setdefault(data["@type"], []).append(data)
    return soup, found


def empty_values(data, path=""):
    """Paths of every empty value in nested JSON-LD."""
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in empty_values(value, f"{path}.{key}")]
    if isinstance(data, list):
        return [path] if not data else [found for item in data for found in empty_values(item, path)]
    return [path] if data in ("", None) else []


def shown_dates(soup):
    """The « Quand » of an event page, as a visitor reads it."""
    return soup.find("dt", string="Quand").find_next_sibling("dd").get_text(" ", strip=True)


def french_day(day):
    return formats.date_format(day, "l j F Y")


def ics_event(client, url):
    (vevent,) = Calendar.from_ical(client.get(url + "ical/").content).walk("VEVENT")
    return vevent


def test_an_all_day_event_runs_on_the_local_dates_the_page_and_its_calendar_give(client, event_index):
    event = all_day_event(event_index, date(2026, 3, 27), date(2026, 3, 28))
    soup, found = read_page(client, event.url)
    (data,) = found["Event"]

    start, end = date.fromisoformat(data["startDate"]), date.fromisoformat(data["endDate"])
    assert (start, end) == (date(2026, 3, 27), date(2026, 3, 28))
    assert french_day(start) in shown_dates(soup) and french_day(end) in shown_dates(soup)
    vevent = ics_event(client, event.url)
    assert vevent.decoded("DTSTART") == start and vevent.decoded("DTEND") == end + timedelta(days=1)


def test_a_timed_event_is_given_in_paris_time_with_its_offset(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        starts_at=datetime(2026, 12, 3, 14, tzinfo=PARIS),
        ends_at=datetime(2026, 12, 3, 18, tzinfo=PARIS),
    )
    soup, found = read_page(client, event.url)
    (data,) = found["Event"]

    start, end = datetime.fromisoformat(data["startDate"]), datetime.fromisoformat(data["endDate"])
    assert data["startDate"] == "2026-12-03T14:00:00+01:00"
    assert start == ics_event(client, event.url).decoded("DTSTART") and end == event.ends_at
    assert f"{start:%H}h{start:%M}" in shown_dates(soup) and french_day(start) in shown_dates(soup)


@pytest.mark.parametrize(
    "fields, offer",
    [
        (
            {
                "price": "12,50 € la journée",
                "registration_mode": "ailleurs",
                "registration_url": "https://example.org/b",
            },
            ("12.50", "InStock"),
        ),
        ({"registration_mode": "site"}, ("0", "InStock")),
        ({"price": "Gratuit, sur inscription", "registration_mode": "site"}, ("0", "InStock")),
        ({"registration_mode": "site", "status": "complet"}, ("0", "SoldOut")),
    ],
)
def test_a_paid_event_or_one_that_needs_registration_has_an_offer(client, event_index, fields, offer):
    event = EventPageFactory(parent=event_index, **fields)
    event.save_revision().publish()
    _soup, found = read_page(client, event.url)
    (data,) = found["Event"]

    assert data["offers"]["@type"] == "Offer" and data["offers"]["priceCurrency"] == "EUR"
    assert (data["offers"]["price"], data["offers"]["availability"]) == (offer[0], f"https://schema.org/{offer[1]}")
    assert data["offers"]["url"] == fields.get("registration_url", f"http://testserver{event.url}")
    assert datetime.fromisoformat(data["offers"]["validFrom"]) <= timezone.now()


def test_a_free_event_open_to_all_has_no_offer(client, event_index):
    _soup, found = read_page(client, EventPageFactory(parent=event_index).url)
    assert "offers" not in found["Event"][0]


def test_organisers_and_authors_link_to_their_actor_page_and_the_place_has_its_region(
    client, event_index, news_index, directory
):
    actor = ActorFactory(name="Maison de l'habitant", slug="maison-habitant", website="https://habitant.example.org")
    event = EventPageFactory(parent=event_index, address="3 rue Nationale")
    event.linked_actors.add(EditorialActor(actor=actor, role=EditorialActor.Role.ORGANISER))
    event.save_revision().publish()
    article = NewsPageFactory(parent=news_index, authors="Jeanne Martin")
    article.linked_actors.add(EditorialActor(actor=actor, role=EditorialActor.Role.AUTHOR))
    article.save_revision().publish()

    (event_data,) = read_page(client, event.url)[1]["Event"]
    (article_data,) = read_page(client, article.url)[1]["NewsArticle"]

    actor_page = "http://testserver/reseau/annuaire/maison-habitant/"
    assert event_data["organizer"] == {
        "@type": "Organization",
        "name": "Maison de l'habitant",
        "url": actor_page,
        "sameAs": "https://habitant.example.org",
    }
    assert event_data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "3 rue Nationale",
        "postalCode": "59000",
        "addressLocality": "Lille",
        "addressRegion": "Hauts-de-France",
        "addressCountry": "FR",
    }
    assert [author.get("url") for author in article_data["author"]] == [None, actor_page]
    assert article_data["publisher"]["url"] == "http://testserver/"


def test_without_an_organiser_the_site_organises(client, event_index):
    (data,) = read_page(client, EventPageFactory(parent=event_index).url)[1]["Event"]
    assert data["organizer"]["url"] == "http://testserver/" and data["organizer"]["name"]


def test_an_actor_page_has_no_empty_property(client, directory):
    ActorFactory(name="Collectif sans adresse", slug="sans-adresse", commune="Arras", postal_code="62000")

    (data,) = read_page(client, "/reseau/annuaire/sans-adresse/")[1]["Organization"]

    assert empty_values(data) == []
    assert "streetAddress" not in data["address"] and data["address"]["addressRegion"] == "Hauts-de-France"


@pytest.mark.parametrize("kind", ["article", "event", "actor", "standard"])
def test_every_breadcrumb_trail_is_also_a_breadcrumb_list(client, news_index, event_index, directory, kind):
    url = {
        "article": lambda: NewsPageFactory(parent=news_index, title="Un article").url,
        "event": lambda: EventPageFactory(parent=event_index, title="Un événement").url,
        "actor": lambda: "/reseau/annuaire/" + ActorFactory(name="Un acteur", slug="un-acteur").slug + "/",
        "standard": lambda: StandardPageFactory(parent=directory.get_parent(), title="Une page").url,
    }[kind]()
    soup, found = read_page(client, url)
    (trail,) = found["BreadcrumbList"]

    shown = soup.find("nav", class_="breadcrumbs")
    names = [item.get_text(strip=True) for item in shown.find_all("li")]
    links = [f"http://testserver{link['href']}" for link in shown.find_all("a")]
    items = trail["itemListElement"]
    assert [item["name"] for item in items] == names
    assert [item["position"] for item in items] == list(range(1, len(names) + 1))
    assert [item["item"] for item in items[:-1]] == links and "item" not in items[-1]


def test_the_home_page_describes_the_website_its_search_and_the_organisation(client, home_page):
    _soup, found = read_page(client, "/")
    (site,) = found["WebSite"]
    (organisation,) = found["Organization"]

    assert site["url"] == organisation["url"] == "http://testserver/"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/recherche/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert organisation["name"] == "Territoires participatifs" and organisation["logo"].startswith("http://testserver/")
    assert site["publisher"]["@id"] == organisation["@id"]
    assert empty_values(organisation) == []
    assert "BreadcrumbList" not in found


@pytest.mark.parametrize(
    "capacity, waiting_list, registered, availability",
    [
        (None, True, 3, "InStock"),
        (40, True, 3, "InStock"),
        (12, True, 3, "LimitedAvailability"),  # 9 seats left: « Plus que 9 places »
        (3, False, 3, "SoldOut"),
        (3, True, 3, "BackOrder"),  # full, the waiting list still takes names
    ],
)
def test_the_offer_follows_the_seats_of_registration_on_the_site(
    client, event_index, capacity, waiting_list, registered, availability
):
    closes = timezone.now() + timedelta(days=3)
    event = EventPageFactory(
        parent=event_index,
        registration_mode="site",
        capacity=capacity,
        waiting_list=waiting_list,
        registration_closes_at=closes,
    )
    event.save_revision().publish()
    for number in range(registered):
        register(event, name=f"P{number}", email=f"p{number}@example.org", consent_text="ok")
    _soup, found = read_page(client, event.url)
    offer = found["Event"][0]["offers"]
    assert offer["availability"] == f"https://schema.org/{availability}"
    assert offer["url"] == f"http://testserver{event.url}"
    assert datetime.fromisoformat(offer["validThrough"]) == closes


def test_the_offer_of_registration_on_the_site_is_valid_until_the_start_by_default(client, event_index):
    event = EventPageFactory(parent=event_index, registration_mode="site")
    event.save_revision().publish()
    _soup, found = read_page(client, event.url)
    assert datetime.fromisoformat(found["Event"][0]["offers"]["validThrough"]) == event.starts_at
