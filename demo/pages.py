"""The site-wide pages of the demo: home, "who we are", the network and the legal pages."""

from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage

from .images import demo_image
from .tree import ensure_child, ensure_home_page


def _p(*paragraphs):
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def _h2(text):
    return ("heading", {"text": text, "level": "h2"})


def _cta(label, url, style):
    return ("call_to_action", {"label": label, "link": {"page": None, "url": url}, "style": style})


def build_home_page():
    return HomePage(
        title="Accueil",
        slug="accueil",
        seo_title="Territoires participatifs – le réseau régional des transitions partagées",
        search_description=(
            "Centre de ressources et réseau régional des territoires qui font des transitions "
            "écologiques une affaire commune : actualités, agenda, ressources, annuaire des acteurs."
        ),
        hero_title="Faire des transitions une affaire commune",
        hero_intro=(
            "Collectivités, associations, entreprises et habitants des Hauts-de-France partagent ici "
            "leurs expériences de participation au service du climat et de l'environnement."
        ),
        hero_image=demo_image("Rencontre du réseau à Lille"),
        hero_link_label="Découvrir le réseau",
        join_title="Rejoindre le réseau",
        join_text=(
            "Vous portez un projet participatif ou souhaitez en lancer un ? Le réseau vous ouvre ses "
            "rencontres, ses ressources et son annuaire."
        ),
    )


def about_page():
    return StandardPage(
        title="Qui sommes-nous ?",
        slug="qui-sommes-nous",
        show_in_menus=True,
        listing_summary="Un centre de ressources régional au service des transitions écologiques et démocratiques.",
        intro=(
            "Le centre régional de ressources accompagne depuis Lille celles et ceux qui veulent "
            "conduire les transitions avec les habitants plutôt que pour eux."
        ),
        body=[
            _h2("Notre mission"),
            _p(
                "Nous repérons les initiatives, les documentons et les faisons connaître. Nous "
                "organisons des rencontres où élus, techniciens, associations et citoyens apprennent "
                "les uns des autres.",
                "Notre centre de ressources rassemble guides, études et retours d'expérience, en "
                "accès libre pour tous les acteurs de la région.",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Personne ne détient seul la réponse aux défis climatiques : c'est ensemble qu'on la construit."
                    ),
                    "attribution": "La charte du réseau",
                },
            ),
            _h2("Nos partenaires"),
            _p(
                "Le centre travaille avec la Région, les départements, les intercommunalités et de "
                "nombreuses associations d'éducation populaire et de protection de l'environnement."
            ),
        ],
    )


def network_page():
    return StandardPage(
        title="Le réseau",
        slug="reseau",
        show_in_menus=True,
        listing_summary="Le réseau régional des Territoires participatifs, lancé à Lille le 28 avril 2022.",
        intro=(
            "Lancé à Lille le 28 avril 2022, le réseau régional des Territoires participatifs relie "
            "celles et ceux qui font de la participation un levier des transitions."
        ),
        body=[
            _h2("Un espace pour se connaître et coopérer"),
            _p(
                "Le réseau organise des rencontres régionales, des temps de codéveloppement pour "
                "résoudre ensemble des difficultés concrètes, et des missions d'ambassadeurs qui "
                "essaiment les bonnes pratiques d'un territoire à l'autre.",
                "Il s'adresse aux collectivités qui veulent associer les habitants comme aux "
                "initiatives citoyennes qui cherchent le soutien de leur collectivité.",
            ),
            (
                "gallery",
                {
                    "title": "Retour en images",
                    "images": [
                        {
                            "image": demo_image("Rencontre du réseau à Lille"),
                            "caption": "Ouverture de la rencontre de Lille",
                            "credit": "",
                        },
                        {
                            "image": demo_image("Atelier de codéveloppement"),
                            "caption": "Atelier de codéveloppement",
                            "credit": "",
                        },
                        {
                            "image": demo_image("Conseil citoyen"),
                            "caption": "Échanges entre élus et habitants",
                            "credit": "",
                        },
                    ],
                },
            ),
            _h2("Trouver un acteur, rejoindre le réseau"),
            _p(
                "L'annuaire présente les membres du réseau dans les cinq départements de la région. Votre "
                "structure n'y figure pas encore ? Présentez-la-nous en quelques minutes."
            ),
            # By address: the network step creates these two pages after this one.
            _cta("Consulter l'annuaire des acteurs", "/reseau/annuaire/", "secondary"),
            _cta("Rejoindre le réseau", "/reseau/rejoindre/", "primary"),
        ],
    )


def legal_page():
    return StandardPage(
        title="Mentions légales",
        slug="mentions-legales",
        intro="Informations sur l'éditeur et l'hébergeur du site.",
        body=[
            _h2("Éditeur"),
            _p(
                "Centre régional de ressources du développement durable, association loi 1901, "
                "23 rue Gosselet, 59000 Lille."
            ),
            _h2("Directeur de la publication"),
            _p("Le président ou la présidente de l'association."),
            _h2("Hébergement"),
            _p(
                "Le site est hébergé en France par un prestataire soumis au règlement général "
                "sur la protection des données."
            ),
        ],
    )


def accessibility_page():
    return StandardPage(
        title="Accessibilité",
        slug="accessibilite",
        intro=(
            "Déclaration d'accessibilité établie selon le référentiel général d'amélioration "
            "de l'accessibilité (RGAA 4.1)."
        ),
        body=[
            _h2("État de conformité"),
            _p(
                "Le site Territoires participatifs vise la conformité totale au RGAA 4.1. Chaque "
                "type de page est vérifié automatiquement à chaque modification du code, avec l'outil "
                "axe, pour les critères des niveaux A et AA des WCAG 2.1."
            ),
            _h2("Technologies utilisées"),
            _p("HTML5, CSS et un JavaScript facultatif : toutes les pages fonctionnent sans JavaScript."),
            _h2("Retour d'information et contact"),
            _p(
                "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à "
                "contact@territoires-participatifs.example : nous vous répondrons et vous "
                "proposerons une alternative accessible."
            ),
            _h2("Voies de recours"),
            _p(
                "Si vous n'obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des "
                "droits, en ligne, par courrier gratuit (Défenseur des droits, libre réponse 71120, "
                "75342 Paris CEDEX 07) ou auprès de l'un de ses délégués en région."
            ),
        ],
    )


def privacy_page():
    return StandardPage(
        title="Données personnelles",
        slug="donnees-personnelles",
        intro="Ce que le site enregistre à votre sujet, pourquoi, et combien de temps.",
        body=[
            _h2("Aucun traceur"),
            _p(
                "Le site ne dépose aucun cookie de mesure d'audience ni de publicité, et ne fait "
                "appel à aucun service tiers lorsque vous le consultez."
            ),
            _h2("Vos droits"),
            _p(
                "Vous pouvez demander l'accès, la rectification ou l'effacement de vos données en "
                "écrivant à contact@territoires-participatifs.example."
            ),
        ],
    )


def load_pages(stdout):
    home = ensure_home_page(build_home_page)
    about = ensure_child(home, about_page())
    network = ensure_child(home, network_page())
    for build in (legal_page, accessibility_page, privacy_page):
        ensure_child(home, build())
    if not (home.hero_link_page_id and home.join_page_id):
        # The network page until the join form exists; its loader points the call there.
        home.hero_link_page = home.hero_link_page or network
        home.join_page = home.join_page or network
        home.save_revision().publish()
    stdout.write(f"Pages : arborescence prête ({home.get_descendants().count() + 1} pages, dont « {about.title} »).")
