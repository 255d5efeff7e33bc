"""Demo agenda: the network's meetings since 2022, and upcoming events dated from the day the demo is loaded.

The three dated meetings come from the network's history; every other event is invented for the demo. Like the
other steps of `load_demo`, it creates what is missing and leaves existing pages as they are: an upcoming event is
dated once, when it is created, and keeps its dates on later runs.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from wagtail.rich_text import RichText

from home.models import HomePage
from news.models import EditorialPage, EventIndexPage, EventPage, NewsIndexPage

from .editorial import PARIS, _block, _editorial, _pin
from .tree import ensure_child

Format, Status = EventPage.Format, EventPage.Status
LAUNCH_EVENT = "lancement-reseau-territoires-participatifs-lille"
SECOND_MEETING = "deuxieme-rencontre-regionale-participation-citoyennete"
TIERS_LIEUX_MEETING = "rencontre-tiers-lieux-dynamiques-locales"
REGISTRATION = "https://inscriptions.example/territoires-participatifs/"
ANNOUNCED_DAYS_BEFORE = 28  # an event is announced four weeks before it starts

# One tuple per event: "slug | when | image | themes | tags", title, summary, chapô, the event's own fields, then
# the body as in news/demo.py (a string is a paragraph, "## …" a heading) plus lists (a programme, as bullets).
# "when" is "start > end", each a day and an optional time; a day is a date or "+N", N days after the day the
# demo is loaded. Without a time, the event lasts whole days (all_day), as an editor enters it in the admin.
EVENTS = [
    (
        f"{LAUNCH_EVENT} | 2022-04-28 14:00 > 2022-04-28 17:30 | Rencontre du réseau à Lille | participation-citoyenne "
        "climat | territoires participatifs, participation, coopération, climat",
        "Lancement du réseau régional Territoires participatifs",
        "Première rencontre du réseau à Lille : une quarantaine d'acteurs des transitions réunis pour coopérer.",
        "Élus, techniciens, associations, entreprises et habitants sont invités à Lille pour donner naissance au "
        "réseau régional « Territoires participatifs » et décider ensemble de ce qu'il fera.",
        {
            "place": "Centre régional de ressources du développement durable | 23 rue Gosselet | 59000 | Lille",
            "registration_required": True,
        },
        "Face au dérèglement climatique, aucune institution ne peut agir seule. Cette première rencontre veut "
        "créer les conditions d'une coopération durable entre celles et ceux qui conduisent les transitions "
        "dans la région, quels que soient leur métier ou leur engagement.",
        "## Programme",
        [
            "14 h : accueil et tour de table des participants",
            "14 h 30 : « Territoires participatifs, de quoi parle-t-on ? », travail en petits groupes",
            "16 h : ce que le réseau pourrait faire, propositions et votes",
            "17 h : conclusions et prochaines étapes",
        ],
        "## Pour qui ?",
        "Toute personne qui associe, ou voudrait associer, les habitants aux transitions de son territoire : "
        "collectivités, associations, collectifs citoyens, entreprises, acteurs de l'éducation populaire.",
    ),
    (
        "seance-codeveloppement-relancer-conseil-citoyen | 2022-10-11 14:00 > 2022-10-11 15:30 | Atelier de "
        "codéveloppement | participation-citoyenne | codéveloppement, participation, coopération",
        "Séance de codéveloppement : relancer un conseil citoyen",
        "Première séance d'entraide entre pairs du réseau, en visioconférence.",
        "Six membres du réseau expérimentent le codéveloppement : une participante expose une difficulté "
        "réelle, les autres l'aident à trouver des pistes d'action.",
        {
            "event_format": Format.ONLINE,
            "online_url": "https://visio.example/territoires-participatifs/codeveloppement-2022",
            "registration_required": True,
        },
        "La séance suit les six temps de la méthode : exposé de la situation, questions de clarification, "
        "contrat, propositions, plan d'action et retour de chacun sur ce qu'il a appris.",
        "## Places limitées",
        "Pour que chacun puisse parler, le groupe ne dépasse pas huit personnes. Les séances suivantes "
        "seront annoncées dans l'agenda et sur la liste de diffusion du réseau.",
    ),
    (
        f"{SECOND_MEETING} | 2023-05-25 09:30 > 2023-05-25 16:30 | Conseil citoyen | participation-citoyenne | "
        "participation, territoires participatifs, collectivités, coopération",
        "Deuxième rencontre régionale du réseau de la participation et de la citoyenneté",
        "Un an après son lancement, le réseau fait le bilan et prépare la suite, à Arras.",
        "Retours d'expérience le matin, ateliers l'après-midi : la deuxième rencontre régionale mesure le chemin "
        "parcouru depuis Lille et fixe les priorités de l'année qui vient.",
        {
            "place": "Maison de la vie associative | 8 rue des Tanneurs | 62000 | Arras",
            "registration_required": True,
            "registration_url": f"{REGISTRATION}rencontre-2023",
            "organisers": "Réseau régional de la participation et de la citoyenneté",
        },
        "## Le matin : ce qui a marché, ce qui a coincé",
        "Trois démarches présentées par celles et ceux qui les ont conduites : un conseil de quartier "
        "réinventé, une concertation sur un projet d'aménagement, un collectif engagé pour la sobriété.",
        "## L'après-midi : les ateliers",
        "Former les élus à la participation, évaluer les démarches, accueillir les nouveaux membres : chaque "
        "atelier produit des propositions que le centre de ressources reprendra dans son programme.",
        "Le déjeuner est offert aux participants inscrits.",
    ),
    (
        f"{TIERS_LIEUX_MEETING} | 2024-04-09 09:30 > 2024-04-09 16:00 | Tiers-lieu rural | tiers-lieux "
        "participation-citoyenne | tiers-lieux ruraux, territoires participatifs, coopération",
        "Le rôle des tiers-lieux dans les dynamiques locales",
        "Rencontre du réseau à Roubaix : ce que les tiers-lieux changent dans la vie d'un territoire.",
        "Cafés associatifs, ateliers partagés, espaces de travail : le réseau se retrouve dans un tiers-lieu "
        "installé dans une ancienne filature pour comprendre comment ces lieux font vivre la coopération.",
        {
            "place": "La Fabrique des voisins | 17 rue du Tissage | 59100 | Roubaix",
            "registration_required": True,
            "registration_url": f"{REGISTRATION}tiers-lieux-2024",
        },
        "Des porteurs de tiers-lieux urbains et ruraux racontent comment leur lieu est né, qui le fait "
        "vivre et ce qu'il apporte aux habitants qui ne fréquentent aucune autre structure.",
        "## Programme",
        [
            "9 h 30 : visite de la Fabrique des voisins",
            "10 h 30 : table ronde, trois tiers-lieux et leurs collectivités",
            "14 h : ateliers, gouvernance partagée et relations avec les élus",
            "15 h 30 : synthèse et suites à donner",
        ],
    ),
    (
        "balade-climat-bords-de-l-aisne | 2025-03-29 10:00 > 2025-03-29 12:30 | Balade climat | climat "
        "biodiversite | climat, participation, transition écologique",
        "Balade climat sur les bords de l'Aisne",
        "Deux heures de marche à Soissons pour observer les effets du changement climatique.",
        "Habitants, naturalistes et techniciens marchent ensemble le long de l'Aisne et notent ce qui a changé : "
        "niveau de l'eau, arbres qui souffrent, espèces qui arrivent.",
        {"place": "Parvis de l'abbaye Saint-Jean-des-Vignes | Rue Saint-Jean | 02200 | Soissons"},
        "Chaussures de marche conseillées. Les observations recueillies serviront de point de départ à un "
        "atelier en salle, quelques semaines plus tard.",
    ),
    (
        "codeveloppement-en-ligne-mobiliser-les-habitants | +12 14:00 > +12 16:00 | Atelier de codéveloppement | "
        "participation-citoyenne | codéveloppement, participation, coopération",
        "Séance de codéveloppement en ligne : aller vers les habitants qu'on n'entend jamais",
        "Deux heures d'entraide entre pairs, en visioconférence, autour d'une situation réelle.",
        "Comment associer celles et ceux qui ne viennent jamais aux réunions publiques ? Une chargée de mission "
        "soumet sa situation au groupe, qui l'aide à construire un plan d'action.",
        {
            "event_format": Format.ONLINE,
            "online_url": "https://visio.example/territoires-participatifs/codeveloppement",
            "registration_required": True,
            "registration_url": f"{REGISTRATION}codeveloppement",
        },
        "La séance est ouverte à tous les membres du réseau, débutants compris. Le lien de connexion est "
        "envoyé aux inscrits la veille.",
        "## Comment se déroule une séance ?",
        "Une personne expose une difficulté, les autres posent des questions puis proposent des pistes sans "
        "juger. Chacun repart avec des idées pour ses propres projets.",
    ),
    (
        "conference-conventions-citoyennes-climat-et-apres | +19 18:00 > +19 20:00 | Forum des transitions | climat "
        "participation-citoyenne | convention citoyenne, climat, participation, collectivités",
        "Conventions citoyennes pour le climat : et après ?",
        "Conférence-débat à Boulogne-sur-Mer et en ligne sur le suivi des propositions citoyennes.",
        "Des habitants tirés au sort ont formulé des propositions pour le plan climat de leur territoire. Que "
        "sont-elles devenues ? Anciens membres, élus et animateurs en débattent, sur place et en ligne.",
        {
            "event_format": Format.HYBRID,
            "place": "Salle des fêtes de la Haute-Ville | 2 place Godefroy-de-Bouillon | 62200 | Boulogne-sur-Mer",
            "online_url": "https://visio.example/territoires-participatifs/conventions-citoyennes",
            "registration_url": f"{REGISTRATION}conventions-citoyennes",
        },
        "## Au programme",
        "Une présentation des conventions menées dans la région, puis un débat avec la salle et les "
        "participants en ligne, qui posent leurs questions par écrit.",
        "La conférence est gratuite et ouverte à tous ; l'inscription aide simplement à préparer la salle.",
    ),
    (
        "portes-ouvertes-tiers-lieux-ruraux | +26 > +26 | Tiers-lieu rural | tiers-lieux | tiers-lieux ruraux, "
        "coopération, participation",
        "Journée portes ouvertes des tiers-lieux ruraux",
        "Toute la journée, La Filature partagée ouvre ses portes à Guise.",
        "Épicerie coopérative, espace de travail partagé, salle des associations : venez découvrir comment un "
        "tiers-lieu rural fait vivre son village, à l'heure qui vous convient.",
        {"place": "La Filature partagée | 5 rue de la Filature | 02120 | Guise"},
        "Visites guidées toutes les heures, café et repas partagé à midi, rencontres avec les bénévoles et les "
        "élus qui ont soutenu le projet.",
        "## Pour les porteurs de projets",
        "Vous préparez un tiers-lieu ? L'équipe tient une permanence l'après-midi pour répondre à vos questions "
        "sur le modèle économique et la gouvernance.",
    ),
    (
        "atelier-reparation-moulin-des-possibles | +33 14:00 > +33 17:00 | Ressourcerie | economie-circulaire "
        "tiers-lieux | ressourcerie, transition écologique",
        "Atelier réparation au Moulin des possibles",
        "Annulé : des travaux imprévus rendent la salle indisponible ; une nouvelle date sera annoncée.",
        "L'atelier réparation prévu au Moulin des possibles est annulé. Nous vous prions de nous excuser et vous "
        "donnerons une nouvelle date dans l'agenda dès que la salle sera de nouveau accessible.",
        {
            "status": Status.CANCELLED,
            "place": "Le Moulin des possibles | 3 chemin du Moulin | 60600 | Clermont",
        },
        "## Ce qui était prévu",
        "Petit électroménager, vêtements, vélos : les bénévoles devaient aider les habitants à réparer leurs "
        "objets plutôt que de les jeter.",
    ),
    (
        "rencontre-regionale-annuelle-reseau | +40 09:30 > +41 16:30 | Rencontre du réseau à Lille | "
        "participation-citoyenne climat | territoires participatifs, participation, codéveloppement, ambassadeurs",
        "Rencontre régionale annuelle du réseau : deux jours pour coopérer",
        "Deux journées à Amiens pour les membres du réseau et celles et ceux qui veulent le rejoindre.",
        "Pour sa rencontre annuelle, le réseau prend le temps : une journée pour partager les expériences de "
        "l'année, une autre pour construire ensemble les projets de l'année à venir.",
        {
            "place": "Maison de la culture et des associations | 10 boulevard du Port | 80000 | Amiens",
            "registration_required": True,
            "registration_url": f"{REGISTRATION}rencontre-annuelle",
            "price": "30 € les deux jours, repas compris ; gratuit pour les bénévoles associatifs",
            "closes": 7,
        },
        "## Premier jour : les expériences de l'année",
        "Les ambassadeurs du réseau présentent leurs missions, suivies de séances de codéveloppement en petits "
        "groupes sur les difficultés que vous rencontrez.",
        "## Second jour : les projets de demain",
        "Ateliers ouverts pour lancer de nouvelles coopérations entre territoires, puis assemblée des membres "
        "qui adopte la feuille de route de l'année.",
        "Les inscriptions ferment une semaine avant la rencontre.",
    ),
    (
        "chantier-participatif-jardins-hortillons | +47 10:00 > +47 12:30 | Jardin partagé | biodiversite | "
        "jardins partagés, participation, climat",
        "Chantier participatif au jardin des Hortillons",
        "Une matinée pour planter une haie fruitière avec les jardiniers d'Amiens.",
        "Les jardiniers du quartier invitent voisins et curieux à planter une haie fruitière qui nourrira les "
        "oiseaux et les habitants. Aucune expérience n'est nécessaire.",
        {"place": "Jardin partagé des Hortillons | 40 chemin de Halage | 80000 | Amiens"},
        "Outils et gants sont prêtés sur place ; prévoyez des vêtements qui ne craignent pas la terre. Une "
        "collation de produits du jardin clôt la matinée.",
    ),
]
# Editors' picks, by slug: each past meeting points to the article that reported on it.
EVENT_PINS = {
    LAUNCH_EVENT: [
        "lancement-reseau-regional-territoires-participatifs",
        "feuille-de-route-reseau-territoires-participatifs",
    ],
    SECOND_MEETING: ["deuxieme-rencontre-reseau-participation-citoyennete"],
    TIERS_LIEUX_MEETING: ["rencontre-role-tiers-lieux-dynamiques-locales", "video-tiers-lieux-ruraux"],
}


def upcoming_day(days):
    """The day `days` after today, in local time: when an upcoming demo event created today starts."""
    return timezone.localdate() + timedelta(days=days)


def _moment(text):
    """ "2024-04-09 09:30" or "+12 14:00" (a time is optional) as an aware datetime in Europe/Paris."""
    day, _sep, hour = text.strip().partition(" ")
    first = upcoming_day(int(day)) if day.startswith("+") else date.fromisoformat(day)
    return datetime.combine(first, time.fromisoformat(hour) if hour else time.min, tzinfo=PARIS)


def _body(items):
    def block(item):
        if isinstance(item, list):
            return ("paragraph", RichText("<ul>" + "".join(f"<li>{line}</li>" for line in item) + "</ul>"))
        return _block(item)

    return [block(item) for item in items]


def _event(meta, title, summary, chapo, fields, *body):
    slug, when, image, themes, tags = (part.strip() for part in meta.split("|"))
    starts_at, ends_at = (_moment(part) for part in when.split(">"))
    announced = min(starts_at.date() - timedelta(days=ANNOUNCED_DAYS_BEFORE), timezone.localdate() - timedelta(1))
    fields = dict(fields)
    if "place" in fields:
        venue, address, postal_code, commune = (part.strip() for part in fields.pop("place").split("|"))
        fields.update(venue_name=venue, address=address, postal_code=postal_code, commune=commune)
    if "closes" in fields:
        fields["registration_closes_on"] = starts_at.date() - timedelta(days=fields.pop("closes"))
    # An event without times lasts whole days: the page's clean(), run on save, stretches it from the first
    # moment of its first day to the last moment of its last day, as when an editor ticks « toute la journée ».
    fields["all_day"] = " " not in when.split(">")[0].strip()
    return _editorial(
        EventPage,
        f"{slug} | {announced.isoformat()} | {image} | {themes} | {tags}",
        title,
        summary,
        chapo,
        starts_at=starts_at,
        ends_at=ends_at,
        body=_body(body),
        **fields,
    )


def _agenda(home):
    """The site's one agenda (whatever its slug), created right after the news in the main menu if missing."""

    existing = home.get_children().type(EventIndexPage).specific().first()
    if existing:
        return existing, False
    agenda = ensure_child(
        home,
        EventIndexPage(
            title="Agenda",
            slug="agenda",
            show_in_menus=True,
            listing_summary="Les rencontres, ateliers et visites du réseau et de ses membres.",
            intro="Rencontres régionales, séances de codéveloppement, visites de tiers-lieux, balades climat : "
            "les rendez-vous du réseau et de ses membres, en présentiel comme en ligne.",
        ),
    )
    news_index = home.get_children().type(NewsIndexPage).first()
    if news_index:
        agenda.move(news_index, pos="right")
        agenda.refresh_from_db()
    return agenda, True


