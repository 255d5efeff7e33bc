"""The join form: consent, spam defences, emails that never lose a request, and no header injection."""

import socket

import pytest

from django.core import mail
from django.utils import timezone

from core.models import OutgoingEmail
from core.outbox import send_email
from network.membership.models import MembershipRequest
from security.antispam import HONEYPOT_FIELD, TIME_TRAP_FIELD
from tests.network.conftest import STAFF_ADDRESS, form_token, join_answers

pytestmark = pytest.mark.django_db

URL = "/reseau/rejoindre/"
THANKS = "/reseau/rejoindre/merci/"


def retry_now():
    """Time passes until the retries are due, and each email's retry task runs, in the order a worker
    claims them (core.models.outbox: the earliest due first, then the oldest)."""
    OutgoingEmail.objects.pending().update(next_attempt_at=timezone.now())
    for pk in OutgoingEmail.objects.pending().order_by("next_attempt_at", "pk").values_list("pk", flat=True):
        send_email.call(pk)


def test_a_complete_request_is_saved_with_the_consent_text_and_time(client, join_form):
    response = client.post(URL, join_answers())

    assert response.status_code == 302 and response["Location"] == THANKS
    saved = MembershipRequest.objects.get()
    assert saved.consent_text == join_form.consent_text
    assert saved.consent_at is not None
    assert saved.status == MembershipRequest.Status.NEW
    assert (saved.structure_name, saved.kind, saved.department) == (
        "Les Jardins partagés de Fives",
        "Association",
        "Nord",
    )
    assert saved.email == "camille@jardins.example"
    assert saved.form_data["themes_qui_vous_interessent"] == ["Climat", "Mobilités"]
    assert HONEYPOT_FIELD not in saved.form_data and TIME_TRAP_FIELD not in saved.form_data
    assert "consentement" not in saved.form_data


def test_the_thank_you_page_survives_a_refresh_without_a_second_request(client, join_form):
    response = client.post(URL, join_answers(), follow=True)
    assert response.status_code == 200
    assert "Merci, votre demande est bien envoyée" in response.content.decode()
    assert client.get(THANKS).status_code == 200
    assert MembershipRequest.objects.count() == 1


def test_without_consent_nothing_is_saved_and_the_error_is_next_to_the_box(client, join_form):
    response = client.post(URL, join_answers(consentement=None))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_consentement_error"' in html
    assert 'aria-describedby="id_consentement_error"' in html
    assert "Cochez cette case pour que nous puissions traiter votre demande." in html
    assert MembershipRequest.objects.count() == 0


def test_an_invalid_post_keeps_what_the_visitor_typed(client, join_form):
    response = client.post(URL, join_answers(courriel="pas-une-adresse"))
    html = response.content.decode()
    assert "Saisissez une adresse de courriel valide." in html
    assert 'value="Les Jardins partagés de Fives"' in html
    assert "Partager nos méthodes de concertation" in html


def test_staff_are_notified_and_the_applicant_gets_the_editors_acknowledgement(client, join_form):
    client.post(URL, join_answers())

    staff, acknowledgement = mail.outbox
    assert staff.to == [STAFF_ADDRESS]
    assert staff.subject == "Nouvelle demande d'adhésion au réseau"
    assert "Les Jardins partagés de Fives" in staff.body and "Camille Dupont" in staff.body
    assert join_form.consent_text in staff.body
    assert acknowledgement.to == ["camille@jardins.example"]
    assert acknowledgement.subject == join_form.acknowledgement_subject
    assert acknowledgement.body == join_form.acknowledgement_body
    assert all(email.sent_at for email in OutgoingEmail.objects.all())


def test_a_bot_that_fills_the_honeypot_is_thanked_and_nothing_is_kept(client, join_form):
    response = client.post(URL, join_answers(**{HONEYPOT_FIELD: "http://spam.example"}))

    assert response.status_code == 302 and response["Location"] == THANKS
    assert MembershipRequest.objects.count() == 0
    assert mail.outbox == []


def test_a_bot_posting_garbage_learns_nothing_either(client, join_form):
    response = client.post(URL, {HONEYPOT_FIELD: "x"})
    assert response.status_code == 302 and response["Location"] == THANKS


def test_past_the_rate_limit_an_address_gets_a_readable_429(client, join_form, settings):
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "join": (3, 600)}
    statuses = [client.post(URL, join_answers(), REMOTE_ADDR="203.0.113.7").status_code for _ in range(4)]

    assert statuses == [302, 302, 302, 429]
    refused = client.post(URL, join_answers(), REMOTE_ADDR="203.0.113.7")
    assert refused["Retry-After"] == "600"
    assert "Trop de demandes en peu de temps" in refused.content.decode()
    assert client.post(URL, join_answers(), REMOTE_ADDR="198.51.100.2").status_code == 302
    assert MembershipRequest.objects.count() == 4


