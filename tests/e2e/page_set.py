"""One page of each kind the site serves today, filled with every body block editors can use.

The browser layer (axe, keyboard) and the HTML validity layer check the same set, so a page kind
added here is checked by both.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from core.factories import ThemeFactory
from core.models import Theme
from home.factories import StandardPageFactory, make_site_home
from images.factories import ImageFactory
from network.directory.factories import ActorDirectoryPageFactory, ActorFactory
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from network.newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory, SubscriberFactory
from network.newsletter.models import NewsletterItem, NewsletterPage, Subscriber
from network.newsletter.subscriptions import confirmation_token, unsubscribe_token
from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TopicPageFactory,
    classify,
)
from news.models import EditorialActor, EventPage
from tests.database_rows import built_once, make_renditions

SEARCH_TERM = "territoires"
# Of the pages that the search term finds, the only news article.
SEARCH_NEWS_TITLE = "Sobriété énergétique"
# Matches no page: the search page must still answer with its "0 résultat" message and advice.
UNMATCHED_SEARCH_TERM = "xylophone"

SECTION_PATH = "/reseau/"
STANDARD_PAGE_PATH = "/reseau/retour-sur-la-rencontre/"
ARTICLE_PATH = "/actualites/lancement-du-reseau-a-lille/"
RARE_TAG = "codeveloppement"
EVENT_PATH = "/agenda/rencontre-des-tiers-lieux/"
DIRECTORY_PATH = "/reseau/annuaire/"
# The actor an article names, so that its page lists "Ses contenus".
ACTOR_NAME = "Maison des transitions"
ACTOR_PATH = f"{DIRECTORY_PATH}maison-des-transitions/"
JOIN_PATH = "/reseau/rejoindre/"
# Who the join form notifies of each new request.
JOIN_NOTIFY = ["reseau@example.org", "animation@example.org"]
NEWSLETTER_PATH = "/newsletter/"
LETTERS_PATH = "/lettres/"
LETTER_PATH = f"{LETTERS_PATH}lettre-de-printemps/"
LETTER_TITLE = "Lettre de printemps : les tiers-lieux à l'honneur"
# One address that asked for the letter and has not confirmed yet, one that receives it.
PENDING_EMAIL = "camille.attente@example.org"
SUBSCRIBER_EMAIL = "lea.abonnee@example.org"


def confirmation_path():
    """The link of the pending subscriber's confirmation email (signed and dated: built once the set exists)."""
    subscriber = Subscriber.objects.get(email=PENDING_EMAIL)
    return reverse("newsletter:confirm", args=[confirmation_token(subscriber)])


def unsubscribe_path():
    """The unsubscribe link that every letter to the confirmed subscriber carries."""
    subscriber = Subscriber.objects.get(email=SUBSCRIBER_EMAIL)
    return reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)])


# Kind of page -> address; the kinds are the test ids of the parametrized checks. A signed link is
# given as the function that builds it from the saved page set: read addresses with `page_path()`.
PAGE_PATHS = {
    "accueil": "/",
    "page-de-contenu": STANDARD_PAGE_PATH,
    "page-introuvable": "/cette-adresse-n-existe-pas/",
    "recherche-avec-resultats": f"/recherche/?q={SEARCH_TERM}",
    "recherche-sans-resultat": f"/recherche/?q={UNMATCHED_SEARCH_TERM}",
    "recherche-par-type": f"/recherche/?q={SEARCH_TERM}&type=actualites",
    "recherche-vide": "/recherche/",
    "actualites": "/actualites/",
    "actualites-filtrees": f"/actualites/?tag={RARE_TAG}",
    "actualites-aucun-resultat": "/actualites/?theme=inconnu",
    "actualite": ARTICLE_PATH,
    "ressources": "/ressources/",
    "ressource": "/ressources/guide-de-la-concertation/",
    "dossier": "/territoires-participatifs/",
    "agenda": "/agenda/",
    "agenda-passe": "/agenda/passes/",
    "evenement": EVENT_PATH,
    "annuaire": DIRECTORY_PATH,
    "annuaire-filtre": f"{DIRECTORY_PATH}?departement=Nord",
    "annuaire-aucun-resultat": f"{DIRECTORY_PATH}?type=inconnu",
    "acteur": ACTOR_PATH,
    "adhesion": JOIN_PATH,
    "adhesion-merci": f"{JOIN_PATH}merci/",
    "newsletter": NEWSLETTER_PATH,
    "newsletter-merci": f"{NEWSLETTER_PATH}merci/",
    "newsletter-confirmer": confirmation_path,
    "newsletter-lien-expire": f"{NEWSLETTER_PATH}confirmer/lien-inconnu/",
    "newsletter-desinscription": unsubscribe_path,
    "lettres": LETTERS_PATH,
    "lettre": LETTER_PATH,
}
# The error page answers 404 and a dead confirmation link 410 on purpose; every other kind must be
# served normally.
EXPECTED_STATUS = dict.fromkeys(PAGE_PATHS, 200) | {"page-introuvable": 404, "newsletter-lien-expire": 410}


