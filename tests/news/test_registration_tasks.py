"""Registrations outside the visitor's request: reminders, a changed or cancelled event, retention, privacy."""

import base64
import json
from datetime import timedelta
from io import StringIO

import pytest
from icalendar import Calendar

from django.core.management import call_command
from django.utils import timezone

from core.models import OutgoingEmail
from news.factories import EventPageFactory
from news.models import Registration
from news.registration_links import registration_for, signed_token
from news.registration_tasks import anonymise_registrations, send_reminders
from news.registrations import register, seat_count

pytestmark = pytest.mark.django_db


def sign_up(event, number, now=None):
    return register(
        event, name=f"Personne {number}", email=f"p{number}@example.org", consent_text="ok", now=now
    ).registration


def emails_to(address, subject_start):
    return list(OutgoingEmail.objects.filter(to=address, subject__startswith=subject_start))


def calendar_of(email):
    (attachment,) = email.attachments
    return Calendar.from_ical(base64.b64decode(attachment["content"])).walk("VEVENT")[0]


@pytest.fixture
def event(event_index):
    event = EventPageFactory(parent=event_index, registration_mode="site", capacity=2, title="Rencontre régionale")
    event.save_revision().publish()
    return event


def test_a_reminder_goes_two_days_before_to_those_holding_a_seat_once(event):
    early = event.starts_at - timedelta(days=5)
    Registration.objects.filter(pk=sign_up(event, 1).pk).update(created_at=early)
    Registration.objects.filter(pk=sign_up(event, 2).pk).update(created_at=early)
    Registration.objects.filter(pk=sign_up(event, 3).pk).update(created_at=early)  # waiting list
    too_soon = event.starts_at - timedelta(days=3)
    assert send_reminders.call(now=too_soon) == 0
    in_time = event.starts_at - timedelta(days=1, hours=23)
    assert send_reminders.call(now=in_time) == 2
    assert send_reminders.call(now=in_time + timedelta(hours=1)) == 0
    (reminder,) = emails_to("p1@example.org", "Rappel")
    assert "/inscription/" in reminder.body and event.venue_name in reminder.body
    assert calendar_of(reminder)["UID"].startswith(str(event.calendar_uid))
    assert not emails_to("p3@example.org", "Rappel")


def test_someone_who_registered_within_two_days_gets_no_reminder(event):
    sign_up(event, 1)  # the factory's event starts in a week: registered well before
    late = sign_up(event, 2, now=event.starts_at - timedelta(days=1))
    Registration.objects.filter(pk=late.pk).update(created_at=event.starts_at - timedelta(days=1))
    assert send_reminders.call(now=event.starts_at - timedelta(hours=30)) == 1


def test_a_new_date_is_emailed_once_to_everyone_registered_with_the_same_uid_and_a_higher_sequence(event):
    for number in range(3):
        sign_up(event, number)
    sequence = event.calendar_sequence
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save_revision().publish()
    for number in range(3):
        (email,) = emails_to(f"p{number}@example.org", "Changement")
        assert "a changé" in email.body
    changed = emails_to("p0@example.org", "Changement")[0]
    vevent = calendar_of(changed)
    assert vevent["UID"] == f"{event.calendar_uid}@{vevent['UID'].split('@')[1]}"
    assert vevent["SEQUENCE"] > sequence
    assert emails_to("p2@example.org", "Changement")[0].attachments == []  # waiting: no calendar entry
    # Published again without a change that matters to them: nobody hears of it.
    event.refresh_from_db()
    event.title = "Rencontre régionale 2027"
    event.save_revision().publish()
    assert OutgoingEmail.objects.filter(subject__startswith="Changement").count() == 3


def test_a_cancelled_event_is_announced_with_a_cancelled_calendar_entry(event):
    sign_up(event, 1)
    event.status = "annule"
    event.save_revision().publish()
    (email,) = emails_to("p1@example.org", "Événement annulé")
    assert str(calendar_of(email)["STATUS"]) == "CANCELLED"


def test_a_larger_capacity_published_fills_seats_from_the_waiting_list(event):
    for number in range(4):
        sign_up(event, number)
    event.capacity = 3
    event.save_revision().publish()
    assert seat_count(event).taken == 3
    assert [r.status for r in Registration.objects.order_by("pk")] == ["inscrit", "inscrit", "inscrit", "attente"]
    assert len(emails_to("p2@example.org", "Une place")) == 1


def test_retention_anonymises_registrations_a_year_after_the_event_and_keeps_the_counts(event, event_index, settings):
    past = EventPageFactory(
        parent=event_index,
        registration_mode="site",
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=400) + timedelta(hours=2),
    )
    old = register(past, name="Ancienne", email="old@example.org", consent_text="ok", by_staff=True).registration
    link = signed_token(old)
    recent = sign_up(event, 1)
    assert anonymise_registrations(settings.REGISTRATION_RETENTION_MONTHS) == 1
    old.refresh_from_db()
    assert (old.name, old.email, old.accessibility_needs, old.answers) == ("", "", "", [])
    assert old.status == "inscrit" and seat_count(past).taken == 1
    assert registration_for(link) is None
    assert not OutgoingEmail.objects.filter(registration=old).exists()
    recent.refresh_from_db()
    assert recent.email == "p1@example.org"
    assert anonymise_registrations(settings.REGISTRATION_RETENTION_MONTHS) == 0
    assert anonymise_registrations(0) == 0  # the upcoming event has not ended


def test_personal_data_exports_and_erases_registrations(event):
    register(
        event,
        name="Camille",
        email="Camille@Example.org",
        consent_text="J'accepte.",
        accessibility_needs="Boucle magnétique",
        answers=[{"question": 1, "label": "Repas", "purpose": "Repas", "answer": "Végétarien"}],
    )
    out = StringIO()
    call_command("personal_data", "export", "camille@example.org", stdout=out)
    (exported,) = json.loads(out.getvalue())["inscriptions aux événements"]
    assert exported["événement"] == "Rencontre régionale" and exported["réponses"] == {"Repas": "Végétarien"}
    assert exported["besoins d'accessibilité"] == "Boucle magnétique" and exported["consentement"] == "J'accepte."
    out = StringIO()
    call_command("personal_data", "erase", "camille@example.org", stdout=out)
    assert "inscriptions aux événements : 1 supprimé(s)" in out.getvalue()
    assert not Registration.objects.exists() and not OutgoingEmail.objects.filter(to__iexact="camille@example.org")
