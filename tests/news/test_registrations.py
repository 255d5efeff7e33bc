"""The seat engine (news/registrations.py): capacity, waiting list, duplicates, promotion, their emails."""

import base64
from datetime import timedelta

import pytest

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import OutgoingEmail
from news.factories import EventPageFactory
from news.models import Registration
from news.registrations import (
    EventFull,
    RegistrationClosed,
    add_by_hand,
    cancel,
    fill_free_seats,
    mark_present,
    move_from_waiting_list,
    register,
    seat_count,
)

pytestmark = pytest.mark.django_db

CONSENT = "J'accepte que mes informations servent à organiser l'événement."


@pytest.fixture
def event(event_index):
    return EventPageFactory(parent=event_index, registration_mode="site", capacity=2, waiting_list=True)


def sign_up(event, number, **details):
    return register(
        event, name=f"Personne {number}", email=f"personne{number}@example.org", consent_text=CONSENT, **details
    )


def statuses(event):
    return list(Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True))


def test_seats_go_first_then_the_waiting_list_in_order_of_arrival(event):
    outcomes = [sign_up(event, number) for number in range(5)]
    assert all(outcome.created for outcome in outcomes)
    assert statuses(event) == ["inscrit", "inscrit", "attente", "attente", "attente"]
    assert [outcome.registration.waiting_rank() for outcome in outcomes] == [None, None, 1, 2, 3]
    count = seat_count(event)
    assert (count.capacity, count.taken, count.left, count.waiting, count.full) == (2, 2, 0, 3, True)


def test_without_a_waiting_list_a_full_event_refuses(event):
    event.waiting_list = False
    event.save()
    sign_up(event, 1)
    sign_up(event, 2)
    with pytest.raises(EventFull):
        sign_up(event, 3)
    assert Registration.objects.filter(event=event).count() == 2


def test_without_capacity_everyone_gets_a_seat(event):
    event.capacity = None
    event.save()
    for number in range(5):
        sign_up(event, number)
    assert statuses(event) == ["inscrit"] * 5
    assert seat_count(event).left is None


def test_the_same_address_never_takes_a_second_seat_and_is_emailed_again_once_per_ten_minutes(event):
    first = sign_up(event, 1)
    assert OutgoingEmail.objects.filter(to="personne1@example.org").count() == 1
    again = register(event, name="Autre nom", email="PERSONNE1@example.org", consent_text=CONSENT)
    assert (again.created, again.resent, again.registration.pk) == (False, False, first.registration.pk)
    assert OutgoingEmail.objects.filter(to="personne1@example.org").count() == 1
    later = timezone.now() + timedelta(minutes=11)
    again = register(event, name="Autre nom", email="personne1@example.org", consent_text=CONSENT, now=later)
    assert (again.created, again.resent) == (False, True)
    assert OutgoingEmail.objects.filter(to="personne1@example.org").count() == 2
    assert Registration.objects.filter(event=event).count() == 1


def test_the_database_refuses_a_second_live_registration_for_an_address(event):
    sign_up(event, 1)
    duplicate = Registration(
        event=event, name="x", email="Personne1@Example.org", status="inscrit", consent_text=CONSENT
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_cancelled_registration_frees_the_address_and_the_seat(event):
    first = sign_up(event, 1)
    cancel(first.registration)
    again = sign_up(event, 1)
    assert again.created
    assert statuses(event) == ["annule", "inscrit"]


def test_a_cancellation_promotes_the_first_on_the_list_who_is_emailed(event):
    outcomes = [sign_up(event, number) for number in range(4)]
    promoted = cancel(outcomes[0].registration)
    assert [registration.pk for registration in promoted] == [outcomes[2].registration.pk]
    assert statuses(event) == ["annule", "inscrit", "inscrit", "attente"]
    assert outcomes[3].registration.waiting_rank() == 1
    (email,) = OutgoingEmail.objects.filter(to="personne2@example.org", subject__startswith="Une place")
    assert email.attachments[0]["filename"].endswith(".ics")
    # Cancelling again changes nothing and promotes nobody.
    assert cancel(outcomes[0].registration) == []
    assert statuses(event) == ["annule", "inscrit", "inscrit", "attente"]


def test_leaving_the_waiting_list_promotes_nobody(event):
    outcomes = [sign_up(event, number) for number in range(4)]
    assert cancel(outcomes[2].registration) == []
    assert statuses(event) == ["inscrit", "inscrit", "annule", "attente"]
    assert outcomes[3].registration.waiting_rank() == 1


def test_a_larger_capacity_fills_from_the_waiting_list(event):
    [sign_up(event, number) for number in range(5)]
    event.capacity = 4
    event.save()
    assert len(fill_free_seats(event)) == 2
    assert statuses(event) == ["inscrit"] * 4 + ["attente"]


def test_closed_registration_refuses_visitors_but_not_staff(event):
    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()
    with pytest.raises(RegistrationClosed):
        sign_up(event, 1)
    outcome = add_by_hand(event, name="Sur place", email="sur-place@example.org", consent_text=CONSENT)
    assert outcome.registration.status == "inscrit"
    assert outcome.registration.added_by_staff


def test_a_cancelled_event_takes_no_registration(event):
    event.status = "annule"
    event.save()
    with pytest.raises(RegistrationClosed):
        sign_up(event, 1)


def test_staff_adding_to_a_full_event_without_waiting_list_put_the_person_on_the_list(event):
    event.waiting_list = False
    event.save()
    sign_up(event, 1)
    sign_up(event, 2)
    outcome = add_by_hand(event, name="Invité", email="invite@example.org", consent_text=CONSENT)
    assert outcome.registration.status == "attente"
    assert seat_count(event).taken == 2


def test_moving_someone_by_hand_needs_a_free_seat(event):
    outcomes = [sign_up(event, number) for number in range(4)]
    with pytest.raises(EventFull):
        move_from_waiting_list(outcomes[3].registration)
    cancel(outcomes[0].registration)  # promotes number 2
    cancel(outcomes[1].registration)  # promotes number 3
    assert statuses(event) == ["annule", "annule", "inscrit", "inscrit"]


def test_staff_may_move_anyone_on_the_list_when_a_seat_is_free(event):
    outcomes = [sign_up(event, number) for number in range(5)]
    event.capacity = 3
    event.save()
    moved = move_from_waiting_list(outcomes[4].registration)
    assert moved.status == "inscrit"
    assert seat_count(event).taken == 3
    assert outcomes[2].registration.waiting_rank() == 1


def test_present_people_keep_their_seat(event):
    outcomes = [sign_up(event, number) for number in range(3)]
    mark_present(outcomes[0].registration)
    assert outcomes[0].registration.status == "present"
    assert seat_count(event).taken == 2
    mark_present(outcomes[2].registration)  # on the waiting list: cannot be present
    assert outcomes[2].registration.status == "attente"
    mark_present(outcomes[0].registration, present=False)
    assert outcomes[0].registration.status == "inscrit"


def test_the_confirmation_carries_the_events_calendar_file_with_its_uid(event):
    outcome = sign_up(event, 1)
    (email,) = outcome.registration.emails.all()
    assert email.subject == f"Inscription confirmée : {event.title}"
    assert "/inscription/" in email.body
    (attachment,) = email.attachments
    ics = base64.b64decode(attachment["content"]).decode()
    assert f"UID:{event.calendar_uid}@" in ics
    waiting = [sign_up(event, number) for number in (2, 3)][-1]
    (email,) = waiting.registration.emails.all()
    assert email.subject.startswith("Liste d'attente")
    assert "en position 1" in " ".join(email.body.split())
    assert email.attachments == []
