"""A Rédacteur writes a news article in the admin and submits it; a Modérateur approves it; readers find it.

The whole path goes through the Wagtail admin as staff click it. The test counts the clicks and the
fields that writing and approving an article take; under `make guide-shots` it leaves the screenshots
that docs/guide-redaction.md shows (docs/img/).
"""

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from django.conf import settings
from django.contrib.auth.models import Group

from wagtail.models import Collection, WorkflowState

from images.factories import ImageFactory
from news.models import NewsIndexPage, NewsPage
from tests.e2e.conftest import ADMIN_VIEWPORT as VIEWPORT
from tests.e2e.page_set import ARTICLE_PATH, RARE_TAG
from tests.e2e.quiet import wait_until_quiet

pytestmark = pytest.mark.e2e

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "img"
# Set by `make guide-shots`, which redraws the guide's pictures.
GUIDE_SHOTS_VARIABLE = "GUIDE_SCREENSHOTS"
PASSWORD = "mot-de-passe-solide-2026"  # noqa: S105 - accounts of the test database only
TITLE = "Un budget participatif pour les collèges du Nord"
CHAPO = "Dans six collèges, les élèves votent pour des projets d'économies d'énergie et de cours végétalisées."
AUTHORS = "Jeanne Martin, Karim Benali"
PARAGRAPH = "Chaque classe a présenté un projet ; le vote a lieu en juin, au collège et en ligne."
IMAGE_TITLE = "Vote au collège"
THEMES = ["Participation citoyenne", "Climat"]
TAGS = [RARE_TAG, "participation", "jeunesse"]
SIMILAR = "Découvrez d'autres contenus similaires"


class Tally:
    """The clicks and the fields of one person's task, counted as the test performs them."""

    def __init__(self):
        self.clicks = 0
        self.fields = 0

    def click(self, locator):
        locator.click()
        self.clicks += 1

    def fill(self, locator, value):
        locator.fill(value)
        self.fields += 1


def staff_member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@exemple.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def photo():
    """A landscape picture for the media library: a sky, a hall and people queuing at a ballot box."""
    image = Image.new("RGB", (1600, 900))
    draw = ImageDraw.Draw(image)
    for y in range(900):
        shade = y / 900
        draw.line([(0, y), (1600, y)], fill=(int(246 - 200 * shade), int(211 - 60 * shade), int(101 + 42 * shade)))
    draw.rectangle([0, 620, 1600, 900], fill=(62, 52, 95))
    draw.rectangle([1180, 430, 1420, 640], fill=(240, 240, 235), outline=(40, 40, 40), width=6)
    draw.rectangle([1250, 440, 1350, 455], fill=(40, 40, 40))
    for index, x in enumerate(range(180, 1100, 150)):
        colour = [(231, 111, 81), (42, 157, 143), (233, 196, 106), (38, 70, 83)][index % 4]
        draw.ellipse([x, 360, x + 90, 450], fill=(120, 85, 60))
        draw.rounded_rectangle([x - 20, 460, x + 110, 700], radius=40, fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    buffer.seek(0)
    buffer.name = "vote-au-college.jpg"
    return buffer


def shot(page, name):
    """The picture of the screen for the editors' guide, taken under `make guide-shots` only: the
    journey is checked on every run, but redrawn PNGs would leave `make test` with a changed tree."""
    if not os.environ.get(GUIDE_SHOTS_VARIABLE):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Playwright scrolls what it clicks into view, sometimes sideways inside the admin's <main>,
    # which clips the left edge of the form; people never see it shifted.
    page.locator("main").first.evaluate("main => main.scrollTo({left: 0})")
    # Finite CSS transitions (the action menu fades in) are finished before the picture is taken.
    page.screenshot(path=SCREENSHOTS / name, animations="disabled")


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    # Wagtail's login form leaves its password field unlabelled, so Django shows the field's name.
    page.get_by_label(re.compile(r"Mot de passe|Password")).fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    expect(page.get_by_role("heading", name="Territoires participatifs", level=1)).to_be_visible()


def log_out(page, username):
    page.get_by_role("button", name=username).click()
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("heading", name="S'identifier")).to_be_visible()


