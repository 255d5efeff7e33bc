"""Staff handle an event's registrations in the admin: list, exports, attendance sheet, moves by hand.

Modérateurs and Administrateurs see the people; Rédacteurs only the counts (agenda listing, dashboard).
"""

import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from django.urls import reverse
from django.utils import timezone

from core.models import OutgoingEmail
from news.factories import EventPageFactory
from news.models import Registration
from news.registrations import register, seat_count
from tests.home.admin_site import member_of

pytestmark = pytest.mark.django_db

CONSENT = "J'accepte que mes informations servent à organiser l'événement."
LIST = "news_registration_modeladmin_index"


@pytest.fixture
def event(event_index):
    return EventPageFactory(
        parent=event_index, title="Rencontre des tiers-lieux", registration_mode="site", capacity=2, waiting_list=True
    )


def sign_up(event, name, email, **details):
    return register(event, name=name, email=email, consent_text=CONSENT, **details).registration


@pytest.fixture
def full_event(event):
    """Two seats taken, two people waiting: Alix, Bastien hold seats; Chloé then Damien wait."""
    sign_up(event, "Alix Martin", "alix@exemple.org", structure="Ville de Lille", accessibility_needs="Fauteuil")
    sign_up(event, "Bastien Roy", "bastien@exemple.org")
    sign_up(event, "Chloé Petit", "chloe@exemple.org")
    sign_up(event, "Damien Leroy", "damien@exemple.org")
    return event


def person(event, name):
    return Registration.objects.get(event=event, name=name)


@pytest.fixture
def moderator(client):
    client.force_login(member_of("Modérateurs", "moderation"))
    return client


@pytest.fixture
def editor(client):
    client.force_login(member_of("Rédacteurs", "redaction"))
    return client


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def change(client, registration, action):
    return client.post(reverse("news_change_registration", args=[registration.pk]), {"action": action})


def test_the_list_filters_by_event_and_status_and_searches_names(moderator, full_event, event_index):
    other = EventPageFactory(parent=event_index, registration_mode="site")
    sign_up(other, "Élise Autre", "elise@exemple.org")

    on_event = moderator.get(reverse(LIST), {"event__editorialpage_ptr__exact": full_event.pk}).content.decode()
    waiting = moderator.get(reverse(LIST), {"status__exact": "attente"}).content.decode()
    found = moderator.get(reverse(LIST), {"q": "bastien"}).content.decode()

    assert "Alix Martin" in on_event and "Élise Autre" not in on_event
    assert "Chloé Petit" in waiting and "Damien Leroy" in waiting and "Alix Martin" not in waiting
    assert "Bastien Roy" in found and "Alix Martin" not in found


def test_the_event_screen_links_to_its_filtered_list(moderator, full_event):
    html = moderator.get(reverse("news_event_registrations", args=[full_event.pk])).content.decode()
    filtered = f"{reverse(LIST)}?event__editorialpage_ptr__exact={full_event.pk}"
    assert f'href="{filtered}"' in html
    assert "Chloé Petit" in moderator.get(filtered).content.decode()


