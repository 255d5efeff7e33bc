"""Personal data of join requests: retention after a decision, and export or erasure for one person."""

import json
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from core.models import OutgoingEmail
from network.membership.models import MembershipRequest
from tests.network.conftest import join_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests(client, join_form):
    for address in ("ancienne@asso.example", "recente@asso.example", "attente@asso.example"):
        client.post(join_form.url, join_answers(courriel=address))
    by_address = {request.email: request for request in MembershipRequest.objects.all()}
    decided = {"ancienne@asso.example": 400, "recente@asso.example": 30}
    for address, days in decided.items():
        by_address[address].status = MembershipRequest.Status.REFUSED
        by_address[address].decided_at = timezone.now() - timedelta(days=days)
        by_address[address].save()
    return by_address


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_retention_anonymises_requests_decided_over_a_year_ago(requests):
    output = run("purge_membership_requests")

    assert "1 anonymisée(s)" in output
    old = MembershipRequest.objects.get(pk=requests["ancienne@asso.example"].pk)
    assert old.email == "" and old.anonymised_at is not None
    assert "nom_et_prenom_du_contact" not in old.form_data and "motivation" not in old.form_data
    assert old.form_data["nom_de_la_structure"] == "Les Jardins partagés de Fives"
    assert not OutgoingEmail.objects.filter(membership_request=old).exists()
    recent = MembershipRequest.objects.get(pk=requests["recente@asso.example"].pk)
    assert recent.email == "recente@asso.example" and "nom_et_prenom_du_contact" in recent.form_data
    waiting = MembershipRequest.objects.get(pk=requests["attente@asso.example"].pk)
    assert waiting.email == "attente@asso.example"
    assert "0 anonymisée(s)" in run("purge_membership_requests")


def test_retention_period_and_deletion_are_configurable(requests, settings):
    output = run("purge_membership_requests", "--months", "0", "--delete")
    assert "2 supprimée(s)" in output
    assert list(MembershipRequest.objects.values_list("email", flat=True)) == ["attente@asso.example"]


def test_export_gives_everything_stored_about_one_address(requests):
    exported = json.loads(run("personal_data", "export", "RECENTE@asso.example"))

    (request,) = exported["demandes d'adhésion"]
    assert request["réponses"]["Courriel"] == "recente@asso.example"
    assert request["consentement"].startswith("J'accepte")
    assert [email["objet"] for email in exported["courriels"]] == ["Votre demande d'adhésion"]


def test_erasure_removes_the_person_and_nobody_else(requests):
    output = run("personal_data", "erase", "recente@asso.example")

    assert "demandes d'adhésion : 1 supprimé(s)" in output
    assert not MembershipRequest.objects.filter(email="recente@asso.example").exists()
    assert not OutgoingEmail.objects.filter(to="recente@asso.example").exists()
    assert not OutgoingEmail.objects.filter(body__contains="recente@asso.example").exists()
    assert MembershipRequest.objects.count() == 2
    assert json.loads(run("personal_data", "export", "recente@asso.example")) == {
        "inscriptions aux événements": [],
        "demandes d'adhésion": [],
        "lettre d'information": [],
        "courriels": [],
    }


def test_an_invalid_address_is_refused(requests):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Adresse de courriel invalide"):
        run("personal_data", "erase", "pas une adresse")
