"""Every page kind the site serves is valid HTML according to the Nu Html Checker."""

import pytest

from network.newsletter.letters import render_letter
from network.newsletter.models import NewsletterPage
from security.antispam import TIME_TRAP_FIELD
from tests.e2e.page_set import (
    EXPECTED_STATUS,
    JOIN_PATH,
    LETTER_PATH,
    NEWSLETTER_PATH,
    PAGE_PATHS,
    load_page_set,
    page_path,
)
from tests.html.vnu import describe, validate, vnu_command

pytestmark = [pytest.mark.html, pytest.mark.django_db]

# A page vnu must reject: if it ever passes, the harness is reading the report wrong and proves nothing.
BROKEN_CONTROL = '<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body><p><div></p></body></html>'


def assert_valid_html(command, tmp_path, pages):
    """Validate `pages` ({name: HTML bytes}) with a broken control page in the same vnu run."""
    files = {}
    for name, content in pages.items():
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(content)
    control = tmp_path / "controle-invalide.html"
    control.write_text(BROKEN_CONTROL, encoding="utf-8")

    messages = validate(command, [*files.values(), control])

    def problems_in(path):
        return [m for m in messages if m.get("url", "").endswith(f"/{path.name}") and m.get("type") != "info"]

    assert problems_in(control), f"vnu found nothing wrong in a broken page; its messages: {messages}"
    errors = [describe(m) for path in files.values() for m in problems_in(path)]
    assert not errors, "HTML errors:\n" + "\n".join(errors)


def test_every_page_kind_renders_valid_html(client, tmp_path):
    command = vnu_command()  # first, so that a missing validator fails before any rendering
    load_page_set()
    pages = {}
    for kind in PAGE_PATHS:
        path = page_path(kind)
        response = client.get(path)
        assert response.status_code == EXPECTED_STATUS[kind], f"{kind} ({path}) answered {response.status_code}"
        pages[kind] = response.content

    assert_valid_html(command, tmp_path, pages)


def test_join_form_sent_empty_renders_its_errors_in_valid_html(client, tmp_path, settings):
    command = vnu_command()
    settings.SPAM_MIN_SECONDS = 0  # a person may send the form at once; the time trap must not answer instead
    load_page_set()
    served = client.get(JOIN_PATH)
    token = served.context["form"][TIME_TRAP_FIELD].value()

    response = client.post(JOIN_PATH, {TIME_TRAP_FIELD: token})

    assert response.status_code == 200, f"the empty form answered {response.status_code}, not its errors"
    errors = response.context["form"].errors
    assert errors, "the empty form was accepted"
    assert response.content.count(b'aria-invalid="true"') == len(errors), "a field in error is not marked invalid"
    assert_valid_html(command, tmp_path, {"adhesion-erreurs": response.content})


def test_newsletter_form_sent_with_errors_renders_them_in_valid_html(client, tmp_path, settings):
    command = vnu_command()
    settings.SPAM_MIN_SECONDS = 0
    load_page_set()
    served = client.get(NEWSLETTER_PATH)
    token = served.context["newsletter_form"][TIME_TRAP_FIELD].value()

    response = client.post(NEWSLETTER_PATH, {"email": "adresse-sans-arobase", TIME_TRAP_FIELD: token})

    assert response.status_code == 200, f"the invalid form answered {response.status_code}, not its errors"
    errors = response.context["newsletter_form"].errors
    assert set(errors) == {"email", "consent"}
    assert response.content.count(b'aria-invalid="true"') == len(errors), "a field in error is not marked invalid"
    assert_valid_html(command, tmp_path, {"newsletter-erreurs": response.content})


def test_emailed_letter_is_valid_html(tmp_path):
    """Mail clients are lenient, but an HTML email is HTML: the letter as subscribers get it must be valid."""
    command = vnu_command()
    load_page_set()
    letter = NewsletterPage.objects.get(url_path__endswith=LETTER_PATH)
    _subject, _text, html = render_letter(letter)
    assert "Lancement du réseau à Lille" in html, "the letter lacks the article picked by the editors"
    assert "Se désinscrire" in html

    assert_valid_html(command, tmp_path, {"lettre-courriel": html.encode()})