@pytest.fixture
def library_photo(site_pages):
    """A photo in the media library's root collection, where staff upload: the page set's images each
    sit in a root collection of their own (wagtail_factories' default), which the image chooser does
    not list."""
    return ImageFactory(
        title=IMAGE_TITLE,
        description="Des collégiens font la queue devant une urne dans le hall de leur collège",
        credit="Département du Nord",
        collection=Collection.get_first_root_node(),
        file__from_func=photo,
    )


def write_and_submit(page, news_index):
    """From the dashboard to « Soumettre à Relecture », as a Rédacteur does it; returns the tally."""
    writing = Tally()
    writing.click(page.get_by_role("button", name="Pages"))
    writing.click(page.get_by_role("link", name="Voir les sous-pages de 'Accueil'"))
    writing.click(page.get_by_role("link", name="Actualités", exact=True))
    expect(page).to_have_url(re.compile(rf"/admin/pages/{news_index.pk}/$"))
    expect(page.get_by_role("link", name="Ajouter une sous-page")).to_be_visible()
    shot(page, "01-explorateur-actualites.png")

    # A news index only takes articles: « Ajouter une sous-page » opens the article form directly.
    writing.click(page.get_by_role("link", name="Ajouter une sous-page"))
    expect(page.get_by_role("heading", name="Nouveau: Actualité")).to_be_visible()
    wait_until_quiet(page)
    assert not page.script_errors, f"the article form's scripts failed to load or start: {page.script_errors}"
    writing.fill(page.get_by_role("textbox", name=re.compile(r"^Titre")), TITLE)
    writing.fill(page.get_by_role("textbox", name="Chapô"), CHAPO)

    writing.click(page.get_by_role("button", name="Choisir une image"))
    chooser = page.get_by_role("dialog").filter(has=page.get_by_role("heading", name="Choisir une image"))
    photo_choice = chooser.get_by_role("link", name=IMAGE_TITLE)
    expect(photo_choice, "a Rédacteur can choose the media library's images").to_be_visible()
    writing.click(photo_choice)
    expect(chooser).to_be_hidden()
    expect(page.locator("[data-contentpath='hero_image']").get_by_text(IMAGE_TITLE)).to_be_visible()
    writing.fields += 1

    writing.fill(page.get_by_role("textbox", name="Auteurs"), AUTHORS)

    # The body is a StreamField: « + » (« Insérer un bloc ») lists the blocks, « Texte » is the
    # Draftail rich text editor, a contenteditable that takes typing, not fill().
    body = page.locator("[data-contentpath='body']")
    writing.click(body.get_by_role("button", name="Insérer un bloc"))
    writing.click(page.get_by_role("option", name="Texte"))
    writing.click(body.get_by_role("textbox"))
    page.keyboard.type(PARAGRAPH)
    expect(body.get_by_role("textbox")).to_have_text(PARAGRAPH)
    writing.fields += 1
    # Taller than the others so that the guide shows the form from the title to the body.
    page.set_viewport_size({"width": VIEWPORT["width"], "height": 1250})
    page.locator("main").first.evaluate("main => main.scrollTo(0, 0)")
    shot(page, "02-nouvelle-actualite.png")
    page.set_viewport_size(VIEWPORT)

    # Tags: type a word and press Enter; themes are checkboxes.
    tags = page.locator("[data-contentpath='tags']").get_by_role("textbox")
    for tag in TAGS:
        tags.press_sequentially(tag)
        tags.press("Enter")
    expect(page.locator("[data-contentpath='tags'] .tagit-choice")).to_have_count(len(TAGS))
    writing.fields += 1
    for theme in THEMES:
        writing.click(page.get_by_role("checkbox", name=theme))
    writing.fields += 1
    page.locator("#panel-child-contenu-themes_et_etiquettes-section").evaluate(
        "section => section.scrollIntoView({block: 'center'})"
    )
    shot(page, "03-etiquettes-themes.png")

    # Wagtail saves the draft by itself while one types (« Enregistré » at the top); the first save
    # turns the creation form into the page's edit form. Submitting before it would create the page
    # twice, so wait as a person sees it.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text("Enregistré", exact=True)).to_be_visible()
    writing.click(page.get_by_role("button", name="Plus d'actions"))
    submit = page.get_by_role("button", name="Soumettre à Relecture")
    expect(submit).to_be_visible()
    shot(page, "04-soumettre-moderation.png")
    writing.click(submit)
    expect(page.get_by_text(f"La page « {TITLE} » a été soumise pour modération.")).to_be_visible()
    return writing