def page_path(kind):
    """The address of a page kind; call it once the page set is built (signed links need its rows)."""
    path = PAGE_PATHS[kind]
    return path() if callable(path) else path


def _photo(description):
    # Sized like a real upload: smaller than the largest rendition, Wagtail would repeat a width in
    # srcset (an HTML error) and the page would not be laid out as visitors see it.
    return ImageFactory(description=description, file__width=1600, file__height=900)


def _image_item(image, caption):
    # ImageBlock takes the image with its contextual alt text; an empty alt_text on a non-decorative
    # image falls back to the description stored in the media library.
    return {"image": {"image": image, "decorative": False, "alt_text": ""}, "caption": caption, "credit": ""}


def full_body(link_target):
    """A body that uses every block whose output does not depend on an outside service."""
    return [
        ("heading", {"text": "Retour sur la rencontre régionale", "level": "h2"}),
        ("paragraph", '<p>Plus de <b>cent personnes</b> ont partagé leurs <a href="/">expériences</a>.</p>'),
        ("heading", {"text": "Les ateliers", "level": "h3"}),
        ("image", _image_item(_photo(description="Des habitants autour d'une table"), "Atelier du matin")),
        (
            "gallery",
            {
                "title": "Retour en images",
                "images": [
                    _image_item(_photo(description="La salle pendant la plénière"), "La plénière"),
                    _image_item(_photo(description="Un groupe devant une carte du quartier"), "Cartographie"),
                ],
            },
        ),
        ("quote", {"quote": "Agir ensemble change la façon de décider.", "attribution": "Une participante"}),
        (
            "callout",
            {
                "tone": "important",
                "title": "Inscriptions avant le 15 mars",
                "text": '<p>Quarante places par atelier ; <a href="/">le programme</a> est en ligne.</p>',
            },
        ),
        (
            "call_to_action",
            {"label": "Rejoindre le réseau", "link": {"page": link_target, "url": ""}, "style": "primary"},
        ),
        (
            "call_to_action",
            {"label": "Lire le programme", "link": {"page": None, "url": "https://example.org/"}, "style": "secondary"},
        ),
        (
            "table",
            {
                "caption": "Participants par atelier",
                "table": {
                    "columns": [{"type": "text", "heading": "Atelier"}, {"type": "number", "heading": "Participants"}],
                    "rows": [{"values": ["Budget participatif", "42"]}, {"values": ["Mobilités", "35"]}],
                },
            },
        ),
        (
            "partners",
            {
                "title": "Ils soutiennent le réseau",
                "partners": [
                    {
                        "name": "Fondation des communs",
                        "logo": _logo("Logo de la Fondation"),
                        "url": "https://example.org/",
                    },
                    {"name": "Fonds des initiatives", "logo": _logo("Logo du Fonds"), "url": ""},
                ],
            },
        ),
    ]


def _logo(description):
    return ImageFactory(description=description, file__width=480, file__height=200)


def load_page_set():
    """The page set, built once per test process and copied with the renditions its pages show
    (tests/database_rows.py); returns the content page."""
    return Page.objects.get(pk=built_once("page set", _build_page_set_and_its_renditions)).specific


