"""Applicants hear back: accepting or refusing a join request emails them, and the request records who decided."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from core.models import OutgoingEmail, SiteSettings
from network.membership.models import MembershipRequest
from tests.network.conftest import join_answers

pytestmark = pytest.mark.django_db

APPLICANT = "camille@jardins.example"


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("moderation", "moderation@exemple.org", "mot-de-passe-solide")
    user.groups.add(Group.objects.get(name="Modérateurs"))
    client.force_login(user)
    return user


@pytest.fixture
def request_to_decide(client, join_form, smtp_delivery):
    client.post(join_form.url, join_answers())
    smtp_delivery.messages.clear()  # the staff notification and the acknowledgement
    return MembershipRequest.objects.get()


def subject(message):
    """The Subject as a mail client shows it: a long encoded subject is folded onto a continuation line."""
    return message["Subject"].strip()


def decide(client, membership_request, decision, django_capture_on_commit_callbacks):
    url = reverse("membership_membershiprequest_modeladmin_decide", args=[membership_request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, {"decision": decision})


def test_an_accepted_applicant_is_welcomed_by_email_and_the_request_says_who_accepted(
    client, moderator, request_to_decide, smtp_delivery, django_capture_on_commit_callbacks
):
    decide(client, request_to_decide, "accept", django_capture_on_commit_callbacks)

    (message,) = smtp_delivery.messages
    assert message.envelope_recipients == [APPLICANT]
    assert subject(message) == "Bienvenue dans le réseau des Territoires participatifs"
    assert "acceptée" in message.get_body(preferencelist=("plain",)).get_content()
    request_to_decide.refresh_from_db()
    assert request_to_decide.status == MembershipRequest.Status.ACCEPTED
    assert request_to_decide.decided_by == moderator and request_to_decide.decided_at is not None


def test_a_refused_applicant_receives_the_text_moderators_wrote_in_the_settings(
    client, moderator, join_form, request_to_decide, smtp_delivery, django_capture_on_commit_callbacks
):
    site_settings = SiteSettings.for_site(join_form.get_site())
    site_settings.membership_refused_subject = "Votre demande au réseau régional"
    site_settings.membership_refused_body = "Bonjour,\n\nLe réseau est réservé aux structures de la région."
    site_settings.save()

    decide(client, request_to_decide, "refuse", django_capture_on_commit_callbacks)

    (message,) = smtp_delivery.messages
    assert message.envelope_recipients == [APPLICANT]
    assert subject(message) == "Votre demande au réseau régional"
    assert "réservé aux structures de la région" in message.get_body(preferencelist=("plain",)).get_content()
    request_to_decide.refresh_from_db()
    assert request_to_decide.status == MembershipRequest.Status.REFUSED
    assert request_to_decide.decided_by == moderator


def test_deciding_twice_emails_the_applicant_once(
    client, moderator, request_to_decide, smtp_delivery, django_capture_on_commit_callbacks
):
    decide(client, request_to_decide, "refuse", django_capture_on_commit_callbacks)
    decide(client, request_to_decide, "refuse", django_capture_on_commit_callbacks)
    decide(client, request_to_decide, "accept", django_capture_on_commit_callbacks)
    decide(client, request_to_decide, "accept", django_capture_on_commit_callbacks)

    assert [subject(message) for message in smtp_delivery.messages] == [
        "Votre demande d'adhésion au réseau",
        "Bienvenue dans le réseau des Territoires participatifs",
    ]


def test_with_the_mail_server_down_the_decision_is_kept_and_the_email_waits_for_a_retry(
    client, moderator, request_to_decide, smtp_delivery, django_capture_on_commit_callbacks
):
    smtp_delivery.stop()

    response = decide(client, request_to_decide, "refuse", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    request_to_decide.refresh_from_db()
    assert request_to_decide.status == MembershipRequest.Status.REFUSED and request_to_decide.decided_by == moderator
    (waiting,) = OutgoingEmail.objects.pending().filter(to=APPLICANT)
    assert waiting.subject == "Votre demande d'adhésion au réseau" and waiting.last_error
    assert list(request_to_decide.emails.filter(pk=waiting.pk)) == [waiting]
