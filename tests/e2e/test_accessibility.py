"""Each page kind passes axe-core's WCAG 2.1 A and AA rules as rendered by a real browser."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.page_set import EXPECTED_STATUS, JOIN_PATH, NEWSLETTER_PATH, PAGE_PATHS, page_path

pytestmark = pytest.mark.e2e

# RGAA 4.1 is built on WCAG 2.1 AA; axe's best-practice rules are left out as they are not criteria.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _describe(violations):
    lines = []
    for violation in violations:
        targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"])
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_PATHS)
def test_page_has_no_wcag_21_aa_violation(page, site_pages, kind):
    path = page_path(kind)
    response = page.goto(path, wait_until="load")
    assert response.status == EXPECTED_STATUS[kind], f"{path} answered {response.status}"
    assert page.locator("main#contenu h1").count() == 1, f"{path} did not render a page with its h1"

    results = Axe().run(page, options=WCAG_21_AA)

    violations = results.response["violations"]
    assert not violations, f"axe found {len(violations)} WCAG 2.1 AA violation(s) on {path}:\n{_describe(violations)}"


def assert_no_violation_on_form_in_error(page):
    expect(page.get_by_role("alert")).to_contain_text("Le formulaire contient")
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()

    results = Axe().run(page, options=WCAG_21_AA)

    violations = results.response["violations"]
    assert not violations, (
        f"axe found {len(violations)} WCAG 2.1 AA violation(s) on the form in error at {page.url}:\n"
        f"{_describe(violations)}"
    )


def test_join_form_sent_empty_shows_its_errors_without_wcag_21_aa_violation(page, site_pages, settings):
    settings.SPAM_MIN_SECONDS = 0  # sent at once, as a person checking what is required would
    page.goto(JOIN_PATH)
    page.get_by_role("button", name="Envoyer ma demande").click()

    assert_no_violation_on_form_in_error(page)


def test_newsletter_form_sent_with_errors_shows_them_without_wcag_21_aa_violation(page, site_pages, settings):
    settings.SPAM_MIN_SECONDS = 0
    page.goto(NEWSLETTER_PATH)
    form = page.get_by_role("main").get_by_role("form")
    form.get_by_label("Votre adresse de courriel").fill("adresse-sans-arobase")
    form.get_by_role("button", name="S'inscrire").click()  # the consent box left unticked

    expect(page.get_by_role("alert").get_by_role("link")).to_have_count(2)
    assert_no_violation_on_form_in_error(page)


def assert_no_violation(page, what):
    results = Axe().run(page, options=WCAG_21_AA)

    violations = results.response["violations"]
    assert not violations, f"axe found {len(violations)} WCAG 2.1 AA violation(s) {what}:\n{_describe(violations)}"


def test_header_search_suggestions_open_and_chosen_have_no_wcag_21_aa_violation(page, site_pages):
    page.goto("/")
    header = page.get_by_role("banner")
    box = header.get_by_role("combobox", name="Rechercher sur le site")
    box.focus()
    page.keyboard.type("terr")
    suggestions = header.get_by_role("listbox", name="Suggestions")
    expect(suggestions).to_be_visible()
    expect(suggestions.get_by_role("option").first).to_be_visible()

    assert_no_violation(page, "with the header's suggestion list open")

    # The chosen option is drawn in other colours: they must keep their contrast too.
    page.keyboard.press("ArrowDown")
    expect(suggestions.get_by_role("option").first).to_have_attribute("aria-selected", "true")

    assert_no_violation(page, "with a suggestion chosen in the header's list")
