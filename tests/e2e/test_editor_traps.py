"""Traps a Rédacteur fell into while writing in the admin, each driven as they clicked it."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage, NewsPage
from tests.e2e.quiet import wait_until_quiet
from tests.e2e.test_editorial_workflow import log_in, staff_member

pytestmark = pytest.mark.e2e

ACCENTED_TITLE = "Jardins partagés : la récolte"


@pytest.fixture
def redacteur_in_news(site_pages, django_user_model, admin_page):
    staff_member(django_user_model, "redaction", "Rédacteurs")
    log_in(admin_page, "redaction")
    return NewsIndexPage.objects.get()


def new_article_form(page, news_index):
    page.goto(f"/admin/pages/add/news/newspage/{news_index.pk}/")
    expect(page.get_by_role("heading", name="Nouveau: Actualité")).to_be_visible()
    wait_until_quiet(page)


def type_title(page, title):
    """Typed, then left: the admin derives the page's address from the title when the field loses focus."""
    field = page.get_by_role("textbox", name=re.compile(r"^Titre"))
    field.fill(title)
    field.blur()
    expect(page.locator("#id_slug")).not_to_have_value("")


def test_an_accented_title_gives_a_plain_web_address(admin_page, redacteur_in_news):
    new_article_form(admin_page, redacteur_in_news)
    type_title(admin_page, ACCENTED_TITLE)

    expect(admin_page.locator("#id_slug")).to_have_value("jardins-partages-la-recolte")


def test_an_abandoned_draft_does_not_block_a_new_article_with_the_same_title(admin_page, redacteur_in_news):
    """The admin saves a new article as a draft as soon as its title is typed; the editor leaves it there,
    starts again from « Ajouter une sous-page » and saves the same title."""
    new_article_form(admin_page, redacteur_in_news)
    type_title(admin_page, ACCENTED_TITLE)
    admin_page.get_by_role("textbox", name="Chapô").fill("Première tentative, abandonnée.")
    admin_page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(admin_page.get_by_text(f"Page « {ACCENTED_TITLE} » créée.")).to_be_visible()

    new_article_form(admin_page, redacteur_in_news)
    type_title(admin_page, ACCENTED_TITLE)
    admin_page.get_by_role("textbox", name="Chapô").fill("Seconde version, celle qui sera relue.")
    admin_page.get_by_role("button", name="Enregistrer le brouillon").click()

    expect(admin_page.get_by_text(f"Page « {ACCENTED_TITLE} » créée.")).to_be_visible()
    assert sorted(NewsPage.objects.filter(title=ACCENTED_TITLE).values_list("slug", flat=True)) == [
        "jardins-partages-la-recolte",
        "jardins-partages-la-recolte-2",
    ]


def test_the_gallery_asks_for_two_images_only_once_the_editor_saves(admin_page, site_pages, django_user_model):
    """A new gallery starts empty: a « 2 images minimum » error before any image could be chosen tells
    the editor they did something wrong when they did nothing yet."""
    staff_member(django_user_model, "redaction", "Rédacteurs")
    log_in(admin_page, "redaction")
    admin_page.goto(f"/admin/pages/{site_pages.pk}/edit/")
    wait_until_quiet(admin_page)
    body = admin_page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insérer un bloc").last.click()
    admin_page.get_by_role("option", name="Galerie « Retour en images »").click()
    gallery = body.locator("[data-contentpath='images']").last
    expect(gallery).to_be_visible()
    expect(body.get_by_text("Ajoutez au moins deux images")).to_have_count(0)
    expect(body.get_by_text("Le nombre minimum d'éléments est 2")).to_have_count(0)

    admin_page.get_by_role("button", name="Enregistrer le brouillon").click()

    expect(admin_page.get_by_text("Ajoutez au moins deux images à la galerie.")).to_be_visible()


def tag_field(page):
    return page.locator("[data-contentpath='tags']").get_by_role("textbox")


def tags_shown(page):
    return page.locator("[data-contentpath='tags'] .tagit-choice .tagit-label").all_inner_texts()


def edited_page_id(page):
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    return int(re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1))


@pytest.fixture
def known_tags(site_pages):
    """Tags other pages already use: typing one opens the suggestion list."""
    from taggit.models import Tag

    for name in ("participation", "biodiversité urbaine", "climat"):
        Tag.objects.get_or_create(name=name)


def test_enter_with_the_suggestion_list_open_adds_the_tag(admin_page, redacteur_in_news, known_tags):
    new_article_form(admin_page, redacteur_in_news)
    field = tag_field(admin_page)
    suggestions = admin_page.locator("ul.ui-autocomplete")

    field.press_sequentially("participation")
    expect(suggestions.get_by_text("participation")).to_be_visible()
    field.press("Enter")
    field.press_sequentially("biodiversité urbaine")
    expect(suggestions.get_by_text("biodiversité urbaine")).to_be_visible()
    field.press("Enter")

    expect(admin_page.locator("[data-contentpath='tags'] .tagit-choice")).to_have_count(2)
    # A tag of several words is shown between quotes, as it is written in the field.
    assert tags_shown(admin_page) == ["participation", '"biodiversité urbaine"']
    type_title(admin_page, "Un jardin de quartier")
    admin_page.get_by_role("textbox", name="Chapô").fill("Les habitants plantent ensemble.")
    admin_page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(admin_page.get_by_text("Page « Un jardin de quartier » créée.")).to_be_visible()
    # The page the editor is taken to: Wagtail's autosave may have saved an earlier copy of the form
    # on its own while the click was on its way, on a slow machine.
    saved = NewsPage.objects.get(pk=edited_page_id(admin_page)).get_latest_revision_as_object()
    assert sorted(tag.name for tag in saved.tags.all()) == ["biodiversité urbaine", "participation"]


def test_a_suggestion_picked_with_the_keyboard_becomes_a_tag(admin_page, redacteur_in_news, known_tags):
    new_article_form(admin_page, redacteur_in_news)
    field = tag_field(admin_page)

    field.press_sequentially("clim")
    expect(admin_page.locator("ul.ui-autocomplete").get_by_text("climat")).to_be_visible()
    field.press("ArrowDown")
    field.press("Enter")

    expect(admin_page.locator("[data-contentpath='tags'] .tagit-choice")).to_have_count(1)
    assert tags_shown(admin_page) == ["climat"]


def test_pasted_tags_separated_by_commas_become_separate_tags(admin_page, redacteur_in_news):
    new_article_form(admin_page, redacteur_in_news)
    field = tag_field(admin_page)
    field.focus()

    admin_page.evaluate(
        """() => {
            const input = document.querySelector("[data-contentpath='tags'] input.ui-autocomplete-input");
            const data = new DataTransfer();
            data.setData("text/plain", "climat, tiers-lieux");
            input.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }"""
    )
    field.press("Enter")

    expect(admin_page.locator("[data-contentpath='tags'] .tagit-choice")).to_have_count(2)
    assert tags_shown(admin_page) == ["climat", "tiers-lieux"]
