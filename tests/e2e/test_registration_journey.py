"""Registering to an event with the keyboard alone, the confirmation over SMTP, cancelling from the
personal link, and the first on the waiting list promoted and told by email."""

import re

import pytest
from playwright.sync_api import expect

from news.models import EventIndexPage, EventPage, Registration
from news.registrations import register
from tests.e2e.test_network_journey import press_tab_to, skip_to_content, tab_then_type

pytestmark = pytest.mark.e2e

EMAIL = "marie.dupont@example.org"


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def seats_phrase(page):
    return page.locator("#inscription .registration__status")


def test_register_with_the_keyboard_cancel_from_the_emailed_link_and_the_next_in_line_gets_the_seat(
    page, site_pages, smtp_delivery, settings
):
    settings.SPAM_MIN_SECONDS = 0  # the time trap would take this fast typist for a bot
    agenda = EventIndexPage.objects.get()
    event = EventPage.objects.child_of(agenda).live().specific().first()
    event.registration_mode = "site"
    event.capacity = 2
    event.save_revision().publish()
    register(event, name="Alice Martin", email="alice@example.org", consent_text="ok")
    smtp_delivery.messages.clear()

    page.goto(event.url)
    expect(seats_phrase(page)).to_have_text("Plus qu'une place")
    skip_to_content(page)
    press_tab_to(page, page.get_by_role("link", name="S'inscrire", exact=True))
    page.keyboard.press("Enter")  # to the form, further down the page
    form = page.locator("#inscription form")
    tab_then_type(page, form.get_by_label("Nom et prénom"), "Marie Dupont")
    tab_then_type(page, form.get_by_label("Courriel"), EMAIL)
    tab_then_type(page, form.get_by_label("Structure"), "Collectif Lens en transition")
    tab_then_type(page, form.get_by_label("Besoins d'accessibilité"), "Boucle magnétique")
    tab_then_type(page, form.get_by_label("J'accepte que le centre de ressources conserve"))
    page.keyboard.press("Space")
    tab_then_type(page, form.get_by_role("button", name="M'inscrire"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=2, name="Votre inscription est confirmée")).to_be_visible()
    (confirmation,) = smtp_delivery.messages
    assert confirmation.envelope_recipients == [EMAIL]
    assert str(confirmation["Subject"]).strip() == f"Inscription confirmée : {event.title}"
    assert any(part.get_filename() == f"{event.slug}.ics" for part in confirmation.iter_attachments())
    link = re.search(r"https?://\S+/inscription/[\w-]+/", body_of(confirmation)).group(0)

    page.goto(event.url)
    expect(seats_phrase(page)).to_have_text("Complet : inscription sur liste d'attente")
    register(event, name="Bernard Leroy", email="bernard@example.org", consent_text="ok")
    page.reload()
    expect(seats_phrase(page)).to_have_text("Complet : inscription sur liste d'attente · une personne attend déjà")

    # The emailed link, opened as it is: its path on this server (the email names the public address).
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    cancel = page.get_by_role("button", name="Annuler mon inscription")
    press_tab_to(page, cancel, limit=40)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Cette inscription est annulée")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Votre inscription est annulée.")

    page.goto(event.url)
    expect(seats_phrase(page)).to_have_text("Complet : inscription sur liste d'attente")
    assert Registration.objects.get(email="bernard@example.org").status == "inscrit"
    promoted = [message for message in smtp_delivery.messages if message.envelope_recipients == ["bernard@example.org"]]
    assert [str(message["Subject"]).strip() for message in promoted] == [
        "Liste d'attente : " + event.title,
        "Une place s'est libérée : " + event.title,
    ]
    assert "Votre inscription est confirmée." in " ".join(body_of(promoted[-1]).split())
