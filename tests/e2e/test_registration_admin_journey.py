"""A moderator, in a real browser, gives a free seat to someone on an event's waiting list."""

import re

import pytest
from playwright.sync_api import expect

from home.factories import make_site_home
from news.factories import EventIndexPageFactory, EventPageFactory
from news.models import EventPage, Registration
from news.registrations import register
from tests.home.admin_site import PASSWORD, member_of

pytestmark = pytest.mark.django_db(transaction=True)

CONSENT = "J'accepte que mes informations servent à organiser l'événement."


@pytest.fixture
def event_with_waiting_list(transactional_db):
    """One seat, taken by Alix; Chloé then Damien wait. The editor has just added a seat, not yet given."""
    agenda = EventIndexPageFactory(parent=make_site_home())
    event = EventPageFactory(parent=agenda, title="Rencontre des tiers-lieux", registration_mode="site", capacity=1)
    for name in ("Alix", "Chloé", "Damien"):
        register(event, name=f"{name} Martin", email=f"{name.lower()}@exemple.org", consent_text=CONSENT)
    EventPage.objects.filter(pk=event.pk).update(capacity=2)
    return event


def test_a_moderator_gives_the_free_seat_to_the_second_in_line(admin_page, event_with_waiting_list):
    page = admin_page
    member_of("Modérateurs", "moderation")
    page.goto("/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("moderation")
    page.get_by_label(re.compile(r"Mot de passe|Password")).fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()

    # The dashboard's panel leads to the event's registrations.
    panel = page.locator("section", has=page.get_by_role("heading", name="Inscriptions aux prochains événements"))
    expect(panel.get_by_role("row", name=re.compile("Rencontre des tiers-lieux"))).to_contain_text("1 / 2")
    panel.get_by_role("link", name="Rencontre des tiers-lieux").click()
    expect(page.get_by_role("heading", name="Liste d'attente : 2 personnes")).to_be_visible()

    page.get_by_role("button", name="Donner une place à Damien Martin").click()

    expect(page.get_by_text("Damien Martin a maintenant une place, annoncée par courriel.")).to_be_visible()
    seat_holders = page.get_by_role("table", name="2 inscrits")
    expect(seat_holders).to_contain_text("Damien Martin")
    expect(page.get_by_role("heading", name="Liste d'attente : 1 personne")).to_be_visible()
    expect(page.get_by_text("2 / 2 places prises")).to_be_visible()
    assert page.script_errors == []

    # Full again: the next move is refused in French and changes nothing.
    page.get_by_role("button", name="Donner une place à Chloé Martin").click()
    expect(page.get_by_text("Aucune place libre")).to_be_visible()
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Alix Martin": "inscrit", "Chloé Martin": "attente", "Damien Martin": "inscrit"}
