"""Demo network: the actors, the directory and join form under /reseau/, links from editorial pages, requests.

Like the other steps of `load_demo`, it creates what is missing and leaves alone what exists (an actor, a
page's actor links, a sample request), so running it again changes nothing.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from core.models import Theme
from demo.events import upcoming_day
from home.models import HomePage
from network.directory.models import Actor, ActorDirectoryPage
from network.membership.models import AnswerRole, JoinFormField, JoinFormPage, MembershipRequest
from news.models import EditorialActor, EditorialPage, EventPage

from .actors import ACTORS, LOGOS
from .images import demo_logo
from .tree import ensure_child

PARIS = ZoneInfo("Europe/Paris")
Role = EditorialActor.Role
CENTRE = "centre-ressources-developpement-durable"
# In alphabetical order, which is also the order of their numbers (02, 59, 60, 62, 80).
DEPARTMENTS = ["Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"]

# The join form: label, field type, role of the answer, required, help text. Dropdown and checkbox choices
# come from the actor kinds, the departments and the site's themes, so answers match the directory's filters.
JOIN_FORM_FIELDS = [
    ("Nom de la structure", "singleline", AnswerRole.STRUCTURE, True, ""),
    ("Type de structure", "dropdown", AnswerRole.KIND, True, ""),
    ("Commune", "singleline", AnswerRole.COMMUNE, True, "Celle du siège de votre structure."),
    ("Département", "dropdown", AnswerRole.DEPARTMENT, True, ""),
    ("Nom et prénom du contact", "singleline", AnswerRole.CONTACT, True, ""),
    ("Courriel", "email", AnswerRole.EMAIL, True, "Nous vous répondrons à cette adresse."),
    ("Téléphone", "singleline", AnswerRole.PHONE, False, ""),
    (
        "Motivation",
        "multiline",
        AnswerRole.MOTIVATION,
        True,
        "Vos projets, ce que vous attendez du réseau et ce que vous pourriez y apporter.",
    ),
    ("Thèmes d'intérêt", "checkboxes", AnswerRole.THEMES, False, ""),
]

# Editorial pages that mention actors, by slug: (actor slug, role).
PAGE_LINKS = {
    "lancement-reseau-regional-territoires-participatifs": [
        (CENTRE, Role.AUTHOR),
        ("region-hauts-de-france", Role.MENTIONED),
        ("metropole-europeenne-de-lille", Role.MENTIONED),
    ],
    "feuille-de-route-reseau-territoires-participatifs": [(CENTRE, Role.AUTHOR)],
    "deuxieme-rencontre-reseau-participation-citoyennete": [
        (CENTRE, Role.AUTHOR),
        ("ville-loos-en-gohelle", Role.MENTIONED),
        ("ville-amiens", Role.MENTIONED),
        ("calais-en-transition", Role.MENTIONED),
    ],
    "rencontre-role-tiers-lieux-dynamiques-locales": [
        ("fabrique-des-voisins", Role.MENTIONED),
        ("grange-partagee", Role.MENTIONED),
        ("filature-partagee", Role.MENTIONED),
    ],
    "ressourceries-reemploi-cooperation": [
        ("ressourcerie-val-de-sambre", Role.MENTIONED),
        ("atelier-reemploi-picard", Role.MENTIONED),
    ],
    "ressourcerie-tiers-lieu-reparer": [("moulin-des-possibles", Role.MENTIONED)],
    "jardins-partages-habitants-quartier": [
        ("jardins-hortillons", Role.MENTIONED),
        ("collectif-pieds-dans-la-deule", Role.MENTIONED),
    ],
    "conventions-citoyennes-climat-locales": [("terre-opale-concertation", Role.MENTIONED)],
    "missions-ambassadeurs-reseau": [("habitants-de-thierache", Role.MENTIONED)],
    "balades-climat-lire-le-paysage": [
        ("soissonnais-en-transition", Role.AUTHOR),
        ("office-eau-rivieres-artois", Role.MENTIONED),
    ],
    "defis-sobriete-energetique-voisins": [
        ("bassin-minier-en-transition", Role.MENTIONED),
        ("calais-en-transition", Role.MENTIONED),
    ],
    "etude-participation-plans-climat": [("terre-opale-concertation", Role.AUTHOR)],
    "fiche-lancer-jardin-partage": [("jardins-hortillons", Role.AUTHOR)],
    "video-tiers-lieux-ruraux": [("grange-partagee", Role.MENTIONED), ("filature-partagee", Role.MENTIONED)],
}
# The network's events, found by the day they start (whatever their slug): who organised them, who helped.
EVENT_LINKS = {
    date(2022, 4, 28): [
        (CENTRE, Role.ORGANISER),
        ("region-hauts-de-france", Role.PARTNER),
        ("metropole-europeenne-de-lille", Role.PARTNER),
    ],
    date(2023, 5, 25): [(CENTRE, Role.ORGANISER), ("region-hauts-de-france", Role.PARTNER)],
    date(2024, 4, 9): [
        (CENTRE, Role.ORGANISER),
        ("fabrique-des-voisins", Role.PARTNER),
        ("grange-partagee", Role.PARTNER),
        ("filature-partagee", Role.PARTNER),
    ],
    date(2022, 10, 11): [(CENTRE, Role.ORGANISER)],
    date(2025, 3, 29): [("soissonnais-en-transition", Role.ORGANISER)],
    # The upcoming events of news/demo_events.py, dated from the day the demo is loaded (same number of days).
    upcoming_day(12): [(CENTRE, Role.ORGANISER)],
    upcoming_day(19): [("terre-opale-concertation", Role.ORGANISER), (CENTRE, Role.PARTNER)],
    upcoming_day(26): [
        ("filature-partagee", Role.ORGANISER),
        ("habitants-de-thierache", Role.PARTNER),
        ("grange-partagee", Role.PARTNER),
    ],
    upcoming_day(33): [("moulin-des-possibles", Role.ORGANISER), ("atelier-reemploi-picard", Role.PARTNER)],
    upcoming_day(40): [
        (CENTRE, Role.ORGANISER),
        ("region-hauts-de-france", Role.PARTNER),
        ("ville-amiens", Role.PARTNER),
    ],
    upcoming_day(47): [("jardins-hortillons", Role.ORGANISER), ("lycee-agricole-baie-de-somme", Role.PARTNER)],
}

# Sample join requests, answers by role: two waiting for staff (sent a few days before the demo is loaded),
# and the request of an actor now in the directory, accepted the day it joined. Invented people, .example
# addresses, phone numbers from the range kept for fiction.
NEW_REQUESTS = [
    (
        3,
        {
            AnswerRole.STRUCTURE: "Vélo-école du Cambrésis",
            AnswerRole.KIND: "Association",
            AnswerRole.COMMUNE: "Cambrai",
            AnswerRole.DEPARTMENT: "Nord",
            AnswerRole.CONTACT: "Camille Laurent",
            AnswerRole.EMAIL: "camille.laurent@velo-ecole-cambresis.example",
            AnswerRole.PHONE: "06 39 98 12 34",
            AnswerRole.MOTIVATION: (
                "Nous apprenons le vélo aux adultes qui n'en ont jamais fait. Nous aimerions rencontrer des "
                "communes prêtes à associer leurs habitants à leur plan vélo."
            ),
            AnswerRole.THEMES: ["Climat", "Participation citoyenne"],
        },
    ),
    (
        1,
        {
            AnswerRole.STRUCTURE: "La Serre commune",
            AnswerRole.KIND: "Tiers-lieu",
            AnswerRole.COMMUNE: "Saint-Omer",
            AnswerRole.DEPARTMENT: "Pas-de-Calais",
            AnswerRole.CONTACT: "Hugo Martin",
            AnswerRole.EMAIL: "hugo.martin@serre-commune.example",
            AnswerRole.PHONE: "",
            AnswerRole.MOTIVATION: (
                "Notre tiers-lieu ouvre au printemps dans une ancienne serre horticole. Nous cherchons des retours "
                "d'expérience sur la gouvernance partagée avec les usagers."
            ),
            AnswerRole.THEMES: ["Tiers-lieux", "Biodiversité"],
        },
    ),
]
ACCEPTED_REQUEST = (
    "soissonnais-en-transition",
    date(2025, 3, 4),
    {
        AnswerRole.STRUCTURE: "Soissonnais en transition",
        AnswerRole.KIND: "Association",
        AnswerRole.COMMUNE: "Soissons",
        AnswerRole.DEPARTMENT: "Aisne",
        AnswerRole.CONTACT: "Inès Bernard",
        AnswerRole.EMAIL: "ines.bernard@soissonnais-transition.example",
        AnswerRole.PHONE: "06 39 98 56 78",
        AnswerRole.MOTIVATION: (
            "Nous organisons des balades climat le long de l'Aisne et voulons échanger avec d'autres territoires "
            "sur la façon d'en faire le point de départ d'une concertation."
        ),
        AnswerRole.THEMES: ["Climat", "Biodiversité"],
    },
)


def _logo(name, slug):
    # Imported here: home.demo imports this module to list its steps.

    initials, colour = LOGOS[slug]
    return demo_logo(f"Logo – {name}", f"Logo de {name}", initials, colour, f"logo-{slug}.png")


def _build_actor(meta, name, description, presentation="", themes_by_slug=None):
    """An unsaved actor from the first line of its tuple ("slug | kind | since | …")."""
    slug, kind, since, commune, postal_code, department, themes, tags, *contact = (
        part.strip() for part in meta.split("|")
    )
    website, email, phone = [*contact, "", "", ""][:3]
    actor = Actor(
        name=name,
        slug=slug,
        kind=kind,
        short_description=description,
        presentation=presentation,
        website=website,
        public_email=email,
        public_phone=phone,
        commune=commune,
        postal_code=postal_code,
        department=department,
        member_since=date.fromisoformat(since),
        live=False,  # published below through a revision, as an editor would
    )
    actor.themes.set([themes_by_slug[theme] for theme in themes.split() if theme in themes_by_slug])
    actor.tags.add(*tags.split(", "))
    if slug in LOGOS:
        actor.logo = _logo(name, slug)
    return actor


def _load_actors():
    existing = set(Actor.objects.values_list("slug", flat=True))
    themes_by_slug = {theme.slug: theme for theme in Theme.objects.all()}
    created = 0
    for meta, *fields in ACTORS:
        if meta.split("|", 1)[0].strip() in existing:
            continue
        actor = _build_actor(meta, *fields, themes_by_slug=themes_by_slug)
        actor.save()
        actor.save_revision().publish()
        created += 1
    return created


def _directory_page():
    return ActorDirectoryPage(
        title="Annuaire des acteurs",
        slug="annuaire",
        listing_summary="Les membres du réseau dans les cinq départements des Hauts-de-France.",
        intro=(
            "Collectivités, associations, entreprises, tiers-lieux, collectifs d'habitants : retrouvez les membres "
            "du réseau par type, par département ou par thème, et prenez contact avec celles et ceux qui ont déjà "
            "mené le projet que vous préparez."
        ),
    )


def _join_page(directory):
    choices = {
        AnswerRole.KIND: [str(label) for _value, label in Actor.Kind.choices],
        AnswerRole.DEPARTMENT: DEPARTMENTS,
        AnswerRole.THEMES: list(Theme.objects.order_by("sort_order", "name").values_list("name", flat=True)),
    }
    return JoinFormPage(
        title="Rejoindre le réseau",
        slug="rejoindre",
        listing_summary="Collectivité, association, entreprise ou collectif : demandez à rejoindre le réseau.",
        intro=(
            "Le réseau est ouvert à toutes celles et ceux qui font des transitions une affaire commune dans les "
            "Hauts-de-France. Présentez-nous votre structure : l'équipe étudie chaque demande et vous répond dans "
            "les quinze jours."
        ),
        form_fields=[
            JoinFormField(
                label=label,
                field_type=field_type,
                role=role,
                required=required,
                help_text=help_text,
                choices="\n".join(choices.get(role, [])),
            )
            for label, field_type, role, required, help_text in JOIN_FORM_FIELDS
        ],
        thank_you_text=(
            "<p>L'équipe du réseau étudie votre demande et vous écrira dans les quinze jours ; un accusé de "
            "réception part dès maintenant à l'adresse que vous avez indiquée.</p>"
            f'<p>En attendant, découvrez les membres du réseau dans l\'<a linktype="page" id="{directory.pk}">'
            "annuaire des acteurs</a>.</p>"
        ),
        notify_emails="reseau@territoires-participatifs.example",
        acknowledgement_subject="Votre demande d'adhésion au réseau Territoires participatifs",
        acknowledgement_body=(
            "Bonjour,\n\n"
            "Nous avons bien reçu votre demande d'adhésion au réseau régional des Territoires participatifs. "
            "L'équipe l'étudie et revient vers vous dans les quinze jours.\n\n"
            "À bientôt,\n"
            "L'équipe du réseau"
        ),
    )


def _point_home_at(join_page, network):
    """The home page's « Rejoindre le réseau » call went to the network page until the form existed."""
    home = HomePage.objects.first()
    if home.join_page_id in (None, network.pk):
        home.join_page = join_page
        home.save_revision().publish()


