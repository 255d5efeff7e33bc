import time

import pytest

from django.core import signing

from images.factories import ImageFactory
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from network.newsletter.models import NewsletterIndexPage, NewsletterPage
from news.factories import NewsPageFactory
from security.antispam import _SALT, TIME_TRAP_FIELD

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
        "nom_et_prenom_du_contact": "Camille Dupont",
        "courriel": "camille@jardins.example",
        "motivation": "Partager nos méthodes de concertation avec d'autres quartiers.",
        "themes_qui_vous_interessent": ["Climat", "Mobilités"],
        "consentement": "on",
        TIME_TRAP_FIELD: form_token(),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def join_form(network_section):
    page = JoinFormPageFactory(
        parent=network_section,
        notify_emails=STAFF_ADDRESS,
        acknowledgement_subject="Votre demande d'adhésion",
        acknowledgement_body="Merci, nous revenons vers vous sous quinze jours.",
    )
    add_join_form_fields(page)
    return page


@pytest.fixture
def letter(home_page, news_index):
    """A published letter, with one recent article to carry."""
    archive = NewsletterIndexPage(title="Lettres d'information", slug="lettres")
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Un article récent", listing_image=ImageFactory())
    page = NewsletterPage(title="La lettre de novembre", slug="novembre", intro="<p>Bonne lecture !</p>")
    archive.add_child(instance=page)
    page.save_revision().publish()
    return page
