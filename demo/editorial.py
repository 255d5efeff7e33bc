"""Demo editorial content: news, the resource centre and the « Territoires participatifs » dossier.

Dates, places and programme names come from the network's history; every sentence is written for
the demo. Like the other steps, it creates what is missing and leaves existing pages as they are.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from core.models import Theme
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage, ResourceDocument, ResourceIndexPage, ResourcePage, TopicPage

from .images import demo_image
from .tree import ensure_child

PARIS = ZoneInfo("Europe/Paris")
Kind = ResourcePage.Kind
LAUNCH = "lancement-reseau-regional-territoires-participatifs"
ROADMAP = "feuille-de-route-reseau-territoires-participatifs"
GALLERY = [
    ("Rencontre du réseau à Lille", "Le cercle d'ouverture de la rencontre"),
    ("Atelier de codéveloppement", "Les ateliers de l'après-midi"),
    ("Conseil citoyen", "Élus et habitants autour de la même table"),
]
ROADMAP_TEXT = """Feuille de route du réseau régional des Territoires participatifs

Lancement : Lille, 28 avril 2022, une quarantaine de participants.

1. Organiser des séances de codéveloppement entre membres.
2. Publier un annuaire des membres du réseau.
3. Ouvrir une liste de diffusion pour partager questions et rendez-vous.
4. Confier des missions d'ambassadeurs pour essaimer les bonnes pratiques.
"""
MEETINGS_CSV = """date;rencontre
2022-04-28;Lancement du réseau régional Territoires participatifs (Lille)
2023-05-25;Deuxième rencontre régionale du réseau de la participation et de la citoyenneté
2024-04-09;Le rôle des tiers-lieux dans les dynamiques locales
"""

# One tuple per article: "slug | publication date[/update date] | image | themes | tags[ | authors]", title,
# summary, chapô, then the body: a string is a paragraph, "## …" a heading; ("gallery", title, images) a gallery,
# ("cta", label, path) a button to the page at that path (to its address while the page does not exist).
NEWS = [
    (
        "plateforme-territoires-en-commun | 2021-01-19 | Forum des transitions | participation-citoyenne | "
        "participation, ingénierie démocratique, communs, collectivités | Claire Vasseur",
        "« Territoires en commun » : une plateforme pour outiller la participation citoyenne",
        "La Banque des Territoires et l'ANCT ouvrent une plateforme d'appui aux démarches participatives.",
        "Annuaire des acteurs, centre de ressources, blog : la Banque des Territoires et l'Agence nationale de la "
        "cohésion des territoires outillent celles et ceux qui veulent associer les habitants à leurs projets.",
        "## Rendre l'ingénierie participative accessible",
        "Concerter, co-construire, coopérer : beaucoup de collectivités en ont l'envie, peu en ont les moyens. La "
        "plateforme réunit des réseaux associatifs et des institutions pour que les petites communes accèdent elles "
        "aussi à des méthodes éprouvées et à des interlocuteurs compétents.",
        "## De nouveaux services dès 2021",
        "Trois chantiers enrichissent l'offre : un « Appel à communs » pour soutenir les démarches qui s'en "
        "réclament, un « Mécénat d'expérience » qui met en relation collectivités et acteurs de terrain, et des « Task "
        "forces » thématiques, appelées en renfort quand un aménagement ou un conflit d'usage divise un territoire.",
    ),
    (
        "budgets-participatifs-premiers-enseignements | 2021-10-12 | Conseil citoyen | participation-citoyenne climat "
        "| participation, budget participatif, collectivités, climat",
        "Budgets participatifs : ce que les premières éditions nous apprennent",
        "Des communes de la région confient une part de leurs investissements aux habitants : premiers bilans.",
        "Laisser les habitants choisir des projets financés par la commune : l'idée séduit de plus en plus de "
        "collectivités des Hauts-de-France. Nous avons interrogé celles qui ont franchi le pas.",
        "Dans la plupart des communes rencontrées, les projets retenus touchent au cadre de vie : pistes cyclables, "
        "plantations, composteurs partagés. La transition écologique s'invite ainsi d'elle-même dans les votes.",
        "## Trois conditions de réussite",
        "Les équipes municipales insistent sur l'accompagnement des porteurs de projets, sur un calendrier lisible du "
        "dépôt des idées jusqu'aux travaux, et sur un bilan public qui montre ce que chaque vote est devenu.",
    ),
    (
        "ressourceries-reemploi-cooperation | 2022-01-25 | Ressourcerie | economie-circulaire | ressourcerie, "
        "coopération, transition écologique | Karim Benali",
        "Ressourceries : le réemploi, une école de la coopération",
        "Collecter, réparer, revendre : les ressourceries créent des emplois et rassemblent des bénévoles.",
        "Derrière les étagères d'objets remis en état, les ressourceries de la région font vivre un modèle où "
        "salariés en insertion, bénévoles et habitants décident ensemble de l'avenir du lieu.",
        "Chaque objet sauvé de la benne évite un déchet et un achat neuf. Les structures visitées mettent pourtant en "
        "avant ce qui se joue autour : ateliers de réparation ouverts à tous, comités d'usagers, liens avec les "
        "déchetteries.",
        "## Un modèle à consolider",
        "Leur équilibre économique reste fragile. Plusieurs ressourceries cherchent à mutualiser la logistique ou la "
        "formation, et attendent des collectivités qu'elles reconnaissent leur rôle dans la prévention des déchets.",
    ),
    (
        f"{LAUNCH} | 2022-05-02/2022-07-07 | Rencontre du réseau à Lille | participation-citoyenne climat | "
        "territoires participatifs, participation, climat, coopération, codéveloppement, ambassadeurs | Équipe du "
        "centre de ressources",
        "Réseau régional des Territoires participatifs : la feuille de route se dessine",
        "Lancé à Lille le 28 avril 2022, le réseau réunit une quarantaine d'acteurs des transitions.",
        "Le 28 avril 2022 à Lille, une quarantaine d'élus, de techniciens, d'associations et d'habitants ont lancé le "
        "réseau régional « Territoires participatifs ». Leur conviction : face au climat, il faut coopérer.",
        "Institutions, entreprises, associations, collectifs citoyens : tous ont besoin de se rencontrer avant de "
        "pouvoir travailler ensemble. C'est la mission que les participants ont confiée au réseau : favoriser "
        "l'interconnaissance, faire communauté et faire naître des projets participatifs.",
        "## Territoires participatifs, de quoi parle-t-on ?",
        "Les échanges ont abouti à une définition de travail : un territoire participatif est un espace de vie où "
        "collectivités, acteurs économiques, associations et citoyens agissent côte à côte pour préserver "
        "l'environnement. La collectivité y reconnaît les forces vives et soutient les initiatives nées sans elle.",
        "## Convaincre au-delà des convaincus",
        "Le réseau ne veut pas devenir un club de territoires déjà outillés. Ses membres comptent montrer, exemples à "
        "l'appui, ce qu'apporte une participation sincère et méthodique, et outiller les communes qui débutent.",
        ("gallery", "Retour en images", GALLERY),
        "Des séances de codéveloppement pour s'entraider, un annuaire des membres, une liste de diffusion et des "
        "missions d'ambassadeurs chargés d'essaimer : la feuille de route prend forme. Il reste à en fixer le "
        "fonctionnement, ce à quoi s'attelle désormais cette jeune communauté.",
        ("cta", "Rejoindre le réseau", "/reseau/rejoindre/"),
    ),
    (
        "jardins-partages-habitants-quartier | 2022-06-14 | Jardin partagé | biodiversite participation-citoyenne | "
        "jardins partagés, participation, climat | Claire Vasseur",
        "Jardins partagés : des habitants qui verdissent leur quartier",
        "Au pied des immeubles, les jardins partagés rapprochent la nature et les voisins.",
        "Bacs de légumes, haies fruitières, hôtels à insectes : les jardins partagés se multiplient dans les villes "
        "de la région. Leur force tient autant aux récoltes qu'aux rencontres qu'ils suscitent.",
        "Un jardin partagé naît souvent de quelques voisins et d'une parcelle délaissée. Il dure lorsque le bailleur "
        "ou la commune signe une convention qui fixe les règles, de l'accès à l'eau au partage des récoltes.",
        "## Des refuges pour la biodiversité",
        "Cultivés sans pesticides, ces espaces accueillent pollinisateurs et oiseaux. Plusieurs collectifs y "
        "organisent des comptages participatifs qui alimentent les inventaires naturalistes locaux.",
    ),
    (
        "premiere-seance-codeveloppement | 2022-10-18 | Atelier de codéveloppement | participation-citoyenne | "
        "codéveloppement, territoires participatifs, participation",
        "Codéveloppement : première séance pour le réseau",
        "Six membres du réseau ont essayé une méthode d'entraide entre pairs. Ils en redemandent.",
        "Comment relancer un conseil citoyen qui s'essouffle ? C'est la question qu'une chargée de mission a soumise "
        "au groupe lors de la première séance de codéveloppement du réseau, cet automne.",
        "Le principe est simple : une personne expose une situation concrète, les autres l'interrogent puis proposent "
        "des pistes sans juger. En une heure et demie, la participante est repartie avec un plan d'action.",
        "## Un rendez-vous trimestriel",
        "Le groupe souhaite se retrouver chaque trimestre, en alternant visioconférence et rencontres dans les "
        "territoires. Les séances restent ouvertes à tous les membres, débutants compris.",
    ),
    (
        "conventions-citoyennes-climat-locales | 2023-02-21 | Forum des transitions | climat participation-citoyenne "
        "| convention citoyenne, climat, participation, collectivités",
        "Des conventions citoyennes pour le climat à l'échelle locale",
        "Tirés au sort, des habitants formulent des propositions pour le plan climat de leur territoire.",
        "Après la Convention citoyenne nationale, des intercommunalités expérimentent le tirage au sort pour associer "
        "les habitants à leur plan climat. Retour sur une démarche exigeante.",
        "Une trentaine de personnes tirées au sort se forment auprès d'experts avant de délibérer. Leurs propositions "
        "sont ensuite présentées au conseil communautaire, qui s'engage à répondre à chacune.",
        "## Tout se joue après",
        "Les collectivités qui s'y sont essayées le confirment : la confiance se gagne quand les citoyens voient ce "
        "que sont devenues leurs propositions. Un comité de suivi ouvert aux anciens membres devient la règle.",
    ),
    (
        "deuxieme-rencontre-reseau-participation-citoyennete | 2023-05-30 | Conseil citoyen | participation-citoyenne "
        "| participation, territoires participatifs, collectivités, coopération | Équipe du centre de ressources",
        "Deuxième rencontre régionale du réseau de la participation et de la citoyenneté",
        "Le 25 mai 2023, les acteurs de la participation ont dressé le bilan d'une année de coopération.",
        "Un an après le lancement du réseau, sa deuxième rencontre régionale s'est tenue le 25 mai 2023 : l'occasion "
        "de mesurer le chemin parcouru et de préparer la suite.",
        "La matinée était consacrée aux retours d'expérience : un conseil de quartier réinventé, une concertation sur "
        "un projet d'aménagement, un collectif d'habitants engagé pour la sobriété énergétique.",
        "## Des besoins qui se précisent",
        "Les ateliers de l'après-midi ont fait ressortir deux attentes : former les élus et évaluer les démarches "
        "participatives. Le centre de ressources en fera ses priorités pour l'année à venir.",
    ),
    (
        "missions-ambassadeurs-reseau | 2023-10-10 | Balade climat | participation-citoyenne | ambassadeurs, "
        "territoires participatifs, coopération",
        "Ambassadeurs du réseau : essaimer d'un territoire à l'autre",
        "Des membres expérimentés accompagnent des territoires qui se lancent dans la participation.",
        "Annoncées lors du lancement du réseau, les missions d'ambassadeurs voient le jour : un pair expérimenté "
        "accompagne une collectivité ou une association qui démarre.",
        "Chaque mission dure quelques mois et commence par une visite sur place. L'ambassadeur partage ses outils, "
        "ses réussites et surtout ses erreurs : c'est souvent ce qui rassure le plus les équipes.",
        "## Cinq premières missions",
        "Elles concernent des communes rurales et une association de quartier. Un bilan au printemps dira comment "
        "élargir le format.",
    ),
    (
        "rencontre-role-tiers-lieux-dynamiques-locales | 2024-04-16/2024-05-02 | Tiers-lieu rural | tiers-lieux "
        "participation-citoyenne | tiers-lieux ruraux, territoires participatifs, coopération | Karim Benali, Claire "
        "Vasseur",
        "Le rôle des tiers-lieux dans les dynamiques locales : retour sur la rencontre du réseau",
        "Le 9 avril 2024, le réseau s'est penché sur ces lieux hybrides qui font vivre la coopération.",
        "Café associatif, atelier de réparation, espace de travail partagé : les tiers-lieux ont trouvé leur place "
        "dans la région. Le 9 avril 2024, le réseau a interrogé leur rôle dans les dynamiques locales.",
        "Les témoignages ont montré combien ces lieux rapprochent des publics qui se croisent rarement. Dans les "
        "villages, ils prennent parfois le relais du dernier commerce ou du café disparu.",
        "## Quelle relation avec les collectivités ?",
        "Les porteurs de projets attendent un soutien qui respecte leur autonomie : locaux mis à disposition, "
        "commandes de services, présence dans la gouvernance. Plusieurs élus veulent poursuivre en groupe de travail.",
    ),
    (
        "ressourcerie-tiers-lieu-reparer | 2024-11-05 | Ressourcerie | economie-circulaire tiers-lieux | "
        "ressourcerie, transition écologique",
        "Réparer plutôt que jeter : une ressourcerie s'installe dans un tiers-lieu",
        "Collecte, atelier vélo et café réparation : le réemploi trouve un nouveau toit.",
        "En s'installant dans un tiers-lieu, une ressourcerie gagne de la place, des bénévoles et un public qui vient "
        "d'abord pour le café, puis revient pour réparer.",
        "Le partage des locaux a permis d'ouvrir un atelier vélo et un café réparation mensuel. Les habitants "
        "apportent leurs objets en panne et apprennent à les remettre en état avec les bénévoles.",
        "## Une gouvernance partagée",
        "Les deux structures ont rédigé une charte commune et tiennent chaque semestre une assemblée d'usagers qui "
        "choisit les projets.",
    ),
    (
        "balades-climat-lire-le-paysage | 2025-04-08 | Balade climat | climat biodiversite | climat, transition "
        "écologique, participation",
        "Balades climat : lire le paysage pour imaginer son avenir",
        "Le long d'une rivière, habitants et experts observent les effets du changement climatique.",
        "Crues, sécheresses, essences d'arbres qui souffrent : une balade suffit pour rendre visibles les effets du "
        "dérèglement climatique. Plusieurs communes en font le point de départ de leur concertation.",
        "Guidés par un naturaliste et un technicien de la collectivité, les participants relèvent ce qui a changé et "
        "ce qui les inquiète. Leurs observations nourrissent ensuite un atelier en salle.",
        "## Du constat au plan d'action",
        "La balade rend les enjeux concrets et met tout le monde à égalité : chacun connaît son paysage. Les "
        "propositions qui en sortent sont souvent plus précises que celles d'une réunion publique classique.",
    ),
    (
        "annuaire-liste-diffusion-reseau | 2025-09-23 | Rencontre du réseau à Lille | participation-citoyenne | "
        "territoires participatifs, coopération, participation | Équipe du centre de ressources",
        "Annuaire et liste de diffusion : le réseau se donne des outils",
        "Deux outils annoncés dans la feuille de route sont désormais ouverts à tous les membres.",
        "Trouver un interlocuteur qui a déjà mené une concertation, partager une offre d'emploi ou une invitation : "
        "l'annuaire et la liste de diffusion du réseau sont ouverts.",
        "L'annuaire présente chaque membre, ses projets et ses compétences, avec une recherche par thème et par "
        "territoire. Chacun met à jour sa fiche lorsqu'il le souhaite.",
        "## Une liste pour s'entraider",
        "La liste de diffusion relaie questions, retours d'expérience et dates de rencontres. Sa charte rappelle une "
        "règle simple : on y partage plus qu'on n'y annonce.",
    ),
    (
        "defis-sobriete-energetique-voisins | 2026-02-10/2026-03-02 | Jardin partagé | climat | climat, transition "
        "écologique, participation",
        "Sobriété énergétique : des défis entre voisins",
        "Réduire sa consommation en équipe, avec l'appui de la commune : un défi qui fait des émules.",
        "Des équipes de voisins se lancent le défi de consommer moins d'énergie pendant un hiver. La commune fournit "
        "les outils de mesure, les habitants inventent les astuces.",
        "Les équipes comparent leurs relevés chaque mois et échangent leurs trucs : réglage du chauffage, chasse aux "
        "appareils en veille, prêt de matériel entre voisins.",
        "## Des économies et des liens",
        "Au-delà des kilowattheures économisés, les participants retiennent les rencontres. Plusieurs équipes ont "
        "choisi de poursuivre l'aventure sur le thème de l'alimentation.",
    ),
]
# Resources: the same first line, title, summary, kind, then an outside address or (document title, file, content).
RESOURCES = [
    (
        f"{ROADMAP} | 2022-07-07 | Atelier de codéveloppement | participation-citoyenne | "
        "territoires participatifs, participation, coopération",
        "Feuille de route du réseau régional des Territoires participatifs",
        "Les quatre chantiers retenus par les membres lors du lancement du réseau.",
        Kind.REPORT,
        ("Feuille de route du réseau (texte)", "feuille-de-route-reseau.txt", ROADMAP_TEXT),
    ),
    (
        "calendrier-rencontres-reseau | 2024-04-30 | Rencontre du réseau à Lille | participation-citoyenne | "
        "territoires participatifs, participation",
        "Calendrier des rencontres du réseau",
        "Les dates et les thèmes des rencontres régionales, dans un tableau réutilisable.",
        Kind.TOOL,
        ("Calendrier des rencontres (CSV)", "rencontres-reseau.csv", MEETINGS_CSV),
    ),
    (
        "guide-budget-participatif-petites-communes | 2021-11-30 | Conseil citoyen | participation-citoyenne | budget "
        "participatif, collectivités, participation",
        "Guide du budget participatif pour les petites communes",
        "Étape par étape, de la délibération du conseil municipal au bilan de la première édition.",
        Kind.GUIDE,
        "https://example.org/guides/budget-participatif",
    ),
    (
        "etude-participation-plans-climat | 2023-09-12 | Balade climat | climat participation-citoyenne | climat, "
        "convention citoyenne, ingénierie démocratique, collectivités",
        "La participation des habitants dans les plans climat",
        "Panorama des dispositifs employés par les intercommunalités, du questionnaire au tirage au sort.",
        Kind.STUDY,
        "https://example.org/etudes/participation-plans-climat",
    ),
    (
        "fiche-animer-seance-codeveloppement | 2022-11-08 | Atelier de codéveloppement | participation-citoyenne | "
        "codéveloppement, coopération",
        "Animer une séance de codéveloppement",
        "Les six temps d'une séance, les rôles de chacun et les erreurs à éviter.",
        Kind.SHEET,
        "https://example.org/fiches/codeveloppement",
    ),
    (
        "video-tiers-lieux-ruraux | 2024-06-04 | Tiers-lieu rural | tiers-lieux | tiers-lieux ruraux, coopération",
        "Trois tiers-lieux ruraux racontent leur ancrage",
        "Porteurs de projets, élus et usagers expliquent ce que ces lieux changent dans leur village.",
        Kind.VIDEO,
        "https://example.org/videos/tiers-lieux-ruraux",
    ),
    (
        "boussole-des-communs | 2025-05-20 | Forum des transitions | economie-circulaire participation-citoyenne | "
        "communs, transition écologique",
        "La boussole des communs",
        "Une grille de questions pour organiser la gestion partagée d'un lieu ou d'une ressource.",
        Kind.TOOL,
        "https://example.org/outils/boussole-des-communs",
    ),
    (
        "fiche-lancer-jardin-partage | 2023-03-28 | Jardin partagé | biodiversite | jardins partagés, climat",
        "Lancer un jardin partagé",
        "Trouver un terrain, rédiger la convention, faire vivre le collectif : l'essentiel en une fiche.",
        Kind.SHEET,
        "https://example.org/fiches/jardin-partage",
    ),
]
INDEXES = [
    (
        NewsIndexPage,
        "Actualités",
        "actualites",
        "Les nouvelles du réseau et des territoires en transition.",
    ),
    (ResourceIndexPage, "Centre de ressources", "ressources", "Guides, études et fiches pratiques en accès libre."),
]
# Editors' picks for « Découvrez d'autres contenus similaires », by slug.
PINS = {
    LAUNCH: [
        "deuxieme-rencontre-reseau-participation-citoyennete",
        ROADMAP,
        "rencontre-role-tiers-lieux-dynamiques-locales",
    ],
    "rencontre-role-tiers-lieux-dynamiques-locales": ["video-tiers-lieux-ruraux", LAUNCH],
    "deuxieme-rencontre-reseau-participation-citoyennete": [LAUNCH, "etude-participation-plans-climat"],
    "plateforme-territoires-en-commun": ["boussole-des-communs", "etude-participation-plans-climat"],
}


def _image(title):
    # Imported here: home.demo imports this module to list its steps.

    return demo_image(title)


def _link(path):
    """The page at `path` once it exists, its address until then."""
    page = Page.objects.filter(url_path__endswith=path).first()
    return {"page": page, "url": ""} if page else {"page": None, "url": path}


def _block(item):
    if isinstance(item, str):
        if item.startswith("## "):
            return ("heading", {"text": item[3:], "level": "h2"})
        return ("paragraph", RichText(f"<p>{item}</p>"))
    kind, label, value = item
    if kind == "gallery":
        images = [
            {"image": {"image": _image(name), "decorative": False, "alt_text": ""}, "caption": caption, "credit": ""}
            for name, caption in value
        ]
        return ("gallery", {"title": label, "images": images})
    return ("call_to_action", {"label": label, "link": _link(value), "style": "primary"})


def _document(title, filename, content):
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    data = content.encode("utf-8")
    return model.objects.create(title=title, file=ContentFile(data, name=filename), file_size=len(data))


def _classify(page, themes, tags):
    page.themes.set(Theme.objects.filter(slug__in=themes.split()))
    page.tags.add(*tags.split(", "))
    return page


def _editorial(model, meta, title, summary, chapo, **fields):
    """A page of the editorial family from the first line of its tuple ("slug | dates | image | …")."""
    slug, dates, image, themes, tags, *authors = (part.strip() for part in meta.split("|"))
    published, _sep, updated = dates.partition("/")
    page = model(
        title=title,
        slug=slug,
        listing_summary=summary,
        chapo=chapo,
        hero_image=_image(image),
        publication_date=datetime.combine(date.fromisoformat(published), time(9, 30), tzinfo=PARIS),
        updated_on=date.fromisoformat(updated) if updated else None,
        **({"authors": authors[0]} if authors else {}),
        **fields,
    )
    return _classify(page, themes, tags)


def _news(meta, title, summary, chapo, *body):
    return _editorial(NewsPage, meta, title, summary, chapo, body=[_block(item) for item in body])


def _resource(meta, title, summary, kind, source):
    page = _editorial(ResourcePage, meta, title, summary, summary, kind=kind)
    page.year = page.publication_date.year
    if isinstance(source, str):
        page.external_url = source
        page.body = [_block("Cette ressource est publiée sur le site d'un partenaire : suivez le lien pour la lire.")]
    else:
        page.documents = [ResourceDocument(document=_document(*source), title=source[0])]
        page.body = [_block("Le document ci-dessous est libre de réutilisation : citez simplement sa source.")]
    return page


def _topic():
    page = TopicPage(
        title="Territoires participatifs",
        slug="territoires-participatifs",
        show_in_menus=True,
        listing_summary="Le dossier du réseau : rencontres, méthodes et ressources pour des transitions partagées.",
        intro="Tout ce que le réseau et le centre de ressources publient sur les territoires qui associent "
        "habitants, associations, entreprises et collectivités à leurs transitions.",
        body=[
            _block(
                "Un territoire participatif fait des transitions écologiques une affaire commune. Ce dossier "
                "rassemble les actualités du réseau régional lancé à Lille en 2022 et les ressources pour agir."
            )
        ],
    )
    return _classify(page, "participation-citoyenne", "territoires participatifs, participation")


def _pin(page, relation, targets):
    """Pin pages once: an editor's later choice is left as it is."""
    items = getattr(page, relation)
    if items.exists():
        return 0
    setattr(page, relation, [items.model(page=target) for target in targets])
    page.save_revision().publish()
    return 1