def _add_home_section(home, agenda):
    """« Prochains événements » on the home page, after the latest news, unless it lists events already."""
    if home.has_unpublished_changes:
        return False  # an editor's draft is left alone
    if any(block.block_type == "latest_content" and block.value["content_type"] == "evenements" for block in home.body):
        return False
    after_news = [
        index
        for index, block in enumerate(home.body)
        if block.block_type == "latest_content" and block.value["content_type"] == "actualites"
    ]
    section = {"title": "Prochains événements", "content_type": "evenements", "count": 3, "link": agenda}
    home.body.insert(after_news[0] + 1 if after_news else 0, ("latest_content", section))
    home.save_revision().publish()
    return True


def load_events(stdout):

    home = HomePage.objects.first()
    agenda, agenda_created = _agenda(home)
    before = EventPage.objects.count()
    events = {}
    for entry in EVENTS:
        page = ensure_child(agenda, _event(*entry))
        events[page.slug] = page
    created = EventPage.objects.count() - before
    reports = {page.slug: page for page in EditorialPage.objects.filter(slug__in=sum(EVENT_PINS.values(), []))}
    pinned = 0
    for slug, pins in EVENT_PINS.items():
        targets = [reports[pin] for pin in pins if pin in reports]
        if targets:
            pinned += _pin(events[slug], "pinned_pages", targets)
    section = agenda_created and _add_home_section(home, agenda)
    upcoming = EventPage.objects.live().descendant_of(agenda).upcoming_events(timezone.now()).count()
    stdout.write(
        f"Agenda : {created} événement(s) créé(s) ({upcoming} à venir), {pinned} sélection(s) épinglée(s)"
        + (" ; rubrique « Prochains événements » ajoutée à l'accueil." if section else ".")
    )
