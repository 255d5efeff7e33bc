"""A visitor searching the site: title suggestions picked with the keyboard, results, facets."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page_set import SEARCH_NEWS_TITLE, SEARCH_TERM

pytestmark = pytest.mark.e2e

# The start of two page titles: the content page's and the dossier's ("Territoires participatifs").
SUGGESTION_PREFIX = "terr"
SUGGESTED_TITLES = {"Territoires en transition : retour sur la rencontre", "Territoires participatifs"}
SUGGESTED_COUNT = 4  # and the pages whose summary says « territoires »
HEADER_BOX_NAME = "Rechercher sur le site"


def test_visitor_picks_a_suggestion_with_the_keyboard_then_searches_narrows_by_type_and_opens_a_result(
    page, site_pages
):
    page.goto("/")
    header = page.get_by_role("banner")
    box = header.get_by_role("combobox", name=HEADER_BOX_NAME)
    expect(box).to_have_attribute("aria-expanded", "false")

    box.focus()
    page.keyboard.type(SUGGESTION_PREFIX)

    suggestions = header.get_by_role("listbox", name="Suggestions")
    expect(suggestions).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", suggestions.get_attribute("id"))
    options = suggestions.get_by_role("option")
    # Ranked as the results page ranks them: the two title matches first, then pages that use the word.
    expect(options).to_have_count(SUGGESTED_COUNT)
    assert set(options.all_inner_texts()[: len(SUGGESTED_TITLES)]) == SUGGESTED_TITLES
    expect(header.get_by_role("status")).to_have_text(f"{SUGGESTED_COUNT} suggestions disponibles.")
    # Nothing is chosen until the visitor moves into the list: Enter would still search for "terr".
    expect(options.first).to_have_attribute("aria-selected", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))

    page.keyboard.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(options.last).to_have_attribute("aria-selected", "false")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(box).to_be_focused()  # the focus stays in the box, the list only shows where it is

    page.keyboard.press("Escape")
    expect(suggestions).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))

    page.keyboard.press("ArrowDown")  # opens the list again on its first option
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    title = first.inner_text()
    path = first.get_attribute("data-url")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"{re.escape(path)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Back in the header box, a word and Enter with no suggestion chosen: the form is sent.
    box = page.get_by_role("banner").get_by_role("combobox", name=HEADER_BOX_NAME)
    box.focus()
    page.keyboard.type(SEARCH_TERM)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/recherche/\?q={SEARCH_TERM}$"))
    main = page.get_by_role("main")
    # The home page, the content page, the dossier and one article mention the word.
    expect(main.get_by_role("status")).to_have_text(f"4 résultats pour « {SEARCH_TERM} »")
    marks = main.locator(".search-results mark")
    expect(marks.first).to_be_visible()
    assert {mark.lower() for mark in marks.all_inner_texts()} == {SEARCH_TERM}

    types = main.get_by_role("navigation", name="Affiner les résultats").get_by_role("list", name="Par type")
    expect(types.locator("[aria-current]")).to_have_text("Tous les types")
    types.get_by_role("link", name="Actualités (1)").focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/recherche/\?q={SEARCH_TERM}&type=actualites$"))
    expect(main.get_by_role("status")).to_have_text(f"1 résultat pour « {SEARCH_TERM} »")
    expect(types.locator("[aria-current]")).to_have_text("Actualités (1)")
    expect(types.locator("[aria-current]")).to_have_attribute("aria-current", "true")
    expect(types.get_by_role("link", name="Tous les types")).to_be_visible()
    result_links = main.locator(".search-results h3").get_by_role("link")
    expect(result_links).to_have_text([SEARCH_NEWS_TITLE])
    # The search term stays in the header box, where the visitor can change it.
    expect(page.get_by_role("banner").get_by_role("combobox", name=HEADER_BOX_NAME)).to_have_value(SEARCH_TERM)

    result_links.first.focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/actualites/sobriete-energetique/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(SEARCH_NEWS_TITLE)


def test_search_and_its_facets_work_without_javascript(page_without_javascript, site_pages):
    page = page_without_javascript
    page.goto("/")
    header = page.get_by_role("banner")

    # No script, no combobox: a plain search box in a GET form, and no empty suggestion list.
    expect(header.get_by_role("combobox")).to_have_count(0)
    expect(header.get_by_role("listbox")).to_have_count(0)
    box = header.get_by_role("searchbox", name=HEADER_BOX_NAME)
    expect(box).not_to_have_attribute("role", re.compile(".*"))
    box.fill(SEARCH_TERM)
    box.press("Enter")

    expect(page).to_have_url(re.compile(rf"/recherche/\?q={SEARCH_TERM}$"))
    main = page.get_by_role("main")
    expect(main.get_by_role("status")).to_have_text(f"4 résultats pour « {SEARCH_TERM} »")
    expect(main.locator(".search-results mark").first).to_have_text(re.compile(SEARCH_TERM, re.IGNORECASE))

    main.get_by_role("link", name="Actualités (1)").click()
    expect(main.get_by_role("status")).to_have_text(f"1 résultat pour « {SEARCH_TERM} »")
    main.get_by_role("link", name=SEARCH_NEWS_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEARCH_NEWS_TITLE)
