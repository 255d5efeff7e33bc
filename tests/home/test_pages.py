import pytest

from wagtail.models import Page

from core.models import SiteSettings
from home.factories import StandardPageFactory
from images.factories import ImageFactory
from tests.query_budget import assert_query_budget

pytestmark = pytest.mark.django_db


def test_home_page_shows_its_hero_and_menu(client, home_page):
    StandardPageFactory(parent=home_page, title="Qui sommes-nous ?", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Page cachée du menu", show_in_menus=False)

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Faire des transitions une affaire commune" in html
    assert ">Qui sommes-nous ?</a>" in html
    assert "Page cachée du menu" not in html
    assert 'href="#contenu"' in html and 'id="contenu"' in html


def test_standard_page_shows_breadcrumbs_and_marks_its_menu_section(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Le réseau", slug="reseau", show_in_menus=True)
    child = StandardPageFactory(parent=section, title="Nos partenaires", slug="partenaires")

    html = client.get(child.url).content.decode()

    assert 'aria-label="Fil d’Ariane"' in html
    assert '<a href="/">Accueil</a>' in html
    assert '<a href="/reseau/">Le réseau</a>' in html
    assert '<span aria-current="page">Nos partenaires</span>' in html
    assert '<a href="/reseau/" aria-current="true">Le réseau</a>' in html


def test_unpublished_and_private_pages_stay_out_of_the_menu(client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Brouillon", show_in_menus=True, live=False)
    assert draft.live is False
    html = client.get("/").content.decode()
    assert "Brouillon" not in html


def test_footer_shows_site_settings_and_legal_links_in_editor_order(client, home_page):
    legal = StandardPageFactory(parent=home_page, title="Mentions légales")
    access = StandardPageFactory(parent=home_page, title="Accessibilité")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.organisation_name = "Centre régional de ressources"
    site_settings.contact_email = "contact@example.org"
    site_settings.legal_links = [("page", access), ("page", legal)]
    site_settings.save()

    html = client.get("/").content.decode()

    assert "Centre régional de ressources" in html
    assert 'href="mailto:contact@example.org"' in html
    assert html.index(">Accessibilité</a>") < html.index(">Mentions légales</a>")


def test_body_blocks_render_with_alt_text_and_credit(client, home_page):
    image = ImageFactory(description="Des habitants autour d'une table", credit="© Jeanne Martin")
    page = StandardPageFactory(
        parent=home_page,
        body=[
            ("heading", {"text": "Retour sur la journée", "level": "h2"}),
            (
                "image",
                {"image": {"image": image, "decorative": False, "alt_text": ""}, "caption": "Atelier", "credit": ""},
            ),
            ("quote", {"quote": "Agir ensemble.", "attribution": "Une participante"}),
            (
                "call_to_action",
                {"label": "Rejoindre le réseau", "link": {"page": home_page, "url": ""}, "style": "primary"},
            ),
        ],
    )

    html = client.get(page.url).content.decode()

    assert "<h2>Retour sur la journée</h2>" in html
    assert 'alt="Des habitants autour d&#x27;une table"' in html or 'alt="Des habitants autour d\'une table"' in html
    assert "© Jeanne Martin" in html
    assert "<picture>" in html and 'loading="lazy"' in html
    assert '<a class="button" href="/">Rejoindre le réseau</a>' in html


def _grow_menu_and_legal_links(home_page):
    def grow(count):
        site_settings = SiteSettings.for_site(home_page.get_site())
        for _ in range(count):
            page = StandardPageFactory(parent=home_page, show_in_menus=True, listing_image=ImageFactory())
            site_settings.legal_links.append(("page", page))
        site_settings.save()

    return grow


def test_home_page_query_budget_is_flat(client, home_page):
    home_page.hero_image = ImageFactory()
    home_page.save_revision().publish()
    assert_query_budget(client, "/", budget=HOME_PAGE_QUERIES, grow=_grow_menu_and_legal_links(home_page))


def test_standard_page_query_budget_is_flat(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="mesure", listing_image=ImageFactory())
    assert_query_budget(client, page.url, budget=STANDARD_PAGE_QUERIES, grow=_grow_menu_and_legal_links(home_page))


def test_search_results_query_budget_is_flat(client, home_page):
    def grow(count):
        for _ in range(count):
            StandardPageFactory(parent=home_page, title="Territoires en transition")

    # From 3 results on: below, the words are also looked up in the spelling vocabulary (one query more).
    assert_query_budget(client, "/recherche/?q=transition", budget=SEARCH_QUERIES, grow=grow, sizes=(3, 20))


# The page's own row: the site, the route (pagecache.routes), whether the page is private, the
# settings and the images are remembered until the content changes; the menu, breadcrumbs, meta tags,
# footer and the article are read as rendered HTML, the home page's lists and key figures are kept too
# (pagecache's fragments).
HOME_PAGE_QUERIES = 1
STANDARD_PAGE_QUERIES = 1
# Search: the counts by type, by theme and the ranked page of results are one query each, whatever the
# number of results, and the total is read from the counts; the query's row and its daily hits for the
# statistics, the results' pages and actors.
SEARCH_QUERIES = 9


def test_wagtail_root_is_never_served_as_a_page(client, home_page):
    assert Page.get_first_root_node().url is None