def _build_page_set_and_its_renditions():
    content_page = build_page_set()
    make_renditions([page_path(kind) for kind in PAGE_PATHS])
    return content_page.pk


def build_page_set():
    """Home page with a hero image, a menu section and a content page inside it; returns the content page."""
    home = make_site_home()
    home.hero_image = _photo(description="Une assemblée de quartier en plein air")
    home.save_revision().publish()
    section = StandardPageFactory(parent=home, title="Le réseau", slug="reseau", show_in_menus=True)
    article = build_editorial_pages(home)
    build_network(section, article)
    build_newsletter(home, article)
    return StandardPageFactory(
        parent=section,
        title="Territoires en transition : retour sur la rencontre",
        slug="retour-sur-la-rencontre",
        intro="Ce que les territoires participatifs ont mis en commun cette année.",
        body=[*full_body(link_target=section), ("network_map", {"heading": "Le réseau sur la carte"})],
    )


def build_editorial_pages(home):
    """News, a resource and a dossier sharing themes and tags, so that recommendations have matches."""
    participation = ThemeFactory(name="Participation citoyenne", slug="participation-citoyenne", colour="green")
    climat = ThemeFactory(name="Climat", slug="climat", colour="blue")
    news_index = NewsIndexPageFactory(parent=home, show_in_menus=True, intro="Les nouvelles du réseau.")
    resources = ResourceIndexPageFactory(parent=home, show_in_menus=True, intro="Guides, études et outils.")
    article = classify(
        NewsPageFactory(
            parent=news_index,
            title="Lancement du réseau à Lille",
            slug="lancement-du-reseau-a-lille",
            listing_summary="Une quarantaine de personnes réunies le 28 avril 2022.",
            hero_image=_photo("Une quarantaine de personnes en cercle dans une salle"),
            authors="Jeanne Martin",
            body=full_body(link_target=news_index),
        ),
        themes=[participation],
        tags=["participation", RARE_TAG],
    )
    classify(
        NewsPageFactory(
            parent=news_index,
            title="Les sessions de codéveloppement",
            slug="sessions-codeveloppement",
            listing_image=_photo("Un atelier autour de post-it"),
        ),
        themes=[participation],
        tags=[RARE_TAG],
    )
    classify(
        # The one article that the search term finds (in its chapô, which search indexes): narrowing the
        # results to news leaves it alone.
        NewsPageFactory(
            parent=news_index,
            title=SEARCH_NEWS_TITLE,
            slug="sobriete-energetique",
            chapo="Trois territoires réduisent ensemble leur consommation d'énergie.",
        ),
        themes=[climat],
        tags=["climat", "participation"],
    )
    classify(
        ResourcePageFactory(
            parent=resources,
            title="Guide de la concertation",
            slug="guide-de-la-concertation",
            external_url="https://example.org/guide",
            body=[("quote", {"quote": "Écouter d'abord.", "attribution": ""})],
        ),
        themes=[participation],
        tags=["participation"],
    )
    build_events(home, themes=[participation, climat])
    topic = TopicPageFactory(parent=home, listing_summary="Tout sur la participation.")
    topic.themes.set([participation])
    topic.save_revision().publish()
    return article


def build_events(home, themes):
    """An upcoming hybrid event, an upcoming all-day one in another theme, and a past one."""
    agenda = EventIndexPageFactory(parent=home, show_in_menus=True, intro="Rencontres, ateliers et visites.")
    now = timezone.now()
    soon = (now + timedelta(days=10)).replace(hour=14, minute=0, second=0, microsecond=0)
    classify(
        EventPageFactory(
            parent=agenda,
            title="Rencontre des tiers-lieux",
            slug="rencontre-des-tiers-lieux",
            starts_at=soon,
            ends_at=soon + timedelta(hours=3),
            event_format="hybride",
            online_url="https://example.org/visio",
            registration_mode="ailleurs",
            registration_url="https://example.org/inscription",
            chapo="Le rôle des tiers-lieux dans les dynamiques locales.",
            hero_image=_photo("Une grange rénovée accueillant un café associatif"),
        ),
        themes=[themes[0]],
        tags=["participation"],
    )
    later = soon + timedelta(days=20)
    classify(
        EventPageFactory(parent=agenda, title="Journée climat", all_day=True, starts_at=later, ends_at=later),
        themes=[themes[1]],
    )
    past = now - timedelta(days=200)
    EventPageFactory(parent=agenda, title="Lancement du réseau", starts_at=past, ends_at=past + timedelta(hours=3))


