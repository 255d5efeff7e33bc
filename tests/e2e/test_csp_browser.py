"""In a real browser, the Content-Security-Policy blocks nothing the site or its admin needs.

Every frame reports each violation the browser raises to the console, where the test collects it:
a loaded video, the userbar an editor sees and the page editor with its preview (the public pages of
every kind: test_every_page_kind.py).
"""

import re

import pytest
from playwright.sync_api import expect

from wagtail.embeds.models import Embed

from home.factories import StandardPageFactory
from tests.e2e.page_set import STANDARD_PAGE_PATH
from tests.e2e.quiet import visit, watch_requests

pytestmark = pytest.mark.e2e

PASSWORD = "mot-de-passe-solide-2026"  # noqa: S105 - accounts of the test database only
VIOLATION = "CSP violation:"
# Runs in every frame before its own scripts, outside the policy's reach (Playwright injects it).
REPORT_VIOLATIONS = f"""
document.addEventListener("securitypolicyviolation", (event) => {{
    console.warn(`{VIOLATION} ${{event.effectiveDirective}} blocked ${{event.blockedURI}}`
        + ` in ${{event.documentURI}} (${{event.sourceFile}}:${{event.lineNumber}}) ${{event.sample}}`);
}});
"""
VIDEO_URL = "https://www.youtube.com/watch?v=abc123"
PLAYER_URL = "https://www.youtube-nocookie.com/embed/abc123"


@pytest.fixture
def watched_page(page):
    """A tab that records CSP violations in `page.violations` and makes no request outside the site."""
    page.violations = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: VIOLATION in message.text and page.violations.append(message.text))
    page.context.route(re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])"), lambda route: route.abort())
    watch_requests(page)
    return page


def violations(page):
    # A round trip to the page: console messages it sent before are delivered by then.
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 50))")
    return page.violations


def log_in(page, django_user_model):
    django_user_model.objects.create_superuser("redaction", "redaction@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("redaction")
    page.get_by_label(re.compile(r"Mot de passe|Password")).fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    expect(page.get_by_role("heading", name="Territoires participatifs", level=1)).to_be_visible()


def test_the_policy_blocks_inline_code_and_the_test_sees_it(watched_page, site_pages):
    """A control: the browser enforces the policy, and a violation reaches the list the tests read."""
    watched_page.goto("/")
    with watched_page.expect_console_message(lambda message: VIOLATION in message.text):
        watched_page.evaluate(
            "() => document.head.append(Object.assign(document.createElement('script'), {textContent: 'window.x = 1'}))"
        )
    assert "script-src-elem blocked inline " in violations(watched_page)[0]
    assert watched_page.evaluate("() => window.x") is None


def test_a_video_loads_in_its_player_frame_when_asked(watched_page, site_pages, monkeypatch):
    monkeypatch.setattr(
        "wagtail.embeds.embeds.get_embed",
        lambda url, max_width=None, max_height=None: Embed(
            url=url, html=f'<iframe src="{PLAYER_URL}" title="Présentation du réseau" allowfullscreen></iframe>'
        ),
    )
    video_page = StandardPageFactory(
        parent=site_pages.get_parent(),
        title="La rencontre en vidéo",
        body=[("embed", {"embed": VIDEO_URL, "title": "Présentation du réseau"})],
    )
    # The player answers offline; a frame the policy refused would never ask for it.
    player_page = "<!DOCTYPE html><meta charset=utf-8><p>Lecteur vidéo</p>"
    watched_page.route(PLAYER_URL, lambda route: route.fulfill(content_type="text/html", body=player_page))
    watched_page.goto(video_page.url)
    watched_page.get_by_role("button", name="Charger la vidéo ici").click()

    player = watched_page.frame_locator(f"iframe[src='{PLAYER_URL}']")
    expect(player.get_by_text("Lecteur vidéo")).to_be_visible()
    assert violations(watched_page) == []


def test_an_editor_uses_the_userbar_on_a_public_page(watched_page, site_pages, django_user_model):
    log_in(watched_page, django_user_model)
    visit(watched_page, STANDARD_PAGE_PATH)

    watched_page.locator("#wagtail-userbar-trigger").click()

    expect(watched_page.locator("#wagtail-userbar-items")).to_be_visible()
    expect(watched_page.get_by_role("menuitem", name="Modifier cette page")).to_be_visible()
    assert violations(watched_page) == []


def test_the_page_editor_works_with_its_preview(watched_page, site_pages, django_user_model):
    log_in(watched_page, django_user_model)
    errors = []
    watched_page.on("pageerror", lambda error: errors.append(str(error)))
    visit(watched_page, f"/admin/pages/{site_pages.pk}/edit/")

    body = watched_page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insérer un bloc").first.click()
    watched_page.get_by_role("option", name="Citation").click()
    quotes = body.locator("[data-contentpath='quote'] textarea")
    expect(quotes).to_have_count(2)  # the page's quote and the new one, still empty
    new_quote = next(quote for quote in quotes.all() if quote.input_value() == "")
    new_quote.fill("Les habitants décident ensemble.")

    watched_page.locator("[data-side-panel-toggle='preview']").click()
    preview = watched_page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_text("Les habitants décident ensemble.")).to_be_visible(timeout=15_000)

    watched_page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(watched_page.get_by_text(re.compile(r"La page «\s.+\s» a été mise à jour"))).to_be_visible()
    assert errors == []
    assert violations(watched_page) == []