def test_the_csv_export_neutralises_formulas_and_gives_each_question_a_column(moderator, event):
    answers = [{"question": 1, "label": "Repas", "purpose": "Prévoir les repas", "answer": "=cmd()"}]
    sign_up(event, '=HYPERLINK("http://x")', "formule@exemple.org", structure="+33 6 00", answers=answers)
    sign_up(event, "Sans réponse", "sans@exemple.org")

    response = moderator.get(reverse(LIST), {"export": "csv"})

    rows = list(csv.reader(io.StringIO(body(response).decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0][-1] == "Repas"
    by_email = {row[3]: row for row in rows[1:]}
    assert by_email["formule@exemple.org"][2] == '\'=HYPERLINK("http://x")'
    assert by_email["formule@exemple.org"][4] == "'+33 6 00"
    assert by_email["formule@exemple.org"][-1] == "'=cmd()"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_the_xlsx_export_keeps_formulas_as_text(moderator, event):
    answers = [{"question": 1, "label": "Atelier", "purpose": "Répartir les groupes", "answer": "=1+1"}]
    sign_up(event, "=cmd()", "formule@exemple.org", answers=answers)

    response = moderator.get(reverse(LIST), {"export": "xlsx"})

    sheet = load_workbook(io.BytesIO(body(response))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert [cell.value for cell in next(sheet.iter_rows(max_row=1))][-1] == "Atelier"
    assert {"=cmd()", "=1+1"} <= {cell.value for cell in cells}
    assert all(cell.data_type != "f" for cell in cells)


def test_a_moderator_moves_someone_from_the_waiting_list_when_a_seat_is_free(moderator, full_event):
    full_event.capacity = 3
    full_event.save()
    damien = person(full_event, "Damien Leroy")

    response = change(moderator, damien, "promote")

    assert response.status_code == 302
    assert person(full_event, "Damien Leroy").status == "inscrit"
    assert person(full_event, "Chloé Petit").status == "attente"
    assert OutgoingEmail.objects.filter(to="damien@exemple.org", subject__icontains="place").exists()
    count = seat_count(full_event)
    assert (count.taken, count.waiting) == (3, 1)


def test_a_manual_move_never_goes_over_capacity(moderator, full_event):
    response = change(moderator, person(full_event, "Chloé Petit"), "promote")

    assert person(full_event, "Chloé Petit").status == "attente"
    assert seat_count(full_event).taken == 2
    screen = moderator.get(response["Location"]).content.decode()
    assert "Aucune place libre" in screen


def test_cancelling_a_seat_gives_it_to_the_first_in_line(moderator, full_event):
    change(moderator, person(full_event, "Alix Martin"), "cancel")

    assert person(full_event, "Alix Martin").status == "annule"
    assert person(full_event, "Chloé Petit").status == "inscrit"
    assert person(full_event, "Damien Leroy").status == "attente"


def test_present_is_ticked_and_unticked_and_still_holds_the_seat(moderator, full_event):
    alix = person(full_event, "Alix Martin")
    change(moderator, alix, "present")
    assert person(full_event, "Alix Martin").status == "present"
    assert seat_count(full_event).taken == 2
    change(moderator, alix, "absent")
    assert person(full_event, "Alix Martin").status == "inscrit"


def test_someone_waiting_cannot_be_marked_present(moderator, full_event):
    change(moderator, person(full_event, "Chloé Petit"), "present")
    assert person(full_event, "Chloé Petit").status == "attente"


def test_actions_need_a_post_and_an_unknown_one_changes_nothing(moderator, full_event):
    alix = person(full_event, "Alix Martin")
    assert moderator.get(reverse("news_change_registration", args=[alix.pk])).status_code == 405
    response = change(moderator, alix, "supprimer")
    assert "Action inconnue" in moderator.get(response["Location"]).content.decode()
    assert person(full_event, "Alix Martin").status == "inscrit"


def test_staff_add_someone_by_hand_after_closing_to_the_waiting_list_when_full(moderator, full_event):
    full_event.registration_closes_at = timezone.now() - timedelta(hours=1)
    full_event.waiting_list = False
    full_event.save()
    url = reverse("news_add_registration", args=[full_event.pk])
    details = {"name": "Farid Benali", "email": "farid@exemple.org", "structure": "", "accessibility_needs": ""}

    refused = moderator.post(url, details)
    added = moderator.post(url, {**details, "consent": "on"})

    assert "Sans son accord" in refused.content.decode()
    assert added.status_code == 302
    farid = person(full_event, "Farid Benali")
    assert (farid.status, farid.added_by_staff, farid.consent_text) == (
        "attente",
        True,
        full_event.registration_consent_text,
    )
    assert seat_count(full_event).taken == 2
    assert not OutgoingEmail.objects.filter(to="farid@exemple.org").exists()


def test_adding_a_registered_address_again_adds_nothing(moderator, full_event):
    url = reverse("news_add_registration", args=[full_event.pk])
    response = moderator.post(
        url, {"name": "Alix M.", "email": "ALIX@exemple.org", "consent": "on", "notify": "on"}, follow=True
    )
    assert "déjà inscrit" in response.content.decode()
    assert Registration.objects.filter(event=full_event).count() == 4


def test_the_attendance_sheet_lists_seat_holders_with_a_signature_column(moderator, full_event):
    change(moderator, person(full_event, "Bastien Roy"), "present")
    html = moderator.get(reverse("news_attendance_sheet", args=[full_event.pk])).content.decode()

    assert "Signature" in html and "attendance-sheet.css" in html
    assert "Alix Martin" in html and "Ville de Lille" in html and "Fauteuil" in html and "Bastien Roy" in html
    assert "Chloé Petit" not in html and "alix@exemple.org" not in html


def test_anonymised_registrations_count_but_are_not_listed(moderator, full_event):
    Registration.objects.filter(name="Alix Martin").update(
        name="", email="", structure="", accessibility_needs="", anonymised_at=timezone.now()
    )
    screen = moderator.get(reverse("news_event_registrations", args=[full_event.pk])).content.decode()
    listing = moderator.get(reverse(LIST)).content.decode()
    assert "2 / 2" in screen
    assert "Inscription n°" not in screen and "Inscription n°" not in listing


def test_redacteurs_see_counts_never_names(editor, full_event, event_index):
    explorer = editor.get(reverse("wagtailadmin_explore", args=[event_index.pk])).content.decode()
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()

    assert "Inscrits / places" in explorer and "2 / 2 (+ 2 en attente)" in explorer
    assert "Rencontre des tiers-lieux" in dashboard and "100 %" in dashboard
    for page in (explorer, dashboard):
        assert "Alix" not in page and "alix@exemple.org" not in page
    for url in (
        reverse(LIST),
        reverse(LIST) + "?export=csv",
        reverse("news_event_registrations", args=[full_event.pk]),
        reverse("news_attendance_sheet", args=[full_event.pk]),
        reverse("news_add_registration", args=[full_event.pk]),
    ):
        response = editor.get(url)
        assert response.status_code in (302, 403) and b"Alix" not in body(response), url
    assert change(editor, person(full_event, "Chloé Petit"), "cancel").status_code in (302, 403)
    assert person(full_event, "Chloé Petit").status == "attente"


def test_the_dashboard_lists_upcoming_events_with_their_fill_rate(moderator, full_event, event_index):
    past = EventPageFactory(
        parent=event_index,
        title="Rencontre passée",
        registration_mode="site",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=2),
    )
    elsewhere = EventPageFactory(
        parent=event_index,
        title="Inscription ailleurs",
        registration_mode="ailleurs",
        registration_url="https://inscription.example/rencontre",
    )
    unlimited = EventPageFactory(parent=event_index, title="Sans limite", registration_mode="site", capacity=None)
    sign_up(unlimited, "Gaëlle", "gaelle@exemple.org")

    html = moderator.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index("Inscriptions aux prochains événements")
    panel = html[start : html.index("</section>", start)]

    assert f'href="{reverse("news_event_registrations", args=[full_event.pk])}"' in panel
    assert "2 / 2" in panel and "100 %" in panel and "1 (sans limite)" in panel
    assert past.title not in panel and elsewhere.title not in panel


def test_the_event_editor_offers_the_registrations_to_moderators_only(moderator, full_event, client):
    edit = reverse("wagtailadmin_pages:edit", args=[full_event.pk])
    screen = reverse("news_event_registrations", args=[full_event.pk])
    assert screen in moderator.get(edit).content.decode()
    client.force_login(member_of("Rédacteurs", "redaction"))
    assert screen not in client.get(edit).content.decode()