def build_network(section, article):
    """The directory with published actors (one named by the article, one organising the event) and a
    draft it must not show, and the join form with the demo's questions."""
    participation = Theme.objects.get(slug="participation-citoyenne")
    climat = Theme.objects.get(slug="climat")
    ActorDirectoryPageFactory(parent=section)
    join_form = JoinFormPageFactory(
        parent=section,
        notify_emails=", ".join(JOIN_NOTIFY),
        thank_you_text="<p>L'équipe du réseau étudie votre demande et vous répond <b>sous deux semaines</b>.</p>",
    )
    add_join_form_fields(join_form)
    partner = ActorFactory(
        name=ACTOR_NAME,
        slug="maison-des-transitions",
        kind="association",
        short_description="Un lieu ressource où habitants et élus préparent ensemble les projets du quartier.",
        presentation="<p>Fondée en 2015, la maison accueille des <b>ateliers de concertation</b>.</p>",
        logo=ImageFactory(description="Logo de la Maison des transitions", file__width=400, file__height=400),
        website="https://example.org/maison-des-transitions",
        public_email="contact@example.org",
        public_phone="03 20 00 00 00",
        address="12 rue de l'Épeule",
        postal_code="59100",
        commune="Roubaix",
        department="Nord",
        latitude="50.6942",
        longitude="3.1746",
        member_since=timezone.localdate().replace(day=1),
        themes=[participation],
    )
    organiser = ActorFactory(
        name="La Fabrique solidaire",
        slug="la-fabrique-solidaire",
        kind="tiers-lieu",
        short_description="Un tiers-lieu qui prête ses ateliers et sa cuisine aux collectifs d'habitants.",
        commune="Lille",
        department="Nord",
        latitude="50.6292",
        longitude="3.0573",
        themes=[participation, climat],
    )
    ActorFactory(
        name="Ville d'Arras",
        slug="ville-d-arras",
        kind="collectivite",
        short_description="Une commune qui associe ses habitants à son plan climat.",
        commune="Arras",
        department="Pas-de-Calais",
        themes=[climat],
    )
    # Staff's draft (an accepted request under review): never listed, never counted.
    ActorFactory(name="Collectif en attente", slug="collectif-en-attente", department="Nord", live=False)
    article.linked_actors.add(EditorialActor(actor=partner, role=EditorialActor.Role.PARTNER))
    article.save_revision().publish()
    event = EventPage.objects.get(url_path__endswith="/rencontre-des-tiers-lieux/")
    event.linked_actors.add(EditorialActor(actor=organiser, role=EditorialActor.Role.ORGANISER))
    event.save_revision().publish()


def build_newsletter(home, article):
    """The letters' archive with one letter already sent (the article picked, the automatic sections
    on), a subscriber waiting to confirm and one who receives the letters."""
    archive = NewsletterIndexPageFactory(parent=home)
    letter = NewsletterPageFactory(
        parent=archive,
        title=LETTER_TITLE,
        slug="lettre-de-printemps",
        intro="<p>Ce mois-ci, <b>les tiers-lieux</b> ouvrent leurs portes aux collectifs d'habitants.</p>",
        include_latest=True,
        include_events=True,
    )
    letter.items.add(NewsletterItem(page=article))
    letter.save_revision().publish()
    # Not editable: only sending sets it, so the set says "already sent" the way sending does.
    NewsletterPage.objects.filter(pk=letter.pk).update(sent_at=timezone.now())
    SubscriberFactory(email=PENDING_EMAIL, first_name="Camille", status=Subscriber.Status.PENDING)
    SubscriberFactory(email=SUBSCRIBER_EMAIL, first_name="Léa")
