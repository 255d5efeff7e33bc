"""Screenshots of every page type of the demo at 320, 768 and 1366 px, for visual review in docs/design/.

Regenerated, never compared pixel by pixel: `make design-shots` runs it (about three minutes: the
demo is loaded, then some fifty full pages are drawn), outside `make test` whose time CI counts.
"""

from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.design_shots]

GALLERY = Path(settings.BASE_DIR) / "docs" / "design"
WIDTHS = (320, 768, 1366)
# Page type -> (demo address, what to look at).
PAGES = {
    "accueil": ("/", "Accueil : à la une, prochains événements, actualités, ressources, partenaires, chiffres clés"),
    "page-de-contenu": ("/qui-sommes-nous/", "Page de contenu : citation, encadré, partenaires et financeurs"),
    "reseau": ("/reseau/", "Le réseau : carte des acteurs par département et par commune"),
    "actualites": ("/actualites/", "Actualités : filtres et cartes"),
    "actualite": (
        "/actualites/lancement-reseau-regional-territoires-participatifs/",
        "Article avec sa galerie « Retour en images »",
    ),
    "agenda": ("/agenda/", "Agenda : cartes d'événement datées, par mois"),
    "evenement": ("/agenda/rencontre-regionale-annuelle-reseau/", "Événement : informations pratiques"),
    "evenement-annule": ("/agenda/atelier-reparation-moulin-des-possibles/", "Événement annulé : bandeau"),
    "ressources": ("/ressources/", "Centre de ressources"),
    "ressource": (
        "/ressources/feuille-de-route-reseau-territoires-participatifs/",
        "Ressource : document à télécharger",
    ),
    "dossier": ("/territoires-participatifs/", "Dossier thématique"),
    "annuaire": ("/reseau/annuaire/?departement=Nord", "Annuaire filtré : carte, résumé des filtres, logos"),
    "acteur": ("/reseau/annuaire/flandre-energie-citoyenne/", "Fiche d'acteur"),
    "adhesion": ("/reseau/rejoindre/", "Formulaire d'adhésion"),
    "newsletter": ("/newsletter/", "Inscription à la lettre"),
    "recherche": ("/recherche/?q=tiers-lieux", "Recherche"),
    "page-introuvable": ("/cette-adresse-n-existe-pas/", "Page introuvable"),
}


@pytest.fixture
def demo_site(transactional_db, django_db_serialized_rollback, settings):
    settings.ROOT_URLCONF = "tests.e2e.urls"  # serves the demo's images
    call_command("load_demo", stdout=StringIO())


def _index():
    lines = [
        "# Galerie de revue visuelle",
        "",
        "Chaque type de page de la démonstration à 320, 768 et 1366 pixels de large, refait par",
        "`make design-shots` (tests/e2e/test_design_shots.py). Cliquez sur une vignette pour la page entière.",
        "",
        "| Page | 320 px | 768 px | 1366 px |",
        "| --- | --- | --- | --- |",
    ]
    for kind, (_path, caption) in PAGES.items():
        cells = " | ".join(f"[![{kind} {width}]({kind}-{width}.jpg)]({kind}-{width}.jpg)" for width in WIDTHS)
        lines.append(f"| {caption} | {cells} |")
    return "\n".join(lines) + "\n"


def test_every_page_type_is_pictured_at_three_widths(page, demo_site):
    page.set_default_timeout(60_000)  # a full page of the demo on a busy machine takes its time
    GALLERY.mkdir(parents=True, exist_ok=True)
    written = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for kind, (path, _caption) in PAGES.items():
            page.goto(path, wait_until="load")
            # A full-page picture shows what lies below the first screen: lazy images load first.
            page.evaluate(
                "document.querySelectorAll('img[loading=lazy]').forEach((image) => { image.loading = 'eager'; })"
            )
            page.wait_for_load_state("networkidle")
            picture = GALLERY / f"{kind}-{width}.jpg"
            written.append(len(page.screenshot(path=picture, full_page=True, type="jpeg", quality=70)))
    (GALLERY / "README.md").write_text(_index(), encoding="utf-8")

    # Every picture holds a drawn page, not an empty screen (a blank 320 px page weighs about 2 KB).
    assert len(written) == len(PAGES) * len(WIDTHS) and min(written) > 10_000, written
