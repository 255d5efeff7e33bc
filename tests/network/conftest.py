import time

import pytest

from django.core import signing

from network.antispam import _SALT, TIME_TRAP_FIELD
from network.models import Actor, ActorDirectoryPage, JoinFormField, JoinFormPage
from tests.factories import StandardPageFactory

STAFF_ADDRESS = "equipe@reseau.example"


def form_token(age_seconds=60):
    """The time trap's hidden value for a form served `age_seconds` ago."""
    return signing.dumps(time.time() - age_seconds, salt=_SALT)


def join_answers(**overrides):
    """A complete, valid post of the join form, as a person who took a minute to fill it would send it."""
    data = {
        "nom_de_la_structure": "Les Jardins partagés de Fives",
        "type_de_structure": "Association",
        "commune": "Lille",
        "departement": "Nord",
        "nom_du_contact": "Camille Dupont",
        "courriel": "camille@jardins.example",
        "motivation": "Partager nos méthodes de concertation avec d'autres quartiers.",
        "themes_dinteret": ["Climat", "Tiers-lieux"],
        "consentement": "on",
        TIME_TRAP_FIELD: form_token(),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def network_section(home_page):
    return StandardPageFactory(parent=home_page, title="Le réseau", slug="reseau")


@pytest.fixture
def directory(network_section):
    page = ActorDirectoryPage(title="Annuaire des acteurs", slug="annuaire", intro="Les membres du réseau.")
    network_section.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def join_form(network_section):
    page = JoinFormPage(
        title="Rejoindre le réseau",
        slug="rejoindre",
        notify_emails=STAFF_ADDRESS,
        acknowledgement_subject="Votre demande d'adhésion",
        acknowledgement_body="Merci, nous revenons vers vous sous quinze jours.",
    )
    fields = [
        ("Nom de la structure", "singleline", "structure", True, ""),
        ("Type de structure", "dropdown", "kind", True, "Collectivité\nAssociation\nEntreprise"),
        ("Commune", "singleline", "commune", True, ""),
        ("Département", "dropdown", "department", True, "Aisne\nNord\nOise\nPas-de-Calais\nSomme"),
        ("Nom du contact", "singleline", "contact", True, ""),
        ("Courriel", "email", "email", True, ""),
        ("Téléphone", "singleline", "phone", False, ""),
        ("Motivation", "multiline", "motivation", True, ""),
        ("Thèmes d'intérêt", "checkboxes", "themes", False, "Climat\nTiers-lieux\nParticipation citoyenne"),
    ]
    for label, field_type, role, required, choices in fields:
        page.form_fields.add(
            JoinFormField(label=label, field_type=field_type, role=role, required=required, choices=choices)
        )
    network_section.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_actor(**fields):
    actor = Actor(
        **{"kind": Actor.Kind.ASSOCIATION, "short_description": "Une structure du réseau.", "live": True, **fields}
    )
    actor.save()
    actor.save_revision().publish()
    return actor
