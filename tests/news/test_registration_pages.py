"""Registering from an event page: the form, its errors, the personal link, cancelling, the emails."""

import itertools
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.utils import timezone

from news.factories import EventPageFactory
from news.models import Registration, RegistrationQuestion
from news.registrations import register
from security.antispam import HONEYPOT_FIELD, TIME_TRAP_FIELD
from tests.network.conftest import form_token
from tests.query_budget import assert_query_budget, queries_to_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(event_index):
    event = EventPageFactory(parent=event_index, title="Atelier mobilités", registration_mode="site", capacity=2)
    RegistrationQuestion.objects.create(
        page=event,
        label="Repas",
        kind="choix",
        choices="Végétarien\nSans restriction",
        required=True,
        purpose="Pour commander les repas",
    )
    RegistrationQuestion.objects.create(
        page=event, label="Covoiturage", kind="case", purpose="Pour vous mettre en lien"
    )
    event.save_revision().publish()
    return event


def answers(event, **overrides):
    repas, covoiturage = event.registration_questions.all()
    data = {
        "name": "Camille Dupont",
        "email": "camille@example.org",
        "structure": "Mairie de Fives",
        "accessibility_needs": "Accès en fauteuil",
        repas.field_name: "Végétarien",
        covoiturage.field_name: "on",
        "consentement": "on",
        TIME_TRAP_FIELD: form_token(),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def post(client, event, **overrides):
    return client.post(f"{event.url}inscription/", answers(event, **overrides))


def test_the_page_shows_the_form_with_seats_left_and_is_never_stored_by_the_page_cache(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("#inscription form")
    assert form["action"] == f"{event.url}inscription/#inscription"
    names = {field["name"] for field in form.select("input, textarea, select")}
    assert {"name", "email", "structure", "accessibility_needs", "consentement", TIME_TRAP_FIELD} <= names
    assert "Pourquoi cette question : Pour commander les repas" in html
    assert "Plus que 2 places" in html
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    second = client.get(event.url).content.decode()
    # Each visitor gets a token of their own: the page was rendered again, not served from the cache.
    token = re.compile(rf'name="{TIME_TRAP_FIELD}" value="([^"]+)"')
    assert token.search(html).group(1) != token.search(second).group(1)


def test_a_registration_is_saved_then_the_person_lands_on_their_page_and_gets_the_email(client, event):
    response = post(client, event)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert response["Location"].startswith(f"{event.url}inscription/")
    assert (registration.name, registration.status, registration.structure) == (
        "Camille Dupont",
        "inscrit",
        "Mairie de Fives",
    )
    assert registration.consent_text == event.registration_consent_text
    assert [(answer["label"], answer["answer"]) for answer in registration.answers] == [
        ("Repas", "Végétarien"),
        ("Covoiturage", True),
    ]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Votre inscription est confirmée" in html and "Annuler mon inscription" in html
    assert "no-store" in page["Cache-Control"] and 'name="robots" content="noindex"' in html
    (email,) = mail.outbox
    assert email.to == ["camille@example.org"] and email.subject == "Inscription confirmée : Atelier mobilités"
    assert response["Location"] in email.body
    ((filename, ics, mimetype),) = email.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar" and "BEGIN:VEVENT" in ics


def test_errors_are_listed_above_the_form_and_next_to_each_field(client, event):
    response = post(client, event, email="pas-une-adresse", consentement=None, name="")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#form-errors")
    assert summary["role"] == "alert"
    assert [link["href"] for link in summary.select("a")] == ["#id_name", "#id_email", "#id_consentement"]
    assert soup.select_one("#id_email")["aria-describedby"].split()[-1] == "id_email_error"
    assert soup.select_one("#id_email")["value"] == "pas-une-adresse"
    assert Registration.objects.count() == 0 and not mail.outbox


def test_a_full_event_offers_the_waiting_list_and_gives_the_position(client, event):
    for number in range(2):
        register(event, name=f"P{number}", email=f"p{number}@example.org", consent_text="ok")
    html = client.get(event.url).content.decode()
    assert (
        "Complet : inscription sur liste d&#x27;attente" in html or "Complet : inscription sur liste d'attente" in html
    )
    assert "M&#x27;inscrire sur la liste d&#x27;attente" in html or "M'inscrire sur la liste d'attente" in html
    response = post(client, event)
    html = client.get(response["Location"]).content.decode()
    assert "en position 1" in html and "Quitter la liste d" in html


def test_the_same_address_twice_is_told_and_gets_no_second_seat(client, event):
    post(client, event)
    response = post(client, event, email="Camille@Example.org", name="Camille D.")
    assert response.status_code == 302 and response["Location"] == f"{event.url}inscription/deja-inscrit/"
    html = client.get(response["Location"]).content.decode()
    assert "déjà inscrit" in html and "moins de 10 minutes" in html
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1


def test_a_refreshed_post_records_nothing_more(client, event):
    data = answers(event)
    first = client.post(f"{event.url}inscription/", data)
    again = client.post(f"{event.url}inscription/", data)
    assert first["Location"] != again["Location"]
    assert again["Location"] == f"{event.url}inscription/envoyee/"
    assert Registration.objects.count() == 1
    assert "Votre inscription est bien envoyée" in client.get(again["Location"]).content.decode()


def test_the_honeypot_is_thanked_and_forgotten(client, event):
    response = post(client, event, **{HONEYPOT_FIELD: "http://spam.example"})
    assert response["Location"] == f"{event.url}inscription/envoyee/"
    assert Registration.objects.count() == 0 and not mail.outbox


def test_too_many_posts_from_one_address_get_the_french_429(client, event, settings):
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "registration": (2, 600)}
    for number in range(2):
        post(client, event, email=f"p{number}@example.org")
    response = post(client, event, email="p3@example.org")
    assert response.status_code == 429 and "Retry-After" in response
    assert "Trop de" in response.content.decode() or "trop" in response.content.decode().lower()


def test_after_the_closing_time_the_form_is_gone_and_a_post_is_refused(client, event):
    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "Les inscriptions sont closes." in html and 'action="' + event.url + "inscription/" not in html
    response = post(client, event)
    assert response.status_code == 200 and "Les inscriptions sont closes." in response.content.decode()
    assert Registration.objects.count() == 0


def test_cancelling_from_the_personal_page_frees_the_seat_for_the_first_in_line(client, event):
    first = client.post(f"{event.url}inscription/", answers(event))["Location"]
    post(client, event, email="deux@example.org")
    post(client, event, email="trois@example.org")
    assert "Complet" in client.get(event.url).content.decode()
    mail.outbox.clear()
    response = client.post(first, {"action": "annuler"})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Votre inscription est annulée." in html and "Annuler mon inscription" not in html
    assert Registration.objects.get(email="trois@example.org").status == "inscrit"
    assert sorted((email.to[0], email.subject.split(" :")[0]) for email in mail.outbox) == [
        ("camille@example.org", "Inscription annulée"),
        ("trois@example.org", "Une place s'est libérée"),
    ]
    # The button posted twice (a second tab) changes nothing more.
    client.post(first, {"action": "annuler"})
    assert Registration.objects.filter(status="inscrit").count() == 2 and len(mail.outbox) == 2


@pytest.mark.parametrize("link", ["n-importe-quoi", "jeton-au-hasard-" + "0" * 64])
def test_a_bad_link_gets_a_french_page_saying_what_to_do(client, event, link):
    response = client.get(f"{event.url}inscription/{link}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Ce lien d&#x27;inscription ne fonctionne pas" in html or "Ce lien d'inscription ne fonctionne pas" in html
    assert "inscrivez-vous de nouveau avec la même adresse" in html


def test_a_link_of_another_event_does_not_open_here(client, event, event_index):
    other = EventPageFactory(parent=event_index, registration_mode="site")
    outcome = register(other, name="X", email="x@example.org", consent_text="ok")
    from news.registration_links import signed_token

    response = client.get(f"{event.url}inscription/{signed_token(outcome.registration)}/")
    assert response.status_code == 404


def test_an_event_without_registration_on_the_site_has_no_form_and_refuses_posts(client, event_index):
    event = EventPageFactory(parent=event_index, registration_mode="aucune")
    assert 'id="inscription"' not in client.get(event.url).content.decode()
    assert client.post(f"{event.url}inscription/", {}).status_code == 404


def test_the_event_page_with_its_form_costs_two_queries_more_whatever_the_number_of_registrations(
    client, event, event_index
):
    plain = EventPageFactory(parent=event_index, slug="sans-inscription", registration_mode="aucune")
    without_form = queries_to_render(client, plain.url)
    numbers = itertools.count()
    statuses = itertools.cycle(["inscrit", "attente", "annule", "present"])

    def grow(count):
        Registration.objects.bulk_create(
            Registration(
                event=event,
                name=f"Personne {number}",
                email=f"p{number}@example.org",
                status=status,
                waiting_position=number if status == "attente" else None,
                consent_text="ok",
                answers=[{"question": 1, "label": "Repas", "purpose": "Repas", "answer": "Végétarien"}],
            )
            for number, status in zip(itertools.islice(numbers, count), statuses, strict=False)
        )

    # Seats taken and the waiting list in one query, the editor's questions in another.
    assert_query_budget(client, event.url, budget=without_form + 2, grow=grow, sizes=(5, 200))
