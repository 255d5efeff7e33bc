from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, Theme

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_builds_the_site_tree_of_the_url_contract(client, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    load_demo()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    for url in [
        "/",
        "/qui-sommes-nous/",
        "/reseau/",
        "/mentions-legales/",
        "/accessibilite/",
        "/donnees-personnelles/",
    ]:
        assert client.get(url).status_code == 200, url
    assert Theme.objects.count() >= 4
    assert get_image_model().objects.count() >= 6
    assert SiteSettings.for_site(site).legal_links


def test_demo_home_page_has_its_sections(client):
    load_demo()
    html = client.get("/").content.decode()
    for section in ["Dernières actualités", "Dossier à la une", "Nouvelles ressources", "Rejoindre le réseau"]:
        assert section in html


def test_demo_content_is_in_french_with_alt_texts(client):
    load_demo()
    html = client.get("/reseau/").content.decode()
    assert "Retour en images" in html
    assert "28 avril 2022" in html
    assert all(image.description for image in get_image_model().objects.all())


def test_running_the_demo_twice_creates_nothing_more():
    load_demo()
    counts = (Page.objects.count(), Theme.objects.count(), get_image_model().objects.count())
    load_demo()
    assert (Page.objects.count(), Theme.objects.count(), get_image_model().objects.count()) == counts
    assert get_user_model().objects.count() == 1


def test_if_empty_leaves_an_existing_site_alone():
    load_demo()
    Page.objects.get(slug="qui-sommes-nous").delete()
    output = load_demo("--if-empty")
    assert "ignoré" in output
    assert not Page.objects.filter(slug="qui-sommes-nous").exists()


def test_superuser_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "equipe")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "un-mot-de-passe-solide")
    output = load_demo()
    user = get_user_model().objects.get(username="equipe")
    assert user.is_superuser and user.check_password("un-mot-de-passe-solide")
    assert "un-mot-de-passe-solide" not in output


def test_generated_admin_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    first = load_demo()
    password = first.split("mot de passe « ")[1].split(" »")[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert password not in load_demo()
