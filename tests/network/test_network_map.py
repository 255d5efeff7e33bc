"""The network's map: actors placed where they are, in the projection of the departments' outlines,
on the directory and on the network page, and outside map tiles only once an editor turns them on."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from django.core.exceptions import ValidationError

from core.models import SiteSettings
from network.directory.factories import ActorFactory
from network.directory.region_map import TILE_ZOOM, department_at, department_outlines, inside, project, tiles

pytestmark = pytest.mark.django_db

DEMO_ACTORS = Path(__file__).resolve().parents[2] / "demo" / "data" / "actors.yaml"
TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


def departments_at(point):
    return [name for name, rings in department_outlines() if any(inside(point, ring) for ring in rings)]


def test_each_demo_actor_is_placed_inside_its_own_department():
    """The projection and the outlines agree: thirty real communes, from the coast to the Thiérache."""
    actors = yaml.safe_load(DEMO_ACTORS.read_text())["actors"]
    misplaced = [
        f"{actor['commune']} ({actor['department']}) lands in {departments_at(point) or 'no department'}"
        for actor in actors
        if departments_at(point := project(actor["latitude"], actor["longitude"])) != [actor["department"]]
    ]
    assert len(actors) == 30
    assert misplaced == []


def test_a_point_outside_the_region_belongs_to_no_department_of_the_map():
    assert department_at(project(50.6292, 3.0573)) == "Nord"  # Lille
    assert department_at(project(48.8566, 2.3522)) is None  # Paris, inside the map's box
    assert department_at(project(50.8503, 4.3517)) is None  # Brussels


def test_the_tiles_cover_the_whole_map_in_squares_of_the_web_map_grid():
    placed = tiles(TILES)
    lefts = sorted({x for _, x, _, _ in placed})
    tops = sorted({y for _, _, y, _ in placed})
    size = placed[0][3]
    assert lefts[0] <= 268 and lefts[-1] + size >= 268 + 128
    assert tops[0] <= -4 and tops[-1] + size >= -4 + 154
    assert len(placed) == len(lefts) * len(tops)
    # The tile holding Lille at this zoom, by the web map formula, sits under Lille's marker.
    url, x, y, size = next(tile for tile in placed if tile[0] == f"https://tiles.example.org/{TILE_ZOOM}/130/86.png")
    lille = project(50.6292, 3.0573)
    assert x <= lille[0] <= x + size and y <= lille[1] <= y + size


@pytest.fixture
def located_actors(directory):
    ActorFactory(name="Ville de Lille", commune="Lille", department="Nord", latitude="50.6292", longitude="3.0573")
    ActorFactory(name="Maison de Roubaix", commune="Roubaix", department="Nord", latitude="50.6942", longitude="3.1746")
    ActorFactory(name="Jardins d'Amiens", commune="Amiens", department="Somme", latitude="49.8942", longitude="2.2957")
    ActorFactory(name="Sans adresse", commune="Laon", department="Aisne")
    ActorFactory(name="Antenne parisienne", commune="Paris", department="Nord", latitude="48.8566", longitude="2.3522")


def markers(html):
    return re.findall(r'<circle cx="(\d+)" cy="(-?\d+)" r="[\d.]+"><title>([^<]+)</title>', html)


def test_the_directory_map_marks_actors_with_coordinates_in_the_region(client, located_actors):
    html = client.get("/reseau/annuaire/").content.decode()

    lille = project(Decimal("50.6292"), Decimal("3.0573"))
    assert sorted(title for _, _, title in markers(html)) == [
        "Amiens : 1 acteur",
        "Lille : 1 acteur",
        "Roubaix : 1 acteur",
    ]
    assert (str(round(lille[0])), str(round(lille[1])), "Lille : 1 acteur") in markers(html)
    # Counts stay those of every published actor, located or not.
    assert 'aria-label="Nord : 3 acteurs"' in html
    assert 'aria-label="Aisne : 1 acteur"' in html


def test_actors_of_one_commune_share_one_marker_that_counts_them(client, located_actors):
    ActorFactory(name="Tiers-lieu de Lille", commune="Lille", department="Nord", latitude="50.6300", longitude="3.0580")
    titles = [title for _, _, title in markers(client.get("/reseau/annuaire/").content.decode())]
    assert "Lille : 2 acteurs" in titles
    assert len(titles) == 3


def test_the_network_page_shows_the_map_linking_to_the_filtered_directory(client, network_section, located_actors):
    network_section.body = [("network_map", {"heading": "Le réseau sur la carte"})]
    network_section.save_revision().publish()

    html = client.get("/reseau/").content.decode()

    assert '<h2 id="network-map-heading">Le réseau sur la carte</h2>' in html
    assert 'href="/reseau/annuaire/?departement=Somme"' in html
    assert len(markers(html)) == 3


def test_the_map_block_shows_nothing_without_a_published_directory(client, network_section, directory):
    directory.unpublish()
    network_section.body = [("network_map", {"heading": "Le réseau sur la carte"})]
    network_section.save_revision().publish()

    html = client.get("/reseau/").content.decode()

    assert "Le réseau sur la carte" not in html
    assert "region-map" not in html


def turn_tiles_on(url=TILES):
    site_settings = SiteSettings.objects.get()
    site_settings.map_tiles_enabled = True
    site_settings.map_tiles_url = url
    site_settings.map_tiles_attribution = "© les contributeurs d'OpenStreetMap"
    site_settings.full_clean()
    site_settings.save()


def test_without_the_editor_s_setting_no_page_names_a_tile_server(client, located_actors):
    response = client.get("/reseau/annuaire/")
    html = response.content.decode()
    assert "tiles.example.org" not in html
    assert "data-region-map-consent" not in html
    # The directive ends with « ; » or, when the policy lists it last, with the header.
    assert re.search(r"img-src 'self' data:(;|$)", response["Content-Security-Policy"])


def test_tiles_turned_on_are_offered_behind_a_question_and_allowed_by_the_policy(client, located_actors):
    turn_tiles_on()

    response = client.get("/reseau/annuaire/")
    html = response.content.decode()

    assert re.search(r"img-src 'self' data: https://tiles\.example\.org(;|$)", response["Content-Security-Policy"])
    consent = html[html.index("data-region-map-consent") : html.index("</template>")]
    assert "Afficher le fond de carte" in consent
    assert "tiles.example.org, qui verra votre adresse IP" in consent
    # The tiles wait in an inert template: the browser fetches none until the script moves them.
    template = html[html.index("<template data-region-map-tile-images>") :]
    assert template.count('<image href="https://tiles.example.org/8/') == len(tiles(TILES))
    assert "© les contributeurs d&#x27;OpenStreetMap" in html
    assert html.count("https://tiles.example.org/8/") == len(tiles(TILES))


def test_tiles_turned_off_again_leave_the_policy_as_it_was(client, located_actors):
    turn_tiles_on()
    client.get("/reseau/annuaire/")
    site_settings = SiteSettings.objects.get()
    site_settings.map_tiles_enabled = False
    site_settings.save()

    response = client.get("/reseau/annuaire/")

    assert "tiles.example.org" not in response["Content-Security-Policy"]
    assert "tiles.example.org" not in response.content.decode()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Nécessaire pour afficher le fond de carte."),
        ("http://tile.openstreetmap.org/{z}/{x}/{y}.png", "commençant par https://"),
        ("https://tile.openstreetmap.org/{x}/{y}.png", "{z}, {x} et {y}"),
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "{z}, {x} et {y}"),
    ],
)
def test_tiles_need_one_https_server_with_the_tile_numbers_and_a_credit(home_page, url, message):
    with pytest.raises(ValidationError) as error:
        turn_tiles_on(url)
    assert message in str(error.value)
