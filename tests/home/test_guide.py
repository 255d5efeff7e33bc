"""The editors' guide is where editors are: « Aide » › « Guide de rédaction » in the admin, with its pictures."""

import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def redacteur(client, django_user_model):
    user = django_user_model.objects.create_user("redaction", "redaction@exemple.org", "mot-de-passe-solide")
    user.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(user)
    return user


def test_the_help_menu_offers_the_sites_guide_instead_of_wagtails_english_one(client, redacteur):
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is rendered from JSON in the page: its item is known by its address.
    assert reverse("editors_guide") in dashboard
    assert "guide.wagtail.org" not in dashboard


def test_the_guide_shows_every_section_its_links_and_its_pictures(client, redacteur):
    page = client.get(reverse("editors_guide")).content.decode()
    html = page[page.index("editors-guide") :]

    assert "<h2" in html and "Écrire une actualité" in html and "Les demandes d'adhésion" in html
    anchors = set(re.findall(r'id="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in anchors, target
    pictures = re.findall(r'<img[^>]+src="(img/[^"]+)"', html)
    assert len(pictures) >= 6
    for picture in pictures:
        response = client.get(reverse("editors_guide") + picture)
        assert response.status_code == 200 and response["Content-Type"] == "image/png"


def test_the_guide_is_for_staff_and_serves_its_own_pictures_only(client):
    assert client.get(reverse("editors_guide"))["Location"].startswith(reverse("wagtailadmin_login"))
    assert client.get(reverse("editors_guide_picture", args=["01-explorateur-actualites.png"])).status_code == 302


def test_a_picture_name_cannot_leave_the_guides_folder(client, redacteur):
    for name in ("..%2Fguide-redaction.md", "guide-redaction.md", "nope.png"):
        response = client.get(reverse("editors_guide") + "img/" + name)
        assert response.status_code in (301, 404) and b"Guide de r" not in response.content