def _link_actors(page, links, actors):
    """Link a page to its actors once; a page with links, or with a draft in progress, is left to its editors."""
    if page.linked_actors.exists() or page.has_unpublished_changes:
        return 0
    found = [EditorialActor(actor=actors[slug], role=role) for slug, role in links if slug in actors]
    if not found:
        return 0
    page.linked_actors = found
    page.save_revision().publish()
    return 1


def _link_editorial_pages(actors):
    pages = EditorialPage.objects.live().filter(slug__in=PAGE_LINKS).specific()
    linked = sum(_link_actors(page, PAGE_LINKS[page.slug], actors) for page in pages)
    for day, links in EVENT_LINKS.items():
        for event in EventPage.objects.live().filter(starts_at__date=day):
            linked += _link_actors(event, links, actors)
    return linked


def _record_request(join_page, answers, submitted, **decision):
    """A request saved as the form saves one (answers by field name, roles, consent), without any email."""
    roles = {field.clean_name: field.role for field in join_page.get_form_fields() if field.role}
    membership_request = MembershipRequest.objects.create(
        page=join_page,
        form_data={name: answers[role] for name, role in roles.items()},
        roles=roles,
        consent_text=join_page.consent_text,
        consent_at=submitted,
        email=answers[AnswerRole.EMAIL],
        structure_name=answers[AnswerRole.STRUCTURE],
        kind=answers[AnswerRole.KIND],
        department=answers[AnswerRole.DEPARTMENT],
        **decision,
    )
    # submit_time is set on creation; moved back so the list reads like requests that came in over time.
    MembershipRequest.objects.filter(pk=membership_request.pk).update(submit_time=submitted)


