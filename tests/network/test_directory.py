"""The actors directory: published actors only, filters that never fail, actor pages and their contents."""

import json
import re

import pytest

from core.factories import ThemeFactory
from network.directory.factories import ActorFactory
from network.directory.models import Actor
from news.factories import NewsPageFactory
from news.models import EditorialActor
from tests.query_budget import assert_query_budget

pytestmark = pytest.mark.django_db

URL = "/reseau/annuaire/"


def names_listed(response):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def actors(directory):
    climat = ThemeFactory(name="Climat", slug="climat")
    lille = ActorFactory(name="Ville de Lille", kind=Actor.Kind.LOCAL_AUTHORITY, commune="Lille", department="Nord")
    lille.themes.set([climat])
    lille.save_revision().publish()
    ActorFactory(
        name="Ressourcerie d'Amiens",
        kind=Actor.Kind.ASSOCIATION,
        commune="Amiens",
        department="Somme",
        short_description="Réemploi et réparation d'objets du quotidien.",
    )
    ActorFactory(name="La Grange", kind=Actor.Kind.THIRD_PLACE, commune="Laon", department="Aisne")
    draft = Actor(
        name="Projet en brouillon",
        kind=Actor.Kind.COMPANY,
        short_description="Pas encore publié.",
        department="Nord",
        live=False,
    )
    draft.save()
    draft.save_revision()
    return {"lille": lille, "draft": draft}


def test_the_directory_lists_published_actors_alphabetically(client, actors):
    response = client.get(URL)
    assert response.status_code == 200
    assert names_listed(response) == ["La Grange", "Ressourcerie d&#x27;Amiens", "Ville de Lille"]
    assert "3 acteurs" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=tiers-lieu", ["La Grange"]),
        ("?departement=Nord", ["Ville de Lille"]),
        ("?theme=climat", ["Ville de Lille"]),
        ("?q=réparation", ["Ressourcerie d&#x27;Amiens"]),
        ("?q=LILLE", ["Ville de Lille"]),
        ("?departement=Nord&type=association", []),
    ],
)
def test_each_filter_narrows_the_list(client, actors, query, expected):
    assert names_listed(client.get(URL + query)) == expected


@pytest.mark.parametrize(
    "query",
    ["?type=inconnu", "?departement=Bretagne", "?theme=nulle-part", "?page=abc", "?page=999", "?q=" + "x" * 5000],
)
def test_bad_filter_values_answer_normally(client, actors, query):
    response = client.get(URL + query)
    assert response.status_code == 200


def test_an_unknown_filter_value_is_named_with_a_way_back(client, actors):
    html = client.get(URL + "?type=inconnu").content.decode()
    assert "Aucun résultat" in html
    assert "type « inconnu »" in html
    assert f'href="{URL}"' in html


def test_draft_actors_stay_off_the_public_site(client, actors):
    assert "Projet en brouillon" not in client.get(URL).content.decode()
    assert client.get(URL + f"{actors['draft'].slug}/").status_code == 404


def test_an_actor_page_shows_its_details_and_organization_data(client, actors):
    lille = actors["lille"]
    lille.public_email = "contact@lille.example"
    lille.website = "https://lille.example"
    lille.save_revision().publish()

    response = client.get(URL + "ville-de-lille/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Ville de Lille</h1>" in html
    assert 'href="mailto:contact@lille.example"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Organization" and data["name"] == "Ville de Lille"
    assert data["address"]["addressLocality"] == "Lille"
    assert data["url"].endswith("/reseau/annuaire/ville-de-lille/")


def test_a_phone_or_email_left_empty_is_not_shown(client, actors):
    html = client.get(URL + "la-grange/").content.decode()
    assert "mailto:" not in html and "tel:" not in html


def test_a_name_cannot_break_out_of_the_json_ld(client, directory):
    ActorFactory(name="</script><script>alert(1)</script>", slug="piege")
    html = client.get(URL + "piege/").content.decode()
    assert "<script>alert(1)</script>" not in html


def test_ses_contenus_lists_the_live_pages_that_link_the_actor(client, actors, news_index):
    lille = actors["lille"]
    linked = NewsPageFactory(parent=news_index, title="La ville ouvre un budget participatif")
    linked.linked_actors.add(EditorialActor(actor=lille, role=EditorialActor.Role.ORGANISER))
    linked.save_revision().publish()
    unpublished = NewsPageFactory(parent=news_index, title="Article retiré")
    unpublished.linked_actors.add(EditorialActor(actor=lille))
    unpublished.save_revision().publish()
    unpublished.unpublish()

    html = client.get(URL + "ville-de-lille/").content.decode()

    assert "La ville ouvre un budget participatif" in html
    assert "Article retiré" not in html
    article = client.get(linked.url).content.decode()
    assert 'href="/reseau/annuaire/ville-de-lille/"' in article and "(organisateur)" in article


def test_an_actor_without_contents_says_so(client, actors):
    assert "ne mentionne encore cet acteur" in client.get(URL + "la-grange/").content.decode()


def grow_actors(themes):
    counter = {"n": 0}

    def grow(count):
        created = []
        for _ in range(count):
            counter["n"] += 1
            number = counter["n"]
            created.append(
                Actor(
                    name=f"Acteur {number:04d}",
                    slug=f"acteur-{number:04d}",
                    kind=Actor.Kind.values[number % len(Actor.Kind.values)],
                    short_description="Une structure du réseau.",
                    department=["Nord", "Somme", "Aisne"][number % 3],
                    commune="Lille",
                    live=True,
                )
            )
        Actor.objects.bulk_create(created)
        for actor in created:
            actor.themes.set([themes[actor.pk % len(themes)]])

    return grow


# The directory's row (the site, the route and the settings are remembered; menu, breadcrumbs and the
# actor's contents are read as rendered HTML), then the map's counts by department and its places, the
# directory's filter choices, count, one page of actors and their themes; or the actor alone (its
# themes, tags and card are remembered until the content changes).
BUDGETS = {URL: 8, URL + "?departement=Nord&theme=theme-0": 5, URL + "acteur-0001/": 2}


@pytest.mark.parametrize("url", BUDGETS)
def test_directory_and_actor_pages_keep_their_query_budget_with_20_and_500_actors(client, directory, url):
    themes = [ThemeFactory(slug=f"theme-{number}") for number in range(3)]
    assert_query_budget(client, url, BUDGETS[url], grow_actors(themes), sizes=(20, 500))