def review_and_approve(page):
    """From the dashboard's « En attente de votre vérification » to the approval, as a Modérateur."""
    reviewing = Tally()
    awaiting = page.locator("section").filter(has=page.get_by_role("heading", name="En attente de votre vérification"))
    reviewing.click(awaiting.get_by_role("link", name=TITLE))
    expect(page.get_by_role("textbox", name=re.compile(r"^Titre"))).to_have_value(TITLE)
    reviewing.click(page.get_by_role("button", name="Plus d'actions"))
    expect(page.get_by_role("button", name="Demander des modifications")).to_be_visible()
    expect(page.get_by_role("button", name="Approuver et Publier", exact=True)).to_be_visible()
    shot(page, "05-relecture-moderateur.png")
    reviewing.click(page.get_by_role("button", name="Approuver avec un commentaire et Publier"))
    modal = page.get_by_role("dialog").filter(has=page.get_by_role("heading", name="Approuver avec un commentaire"))
    reviewing.fill(modal.get_by_label("Commenter"), "Relu : les chiffres sont ceux du Département.")
    reviewing.click(modal.get_by_role("button", name="Approuver avec un commentaire"))
    expect(page.get_by_text(f"La page « {TITLE} » a été mise à jour.")).to_be_visible()
    # Back in the news list, the article's status reads « publiée ».
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))
    expect(row.get_by_role("link", name=re.compile(r"actuel de la page : publiée"))).to_be_visible()
    return reviewing


def test_a_redacteur_writes_an_article_that_a_moderateur_approves_and_readers_find(
    admin_page, site_pages, library_photo, django_user_model
):
    page = admin_page
    staff_member(django_user_model, "redactrice", "Rédacteurs")
    staff_member(django_user_model, "moderateur", "Modérateurs")
    news_index = NewsIndexPage.objects.get()

    log_in(page, "redactrice")
    writing = write_and_submit(page, news_index)
    print(f"\nRédaction : {writing.clicks} clics, {writing.fields} champs (connexion non comptée)")

    article = NewsPage.objects.get(title=TITLE)
    assert not article.live
    assert article.has_unpublished_changes
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == "redactrice"

    log_out(page, "redactrice")
    log_in(page, "moderateur")
    reviewing = review_and_approve(page)
    print(f"Relecture : {reviewing.clicks} clics, {reviewing.fields} champ(s) (connexion non comptée)")

    article.refresh_from_db()
    state.refresh_from_db()
    assert article.live
    assert state.status == WorkflowState.STATUS_APPROVED
    assert article.hero_image == library_photo
    assert sorted(article.tags.names()) == sorted(TAGS)
    assert sorted(article.themes.values_list("name", flat=True)) == sorted(THEMES)
    assert article.body.raw_data[0]["type"] == "paragraph" and PARAGRAPH in article.body.raw_data[0]["value"]

    # A visitor: the news list shows the article, and an older article sharing the rare tag suggests it
    # first among its similar contents.
    page.context.clear_cookies()
    page.goto("/actualites/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.goto(ARTICLE_PATH)
    similar = page.get_by_role("region", name=SIMILAR)
    expect(similar.get_by_role("link").first).to_have_text(TITLE)
    similar.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(f"Par {AUTHORS}")).to_be_visible()
    expect(page.get_by_role("img", name=library_photo.description)).to_be_visible()
    # Down to the hero image's credit, which the guide's picture shows.
    credit = page.locator(".article__hero figcaption")
    expect(credit).to_have_text(f"© {library_photo.credit}")
    bottom = credit.bounding_box()["y"] + credit.bounding_box()["height"] + 24
    page.set_viewport_size({"width": VIEWPORT["width"], "height": int(max(bottom, VIEWPORT["height"]))})
    shot(page, "06-actualite-publiee.png")
