"""The letters and the confirmation as a mail client reads them: headers, and a text part people can read."""

import email
import re
from email import policy

import pytest

from django.core import mail

from network.newsletter import sending
from network.newsletter.models import NewsletterIndexPage, NewsletterPage, Subscriber
from network.newsletter.subscriptions import request_subscription

pytestmark = pytest.mark.django_db

MAX_LINE = 78
URL_ONLY = re.compile(r"^\s*(\(?https?://\S+\)?)$")


@pytest.fixture
def letter(home_page):
    archive = NewsletterIndexPage(title="Lettres d'information", slug="lettres")
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    page = NewsletterPage(
        title="La lettre de décembre",
        slug="decembre",
        intro=(
            "<p>Bonjour à tous,</p><p>Cette saison, le réseau a accompagné douze communes dans leurs démarches "
            'participatives ; retrouvez <a href="https://example.org/guide-de-la-participation">le guide</a> '
            "et les comptes rendus des ateliers.</p><ul><li>Atelier de Lille</li><li>Atelier d'Arras</li></ul>"
        ),
    )
    archive.add_child(instance=page)
    page.save_revision().publish()
    Subscriber.objects.create(email="abonne@exemple.org", status=Subscriber.Status.CONFIRMED)
    Subscriber.objects.create(email="abonnee@exemple.org", status=Subscriber.Status.CONFIRMED)
    return page


def received(message):
    """The message as a mail client parses it from the bytes sent."""
    return email.message_from_bytes(message.message().as_bytes(), policy=policy.default)


def text_part(parsed):
    return parsed.get_body(preferencelist=("plain",)).get_content()


def long_lines(text):
    """Lines of MAX_LINE characters or more, but an address alone on its line, which cannot be cut."""
    return [line for line in text.splitlines() if len(line) >= MAX_LINE and not URL_ONLY.match(line)]


def test_the_letter_text_keeps_paragraphs_links_and_short_lines(letter):
    sending.request_send(letter)

    text = text_part(received(mail.outbox[0]))

    assert "Bonjour à tous,\n\nCette saison, le réseau" in text
    assert "le guide (https://example.org/guide-de-la-participation)" in " ".join(text.split())
    assert "- Atelier de Lille" in text
    assert long_lines(text) == []


def test_letters_belong_to_a_list_and_are_identified_at_the_site_domain(letter, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://territoires.example.org"
    sending.request_send(letter)

    messages = [received(message) for message in mail.outbox]

    assert {message["List-Id"] for message in messages} == {"Lettre d'information <lettre.territoires.example.org>"}
    ids = [message["Message-ID"] for message in messages]
    assert all(message_id.endswith("@territoires.example.org>") for message_id in ids)
    assert len(set(ids)) == len(messages) == 2


def test_the_confirmation_text_has_paragraphs_and_short_lines(home_page):
    request_subscription("nouvelle@exemple.org", "Camille", [], "J'accepte.")

    (message,) = mail.outbox
    text = text_part(received(message))

    assert "\n\nPour confirmer votre inscription" in text
    assert long_lines(text) == []
    assert any(URL_ONLY.match(line) and "/newsletter/confirmer/" in line for line in text.splitlines())
