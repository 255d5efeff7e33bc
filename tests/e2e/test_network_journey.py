"""The network as people use it: a member joins with the keyboard alone, a visitor searches the directory."""

import json
import re

import pytest
from playwright.sync_api import expect

from network.membership.models import MembershipRequest
from tests.e2e.page_set import ACTOR_NAME, DIRECTORY_PATH, JOIN_NOTIFY, JOIN_PATH

pytestmark = pytest.mark.e2e

STRUCTURE = "Collectif Lens en transition"
CONTACT = "Marie Dupont"
EMAIL = "marie.dupont@example.org"


def press_tab_to(page, target, limit=20):
    """Press Tab until `target` has the focus, as a keyboard user moves on, never skipping it."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} never got the focus in {limit} presses of Tab")


def tab_then_type(page, field, text=None):
    """The next Tab lands on `field` (the form is in reading order); then type into it."""
    page.keyboard.press("Tab")
    expect(field).to_be_focused()
    if text is not None:
        page.keyboard.type(text)


def skip_to_content(page):
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller au contenu")).to_be_focused()
    page.keyboard.press("Enter")


def expect_error_next_to(page, field, message):
    """The field is marked invalid and described by an error, shown in the field's own block."""
    expect(field).to_have_attribute("aria-invalid", "true")
    described_by = field.get_attribute("aria-describedby").split()
    error_ids = [name for name in described_by if name.endswith("_error")]
    assert len(error_ids) == 1, f"aria-describedby={described_by} names no error message"
    block = field.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' field ')][1]")
    error = block.locator(f"[id='{error_ids[0]}']")
    expect(error).to_have_text(message)


def test_member_joins_with_the_keyboard_corrects_errors_and_staff_get_the_request_by_smtp(
    page, site_pages, smtp_delivery, settings
):
    settings.SPAM_MIN_SECONDS = 0  # the time trap would take this fast typist for a bot
    page.goto(JOIN_PATH)
    form = page.get_by_role("main").locator("form")
    structure = form.get_by_label("Nom de la structure")
    kind = form.get_by_label("Type de structure")
    commune = form.get_by_label("Commune")
    department = form.get_by_label("Département")
    contact = form.get_by_label("Nom et prénom du contact")
    email = form.get_by_label("Courriel")
    phone = form.get_by_label("Téléphone")
    motivation = form.get_by_label("Motivation")
    participation = form.get_by_label("Participation citoyenne")
    climate = form.get_by_label("Climat")
    mobility = form.get_by_label("Mobilités")
    consent = form.get_by_label("J'accepte que le centre de ressources conserve")
    send = form.get_by_role("button", name="Envoyer ma demande")

    # First try: every field in reading order, the contact's name forgotten, the email without its @.
    skip_to_content(page)
    tab_then_type(page, structure, STRUCTURE)
    tab_then_type(page, kind, "Collectif citoyen")  # a closed list picks the option whose name is typed
    tab_then_type(page, commune, "Lens")
    tab_then_type(page, department, "Pas-de-Calais")
    tab_then_type(page, contact)
    tab_then_type(page, email, "marie.dupont.example.org")
    tab_then_type(page, phone)
    tab_then_type(page, motivation, "Partager nos ateliers de quartier avec d'autres communes.")
    tab_then_type(page, participation)
    page.keyboard.press("Space")
    tab_then_type(page, climate)
    tab_then_type(page, mobility)
    page.keyboard.press("Space")
    tab_then_type(page, consent)
    page.keyboard.press("Space")
    tab_then_type(page, send)
    page.keyboard.press("Enter")

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Le formulaire contient 2 erreurs.")
    expect(summary.get_by_role("link")).to_have_text(
        ["Nom et prénom du contact : Champ requis.", "Courriel : Saisissez une adresse de courriel valide."]
    )
    expect(page).to_have_title(re.compile(r"^Erreur"))
    expect_error_next_to(page, contact, "Champ requis.")
    expect_error_next_to(page, email, "Saisissez une adresse de courriel valide.")
    expect(structure).not_to_have_attribute("aria-invalid", "true")
    # Nothing the member typed is lost, and nothing was sent.
    expect(commune).to_have_value("Lens")
    expect(kind).to_have_value("Collectif citoyen")
    expect(department).to_have_value("Pas-de-Calais")
    expect(participation).to_be_checked()
    expect(climate).not_to_be_checked()
    expect(mobility).to_be_checked()
    expect(consent).to_be_checked()
    assert smtp_delivery.messages == []

    # Second try: the summary's first link leads to the missing field.
    skip_to_content(page)
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(contact).to_be_focused()
    page.keyboard.type(CONTACT)
    tab_then_type(page, email)
    page.keyboard.press("Control+A")
    page.keyboard.type(EMAIL)
    press_tab_to(page, send)
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")

    # Redirect after the post: reloading the thank-you page cannot send the request twice.
    assert navigation.value.request.redirected_from.method == "POST"
    expect(page).to_have_url(re.compile(r"/reseau/rejoindre/merci/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci, votre demande est bien envoyée")
    assert MembershipRequest.objects.get().structure_name == STRUCTURE

    assert sorted(smtp_delivery.recipients()) == sorted([*JOIN_NOTIFY, EMAIL]), "mail went to someone else"
    staff = [message for message in smtp_delivery.messages if message.envelope_recipients != [EMAIL]]
    assert sorted(address for message in staff for address in message.envelope_recipients) == sorted(JOIN_NOTIFY)
    for message in staff:
        assert message["Subject"] == "Nouvelle demande d'adhésion au réseau"
        assert message["To"] == message.envelope_recipients[0]
        body = message.get_body(preferencelist=("plain",)).get_content()
        assert f"Nom de la structure : {STRUCTURE}" in body
        assert f"Nom et prénom du contact : {CONTACT}" in body
        assert "Thèmes qui vous intéressent : Participation citoyenne, Mobilités" in body
    (acknowledgement,) = [message for message in smtp_delivery.messages if message.envelope_recipients == [EMAIL]]
    assert acknowledgement["Subject"] == "Nous avons bien reçu votre demande"
    assert "Votre demande d'adhésion au réseau est bien arrivée" in acknowledgement.get_content()


def test_visitor_filters_the_directory_by_department_and_kind_then_opens_an_actor(page, site_pages):
    page.goto(DIRECTORY_PATH)
    expect(page.get_by_role("status")).to_have_text("3 acteurs")  # staff's draft is not listed
    filters = page.get_by_role("form", name="Chercher dans l’annuaire")
    filters.get_by_label("Département").select_option("Nord")
    filters.get_by_label("Type d'acteur").select_option(label="Association")
    filters.get_by_role("button", name="Filtrer").click()

    expect(page).to_have_url(re.compile(r"\?.*type=association&departement=Nord"))
    expect(page.get_by_role("status")).to_have_text("1 acteur")
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_text([ACTOR_NAME])
    expect(filters.get_by_label("Département")).to_have_value("Nord")  # the form shows what is filtered
    page.get_by_role("link", name=ACTOR_NAME).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(ACTOR_NAME)
    blocks = [json.loads(text) for text in page.locator("script[type='application/ld+json']").all_text_contents()]
    (structured,) = [block for block in blocks if block["@type"] == "Organization"]
    assert structured["name"] == ACTOR_NAME
    assert structured["address"]["addressLocality"] == "Roubaix"
    contents = page.get_by_role("region", name="Ses contenus")
    expect(contents.get_by_role("link", name="Lancement du réseau à Lille")).to_be_visible()
