"""Traps a Rédacteur fell into while writing in the admin, each driven as they clicked it."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage, NewsPage
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
    page.wait_for_load_state("networkidle")


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
    admin_page.wait_for_load_state("networkidle")
    body = admin_page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insérer un bloc").last.click()
    admin_page.get_by_role("option", name="Galerie « Retour en images »").click()
    gallery = body.locator("[data-contentpath='images']").last
    expect(gallery).to_be_visible()
    expect(body.get_by_text("Ajoutez au moins deux images")).to_have_count(0)
    expect(body.get_by_text("Le nombre minimum d'éléments est 2")).to_have_count(0)

    admin_page.get_by_role("button", name="Enregistrer le brouillon").click()

    expect(admin_page.get_by_text("Ajoutez au moins deux images à la galerie.")).to_be_visible()
