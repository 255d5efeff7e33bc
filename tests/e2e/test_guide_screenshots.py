"""Every task of the editors' guide, driven in the admin by the role that does it, screen by screen.

Each test opens the screen that a section of docs/guide-redaction.md describes, checks that the
buttons and fields the guide names are there under their French labels; under `make guide-shots` it
leaves the picture the guide shows (docs/img/07-… onwards). A changed screen fails here before the
guide goes stale.
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.core.files.base import ContentFile
from django.utils import timezone

import wagtail_factories
from wagtail.models import Collection

from network.directory.models import Actor
from network.membership.models import AnswerRole, JoinFormPage, MembershipRequest
from network.newsletter.factories import SubscriberFactory
from network.newsletter.models import NewsletterIndexPage, NewsletterPage
from news.factories import NewsPageFactory, classify
from news.models import EventIndexPage, NewsIndexPage, ResourceIndexPage
from tests.e2e.conftest import ADMIN_VIEWPORT as VIEWPORT
from tests.e2e.quiet import wait_until_quiet
from tests.e2e.test_editorial_workflow import log_in, log_out, shot, staff_member

pytestmark = pytest.mark.e2e


def field(page, label):
    """A form field by its label, which Wagtail ends with « * » when the field is required."""
    labelled = page.get_by_label(label, exact=True).or_(page.get_by_label(f"{label}*", exact=True))
    return labelled.and_(page.locator("input, select, textarea")).first


def show(page, locator, height=None):
    """Scroll the admin so that `locator` starts near the top of the picture, optionally taller."""
    if height:
        page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    locator.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.locator("main").first.evaluate("main => main.scrollBy(0, -16)")


def open_add_form(page, index_pk, heading):
    page.goto(f"/admin/pages/{index_pk}/")
    page.get_by_role("link", name="Ajouter une sous-page").first.click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    wait_until_quiet(page)
    assert not page.script_errors, page.script_errors


# 1. Se connecter et s'orienter


def test_each_role_sees_its_own_menu_and_dashboard(admin_page, site_pages, django_user_model):
    page = admin_page
    staff_member(django_user_model, "redactrice", "Rédacteurs")
    staff_member(django_user_model, "moderateur", "Modérateurs")
    SubscriberFactory(email="nadia.abonnee@example.org", first_name="Nadia")
    join_request()

    log_in(page, "redactrice")
    menu = page.get_by_role("navigation").first
    # « Paramètres » holds the search's synonyms for them; which settings they may open is the role
    # matrix's business (tests/home/test_admin_role_matrix.py).
    for item in ("Pages", "Étiquettes", "Acteurs", "Images", "Documents", "Paramètres", "Aide"):
        expect(menu.get_by_text(item, exact=True).first).to_be_visible()
    for hidden in ("Demandes d'adhésion", "Abonnés à la lettre"):
        expect(menu.get_by_text(hidden, exact=True)).to_have_count(0)
    shot(page, "07-tableau-de-bord-redacteur.png")

    log_out(page, "redactrice")
    log_in(page, "moderateur")
    menu = page.get_by_role("navigation").first
    for item in ("Pages", "Étiquettes", "Acteurs", "Demandes d'adhésion", "Abonnés à la lettre", "Paramètres"):
        expect(menu.get_by_text(item, exact=True).first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"demande\(s\) d'adhésion à traiter"))).to_be_visible()
    shot(page, "08-tableau-de-bord-moderateur.png")


def join_request():
    """A request as the public join form leaves it: every answer, the role each plays, the consent."""
    form = JoinFormPage.objects.get()
    answers = {
        AnswerRole.STRUCTURE: "Les Jardins partagés de Fives",
        AnswerRole.KIND: "Association",
        AnswerRole.COMMUNE: "Lille",
        AnswerRole.DEPARTMENT: "Nord",
        AnswerRole.CONTACT: "Camille Dupont",
        AnswerRole.EMAIL: "camille@jardins.example",
        AnswerRole.PHONE: "",
        AnswerRole.MOTIVATION: "Partager nos méthodes de concertation avec d'autres quartiers de la métropole.",
        AnswerRole.THEMES: ["Participation citoyenne", "Climat"],
    }
    roles = {question.clean_name: question.role for question in form.get_form_fields()}
    return MembershipRequest.objects.create(
        page=form,
        form_data={name: answers[role] for name, role in roles.items()},
        roles=roles,
        consent_text=form.consent_text,
        consent_at=timezone.now() - timedelta(hours=3),
        email="camille@jardins.example",
        structure_name="Les Jardins partagés de Fives",
        kind="Association",
        department="Nord",
    )


# 3. Créer un événement


def test_a_redacteur_announces_an_event(admin_page, site_pages, django_user_model):
    page = admin_page
    staff_member(django_user_model, "redactrice", "Rédacteurs")
    log_in(page, "redactrice")
    open_add_form(page, EventIndexPage.objects.get().pk, "Nouveau: Événement")

    field(page, "Titre").fill("Atelier « Budget participatif » à Roubaix")
    field(page, "Chapô").fill("Une soirée pour comprendre comment proposer un projet et le défendre au vote.")
    # The next 3 June: an announced event is ahead, and the picture changes once a year only.
    today = timezone.localdate()
    day = f"03/06/{today.year if (today.month, today.day) < (6, 3) else today.year + 1}"
    start = field(page, "Début")
    start.fill(f"{day} 18:30")
    start.press("Escape")
    expect(start).to_have_value(f"{day} 18:30")
    end = field(page, "Fin")
    end.fill(f"{day} 21:00")
    end.press("Escape")
    expect(field(page, "Toute la journée")).not_to_be_checked()
    expect(field(page, "Statut")).to_have_value("prevu")
    field(page, "Format").select_option(label="Hybride")
    field(page, "Lieu").fill("Maison des transitions")
    field(page, "Adresse").fill("12 rue de l'Épeule")
    field(page, "Code postal").fill("59100")
    field(page, "Commune").fill("Roubaix")
    field(page, "Lien de connexion").fill("https://example.org/visio-budget")
    page.get_by_role("radio", name="Sur un autre site").check()
    field(page, "Lien d'inscription").fill("https://example.org/inscription-budget")
    expect(field(page, "Tarif")).to_be_visible()
    expect(field(page, "Autres organisateurs et partenaires")).to_be_visible()
    show(page, page.get_by_text("Début", exact=True).first, height=1250)
    shot(page, "09-nouvel-evenement.png")


# 4. Publier une ressource


def test_a_redacteur_publishes_a_resource_with_a_document(admin_page, site_pages, django_user_model):
    page = admin_page
    staff_member(django_user_model, "redactrice", "Rédacteurs")
    wagtail_factories.DocumentFactory(
        title="Guide de la concertation — version courte",
        collection=Collection.get_first_root_node(),
        file=ContentFile(b"%PDF-1.4\n% Guide de la concertation\n", name="guide-concertation-court.pdf"),
    )
    log_in(page, "redactrice")
    open_add_form(page, ResourceIndexPage.objects.get().pk, "Nouveau: Ressource")

    field(page, "Titre").fill("Concerter les habitants : le guide pratique")
    field(page, "Type de ressource").select_option(label="Guide")
    field(page, "Année").fill("2025")
    field(page, "Chapô").fill("Dix fiches pour organiser une concertation, de l'invitation au compte rendu.")
    page.get_by_role("button", name="Ajouter un(e) Documents à télécharger").click()
    documents = page.get_by_role("region", name="Documents à télécharger")
    documents.get_by_role("button", name="Choisir un document").click()
    chooser = page.get_by_role("dialog").filter(has=page.get_by_role("heading", name="Choisir un document"))
    chooser.get_by_role("link", name="Guide de la concertation — version courte").click()
    expect(chooser).to_be_hidden()
    expect(documents.get_by_text("Guide de la concertation — version courte")).to_be_visible()
    field(documents, "Intitulé").fill("Guide de la concertation — version courte")
    expect(field(page, "Lien externe")).to_be_visible()
    show(page, page.get_by_text("Type de ressource", exact=True).first, height=1250)
    shot(page, "10-nouvelle-ressource.png")


# 5. Composer un dossier thématique


def test_a_redacteur_composes_a_dossier(admin_page, site_pages, django_user_model):
    page = admin_page
    staff_member(django_user_model, "redactrice", "Rédacteurs")
    log_in(page, "redactrice")
    page.goto(f"/admin/pages/{site_pages.get_parent().get_parent().pk}/")
    page.get_by_role("link", name="Ajouter une sous-page").first.click()
    page.get_by_role("link", name=re.compile(r"^Dossier thématique")).click()
    expect(page.get_by_role("heading", name="Nouveau: Dossier thématique")).to_be_visible()
    wait_until_quiet(page)

    field(page, "Titre").fill("Tiers-lieux et transitions")
    field(page, "Introduction").fill("Ce que les tiers-lieux du réseau apportent aux transitions locales.")
    gathered = (
        page.locator("section").filter(has=page.get_by_role("heading", name="Contenus rassemblés automatiquement")).last
    )
    gathered.get_by_label("Participation citoyenne").check()
    tags = page.locator("[data-contentpath='tags']").get_by_role("textbox")
    for tag in ("tiers-lieu", "codeveloppement"):
        tags.press_sequentially(tag)
        tags.press("Enter")
    expect(page.locator("[data-contentpath='tags'] .tagit-choice")).to_have_count(2)
    for kind in ("Inclure les actualités", "Inclure les événements", "Inclure les ressources"):
        expect(gathered.get_by_label(kind)).to_be_checked()
    expect(page.get_by_text("Contenus mis en avant").first).to_be_visible()
    show(page, gathered.get_by_role("heading", name="Contenus rassemblés automatiquement"))
    shot(page, "11-dossier-contenus-rassembles.png")


# 6. Entretenir les étiquettes


def test_a_moderateur_tidies_tags(admin_page, site_pages, django_user_model):
    page = admin_page
    staff_member(django_user_model, "moderateur", "Modérateurs")
    news = NewsIndexPage.objects.get()
    for title, tag in (
        ("Un tiers-lieu ouvre à Tourcoing", "tiers-lieu"),
        ("Trois tiers-lieux s'associent", "tiers-lieux"),
    ):
        classify(NewsPageFactory(parent=news, title=title), themes=[], tags=[tag, "participation"])
    log_in(page, "moderateur")
    page.get_by_role("navigation").first.get_by_text("Étiquettes", exact=True).click()
    expect(page.get_by_role("heading", name="Mots-clés", level=1)).to_be_visible()
    page.get_by_role("link", name="Utilisations").click()
    expect(page.get_by_role("link", name="tiers-lieux", exact=True)).to_be_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="tiers-lieux", exact=True))
    expect(row.get_by_role("link", name=re.compile(r"^Fusionner"))).to_be_visible()
    shot(page, "12-etiquettes.png")
    row.get_by_role("link", name=re.compile(r"^Fusionner")).click()
    expect(page.get_by_text("Fusionner une étiquette", exact=True)).to_be_visible()
    field(page, "Fusionner dans l'étiquette").select_option("tiers-lieu")
    expect(page.get_by_role("button", name="Fusionner", exact=True)).to_be_visible()
    shot(page, "13-fusionner-etiquette.png")


# 7. L'annuaire des acteurs


def test_a_redacteur_creates_an_actor(admin_page, site_pages, django_user_model):
    page = admin_page
    staff_member(django_user_model, "redactrice", "Rédacteurs")
    log_in(page, "redactrice")
    page.get_by_role("navigation").first.get_by_text("Acteurs", exact=True).click()
    page.get_by_role("link", name=re.compile(r"Ajouter un\(e\) acteur")).first.click()
    wait_until_quiet(page)
    field(page, "Nom").fill("Les Jardins partagés de Fives")
    field(page, "Type d'acteur").select_option(label="Association")
    field(page, "Description courte").fill("Une association qui cultive six jardins avec les habitants de Fives.")
    field(page, "Site internet").fill("https://example.org/jardins-fives")
    field(page, "Courriel public").fill("contact@jardins.example")
    field(page, "Commune").fill("Lille")
    field(page, "Département").fill("Nord")
    for label in ("Identifiant d'adresse", "Membre du réseau depuis", "Téléphone public", "Code postal"):
        expect(field(page, label)).to_be_visible()
    expect(page.get_by_role("button", name="Choisir une image")).to_be_visible()
    show(page, field(page, "Nom"), height=1250)
    shot(page, "14-nouvel-acteur.png")


# 8. Les demandes d'adhésion


def test_a_moderateur_decides_a_join_request(admin_page, site_pages, django_user_model):
    page = admin_page
    staff_member(django_user_model, "moderateur", "Modérateurs")
    join_request()
    log_in(page, "moderateur")
    page.get_by_role("navigation").first.get_by_text("Demandes d'adhésion", exact=True).click()
    row = page.get_by_role("row").filter(has_text="Les Jardins partagés de Fives")
    expect(row).to_contain_text("Nouvelle")
    row.get_by_role("link", name="Inspecter").click()
    expect(page.get_by_role("heading", name="Réponses au formulaire")).to_be_visible()
    expect(page.get_by_text("Partager nos méthodes de concertation")).to_be_visible()
    accept = page.get_by_role("button", name="Accepter et créer la fiche d'acteur en brouillon")
    expect(accept).to_be_visible()
    expect(page.get_by_role("button", name="Refuser", exact=True)).to_be_visible()
    accept.scroll_into_view_if_needed()
    shot(page, "15-demande-adhesion.png")
    accept.click()
    expect(field(page, "Nom")).to_have_value("Les Jardins partagés de Fives")
    actor = Actor.objects.get(name="Les Jardins partagés de Fives")
    assert not actor.live
    assert MembershipRequest.objects.get().status == MembershipRequest.Status.ACCEPTED


# 9. Les abonnés et la lettre d'information


def test_a_moderateur_writes_then_sends_a_newsletter(admin_page, site_pages, django_user_model, settings):
    # Wagtail's autosave creates the draft on its own, at a moment of its choosing; a « Publier »
    # posted from the creation form while that save is on its way creates the letter twice. The
    # guide's pictures are taken without it so that the letter is created once, by « Publier ».
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    page = admin_page
    staff_member(django_user_model, "moderateur", "Modérateurs")
    log_in(page, "moderateur")
    open_add_form(page, NewsletterIndexPage.objects.get().pk, "Nouveau: Lettre d'information")
    title = "Lettre de juin : les budgets participatifs"
    field(page, "Titre").fill(title)
    intro = page.locator("[data-contentpath='intro']").get_by_role("textbox")
    intro.click()
    page.keyboard.type("Ce mois-ci, six collèges du Nord votent pour leurs projets : récit et prochains rendez-vous.")
    expect(page.get_by_role("heading", name="Contenus choisis")).to_be_visible()
    expect(page.get_by_role("button", name="Ajouter un(e) Contenus choisis")).to_be_visible()
    field(page, "Ajouter les nouveautés").check()
    field(page, "Ajouter les prochains événements").check()
    expect(page.get_by_role("heading", name="Rubriques automatiques")).to_be_visible()
    show(page, field(page, "Titre"), height=1100)
    shot(page, "16-nouvelle-lettre.png")
    page.set_viewport_size(VIEWPORT)

    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier", exact=True).click()
    expect(page.get_by_text(re.compile(rf"{re.escape(title)}.*publiée"))).to_be_visible()
    letter = NewsletterPage.objects.get(title=title)
    assert letter.live
    page.goto(f"/admin/pages/{letter.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Envoyer la lettre").click()
    expect(page.get_by_role("heading", name="Envoyer la lettre")).to_be_visible()
    expect(page.get_by_role("link", name="Voir la lettre telle qu'elle sera reçue")).to_be_visible()
    expect(field(page, "Adresse de test")).to_have_value("moderateur@exemple.org")
    expect(page.get_by_role("button", name="Envoyer le test")).to_be_visible()
    expect(page.get_by_text("1 abonné confirmé.")).to_be_visible()
    expect(page.get_by_role("button", name="Envoyer la lettre maintenant")).to_be_visible()
    shot(page, "17-envoyer-la-lettre.png")