def _load_membership_requests(join_page):
    """The sample requests not recorded yet, known by structure name: retention may later erase the email."""
    recorded = set(MembershipRequest.objects.values_list("structure_name", flat=True))
    created = 0
    for days_ago, answers in NEW_REQUESTS:
        if answers[AnswerRole.STRUCTURE] not in recorded:
            _record_request(join_page, answers, timezone.now() - timedelta(days=days_ago))
            created += 1
    actor_slug, submitted_on, answers = ACCEPTED_REQUEST
    actor = Actor.objects.filter(slug=actor_slug).first()
    if actor and answers[AnswerRole.STRUCTURE] not in recorded:
        at_ten = time(10, tzinfo=PARIS)
        _record_request(
            join_page,
            answers,
            datetime.combine(submitted_on, at_ten),
            status=MembershipRequest.Status.ACCEPTED,
            decided_at=datetime.combine(actor.member_since or submitted_on, at_ten),
            actor=actor,
        )
        created += 1
    return created


def load_network(stdout):

    actors_created = _load_actors()
    network = HomePage.objects.first().get_children().get(slug="reseau").specific
    directory = ensure_child(network, _directory_page())
    join_page_existed = network.get_children().filter(slug="rejoindre").exists()
    join_page = ensure_child(network, _join_page(directory))
    if not join_page_existed:
        _point_home_at(join_page, network)
    linked = _link_editorial_pages({actor.slug: actor for actor in Actor.objects.published()})
    requests = _load_membership_requests(join_page)
    stdout.write(
        f"Réseau : {actors_created} acteur(s) créé(s) ({Actor.objects.published().count()} publiés), "
        f"{linked} contenu(s) relié(s) à des acteurs, {requests} demande(s) d'adhésion d'exemple ; "
        f"annuaire sur {directory.url} et formulaire sur {join_page.url}."
    )
