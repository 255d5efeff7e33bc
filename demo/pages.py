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


def _ul(*items):
    return ("paragraph", RichText("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"))


def accessibility_page():
    """The statement follows the RGAA model: what was measured, how, what is known to fail, and recourse."""
    return StandardPage(
        title="Accessibilité",
        slug="accessibilite",
        intro=(
            "Déclaration d'accessibilité du site Territoires participatifs, établie selon le modèle du "
            "référentiel général d'amélioration de l'accessibilité (RGAA 4.1)."
        ),
        body=[
            _p(
                "Le centre de ressources s'engage à rendre son site accessible, conformément à l'article 47 "
                "de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique à l'ensemble du site."
            ),
            _h2("État de conformité"),
            _p(
                "Le site est <b>partiellement conforme</b> au RGAA 4.1 : aucun audit complet, critère par "
                "critère, n'a encore été réalisé, et des non-conformités sont connues (voir plus bas). Cet "
                "état sera revu après l'audit prévu."
            ),
            _h2("Comment le site a été vérifié"),
            _p(
                "Vérifications automatiques, refaites à chaque modification du site, sur chaque type de "
                "page (accueil, actualités et article, agenda et événement, ressources, dossier, annuaire "
                "et fiche d'acteur, recherche, formulaire d'adhésion, lettre d'information) :"
            ),
            _ul(
                "axe-core dans le navigateur Chromium, pour les règles des niveaux A et AA des WCAG 2.1 ;",
                "le validateur HTML du W3C (Nu Html Checker), pour la validité du code (critère 8.2) ;",
                "Lighthouse, pour l'accessibilité et les performances.",
            ),
            _p("Critères vérifiés à la main, au clavier et à l'écran, sans audit formel :"),
            _ul(
                "navigation et formulaires utilisables au clavier seul, lien d'évitement (critères 12.7 à 12.9) ;",
                "focus toujours visible (critère 10.7) ;",
                "champs de formulaire étiquetés, erreurs signalées à côté du champ et en résumé (critères "
                "11.1 et 11.10) ;",
                "images porteuses d'information dotées d'une alternative, images décoratives ignorées "
                "(critères 1.1 à 1.3) ;",
                "titres de page et hiérarchie des titres (critères 8.5 et 9.1).",
            ),
            _p("Aucun test n'a encore été mené avec un lecteur d'écran ni avec des personnes handicapées."),
            _h2("Contenus non accessibles"),
            _p("Non-conformités connues :"),
            _ul(
                "à 320 pixels de large, certaines pages défilent horizontalement (critère 10.11) ;",
                "des documents PDF anciens du centre de ressources ne sont pas balisés pour les lecteurs "
                "d'écran (critère 13.3) ; une version accessible est envoyée sur demande ;",
                "les vidéos intégrées depuis d'autres sites n'ont pas toutes de sous-titres (critère 4.3).",
            ),
            _h2("Établissement de cette déclaration"),
            _p(
                "Déclaration établie le 4 décembre 2026. Technologies utilisées : HTML5, CSS et JavaScript ; "
                "toutes les pages fonctionnent sans JavaScript."
            ),
            _h2("Retour d'information et contact"),
            _p(
                "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à "
                "contact@territoires-participatifs.example : nous vous répondrons et vous proposerons une "
                "alternative accessible."
            ),
            _h2("Voies de recours"),
            _p(
                "Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu "
                "ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :"
            ),
            _ul(
                "écrire un message au Défenseur des droits, par le formulaire de son site ;",
                "contacter le délégué du Défenseur des droits de votre région ;",
                "envoyer un courrier, gratuit, sans timbre : Défenseur des droits, libre réponse 71120, "
                "75342 Paris CEDEX 07.",
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