def _fill_home_sections(home, news_index, resources, topic):
    """The home page's sections, once: latest news, the dossier of the moment, latest resources."""
    if home.body:
        return
    home.body = [
        (
            "latest_content",
            {"title": "Dernières actualités", "content_type": "actualites", "count": 3, "link": news_index},
        ),
        ("featured_page", {"heading": "Dossier à la une", "page": topic}),
        (
            "latest_content",
            {"title": "Nouvelles ressources", "content_type": "ressources", "count": 3, "link": resources},
        ),
    ]
    home.save_revision().publish()


def load_editorial(stdout):

    home = HomePage.objects.first()
    before = Page.objects.count()
    news_index, resources = (
        ensure_child(home, model(title=title, slug=slug, show_in_menus=True, intro=intro))
        for model, title, slug, intro in INDEXES
    )
    pages = {}
    for parent, build, entries in ((news_index, _news, NEWS), (resources, _resource, RESOURCES)):
        for entry in entries:
            page = ensure_child(parent, build(*entry))
            pages[page.slug] = page
    topic = ensure_child(home, _topic())
    pinned = sum(_pin(pages[slug], "pinned_pages", [pages[pin] for pin in pins]) for slug, pins in PINS.items())
    pinned += _pin(topic, "pinned_items", [pages[LAUNCH], pages[ROADMAP]])
    _fill_home_sections(home, news_index, resources, topic)
    stdout.write(
        f"Contenus éditoriaux : {Page.objects.count() - before} page(s) créée(s), {pinned} sélection(s) épinglée(s)."
    )
