"""The admin's search (Wagtail's "default" backend) finds what editors have just written.

The suite keeps that index up to date only where a test asks for it (`admin_search_index`,
config/settings/test.py); the site itself never stops keeping it up to date.
"""

from django.urls import reverse

from config.settings import base
from home.factories import StandardPageFactory


def test_the_site_keeps_every_search_index_up_to_date_on_save():
    assert [name for name, backend in base.WAGTAILSEARCH_BACKENDS.items() if backend.get("AUTO_UPDATE") is False] == []


def test_an_editor_finds_a_new_page_by_a_word_of_its_title(admin_client, home_page, admin_search_index):
    StandardPageFactory(parent=home_page, title="Budget participatif des quartiers Nord")

    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "quartiers"})

    assert response.status_code == 200
    assert "Budget participatif des quartiers Nord" in response.content.decode()