def test_the_form_still_works_when_the_cache_is_down(client, join_form, monkeypatch):
    class BrokenCache:
        def add(self, *args, **kwargs):
            raise ConnectionError("cache indisponible")

        incr = add

    monkeypatch.setattr("security.antispam.cache", BrokenCache())
    assert client.post(URL, join_answers()).status_code == 302
    assert MembershipRequest.objects.count() == 1


def test_oversized_answers_are_refused_with_a_message(client, join_form):
    response = client.post(URL, join_answers(motivation="x" * 6000, nom_de_la_structure="y" * 300))
    html = response.content.decode()
    assert response.status_code == 200
    assert "comporte au plus 5000 caractères (actuellement 6000)" in html
    assert "comporte au plus 255 caractères (actuellement 300)" in html
    assert MembershipRequest.objects.count() == 0


def test_line_breaks_in_answers_never_reach_an_email_header(client, join_form):
    injected = join_answers(
        nom_de_la_structure="Asso\r\nBcc: cible@victime.example",
        nom_et_prenom_du_contact="Camille\nCc: autre@victime.example",
    )
    assert client.post(URL, injected).status_code == 302

    for message in mail.outbox:
        sent = message.message()
        assert sent["Bcc"] is None and sent["Cc"] is None
        assert "victime.example" not in " ".join(message.recipients())
        assert "\n" not in sent["Subject"]


def test_an_email_address_with_a_line_break_is_refused(client, join_form):
    response = client.post(URL, join_answers(courriel="camille@jardins.example\r\nBcc: cible@victime.example"))
    assert response.status_code == 200
    assert MembershipRequest.objects.count() == 0
    assert mail.outbox == []


def closed_port():
    """A local port where nothing listens: connecting is refused at once, as with a stopped mail server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_server_that_is_down_loses_nothing_and_a_retry_sends_later(client, join_form, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2

    response = client.post(URL, join_answers(), follow=True)

    assert response.status_code == 200 and "Merci" in response.content.decode()
    saved = MembershipRequest.objects.get()
    pending = OutgoingEmail.objects.pending()
    assert [email.to for email in pending] == [STAFF_ADDRESS, "camille@jardins.example"]
    assert all("ConnectionRefusedError" in email.last_error for email in pending)
    assert "ConnectionRefusedError" in saved.mail_problem()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry_now()

    assert sorted(message.to[0] for message in mail.outbox) == sorted([STAFF_ADDRESS, "camille@jardins.example"])
    assert not OutgoingEmail.objects.pending().exists()
    assert saved.mail_problem() == ""


def test_a_person_who_submits_too_fast_with_a_mistake_sees_the_errors(client, join_form):
    response = client.post(URL, join_answers(courriel="", **{TIME_TRAP_FIELD: form_token(age_seconds=0)}))
    assert response.status_code == 200
    assert 'id="id_courriel_error"' in response.content.decode()


def test_a_required_list_starts_empty_so_it_cannot_be_skipped(client, join_form):
    html = client.get(URL).content.decode()
    assert '<option value="" selected>— Choisir —</option>' in html
    response = client.post(URL, join_answers(departement=""))
    assert 'id="id_departement_error"' in response.content.decode()
    assert MembershipRequest.objects.count() == 0


def test_the_emails_travel_over_a_real_smtp_conversation(client, join_form, smtp_delivery):
    client.post(URL, join_answers())

    staff, acknowledgement = smtp_delivery.messages
    assert staff.envelope_recipients == [STAFF_ADDRESS]
    assert staff["Subject"] == "Nouvelle demande d'adhésion au réseau"
    assert "Les Jardins partagés de Fives" in staff.get_content()
    assert acknowledgement.envelope_recipients == ["camille@jardins.example"]


def test_a_server_that_refuses_the_message_loses_nothing(client, join_form, smtp_delivery):
    smtp_delivery.refuse_with("451 4.3.0 Réessayez plus tard")

    assert client.post(URL, join_answers()).status_code == 302

    assert MembershipRequest.objects.count() == 1
    pending = list(OutgoingEmail.objects.pending())
    assert len(pending) == 2 and all("451" in email.last_error for email in pending)
    assert smtp_delivery.messages == []

    smtp_delivery.refuse_with(None)
    retry_now()
    assert smtp_delivery.recipients() == [STAFF_ADDRESS, "camille@jardins.example"]
    assert not OutgoingEmail.objects.pending().exists()
