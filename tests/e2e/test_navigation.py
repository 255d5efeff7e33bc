"""What a keyboard user, or a visitor without JavaScript, relies on to move around the site."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page_set import SEARCH_TERM, SECTION_PATH, STANDARD_PAGE_PATH

pytestmark = pytest.mark.e2e

# Skip link, brand, two menu entries, then the search field: a few more presses leave room for a new link.
MAX_TABS_TO_SEARCH = 10


def _is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def test_first_tab_reaches_the_visible_skip_link_and_enter_moves_focus_to_the_content(page, site_pages):
    page.goto(STANDARD_PAGE_PATH)

    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="Aller au contenu")
    expect(skip_link).to_be_focused()
    # Hidden above the page until focused: a sighted keyboard user must see where focus is.
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.locator("main#contenu")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#contenu$"))


def test_main_menu_marks_the_section_of_the_page_shown(page, site_pages):
    menu = page.get_by_role("navigation", name="Menu principal")

    page.goto(STANDARD_PAGE_PATH)
    expect(menu.get_by_role("link", name="Le réseau")).to_have_attribute("aria-current", "true")
    expect(menu.get_by_role("link", name="Ressources")).not_to_have_attribute("aria-current", re.compile(".*"))

    page.goto(SECTION_PATH)
    expect(menu.get_by_role("link", name="Le réseau")).to_have_attribute("aria-current", "page")


def test_header_search_submitted_with_the_keyboard_shows_the_result_count(page, site_pages):
    page.goto("/")
    # With JavaScript, the box is a combobox that suggests titles (tests/e2e/test_search_journey.py).
    search_field = page.get_by_role("banner").get_by_role("combobox", name="Rechercher sur le site")

    for _ in range(MAX_TABS_TO_SEARCH):
        page.keyboard.press("Tab")
        if _is_focused(search_field):
            break
    expect(search_field).to_be_focused()
    page.keyboard.type(SEARCH_TERM)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/recherche/\?q={SEARCH_TERM}$"))
    # The home page (its hero text), the content page and the dossier (their titles), and one article
    # (its chapô) mention the word.
    expect(page.get_by_role("status")).to_have_text(f"4 résultats pour « {SEARCH_TERM} »")
    expect(page.get_by_role("link", name=site_pages.title)).to_be_visible()


def test_menu_content_and_search_work_without_javascript(page_without_javascript, site_pages):
    page = page_without_javascript
    page.goto(STANDARD_PAGE_PATH)

    menu = page.get_by_role("navigation", name="Menu principal")
    expect(menu.get_by_role("link", name="Le réseau")).to_be_visible()
    expect(menu.get_by_role("link", name="Centre de ressources")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name=site_pages.title)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Retour en images")).to_be_visible()
    expect(page.get_by_role("img", name="La salle pendant la plénière")).to_be_visible()

    # Search is a plain GET form: it must not need a script to be submitted.
    page.get_by_role("banner").get_by_role("searchbox", name="Rechercher sur le site").fill(SEARCH_TERM)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(f"4 résultats pour « {SEARCH_TERM} »")
