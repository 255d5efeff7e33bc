"""Requests no public page can mean are refused before any page reads them: NUL characters, huge bodies."""

import pytest

from core.filters import Filtering
from tests.security.test_fuzz import site_urls  # noqa: F401 - every kind of public address

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        # PostgreSQL refuses NUL in text: the directory's search answered 500 there.
        "/reseau/annuaire/?q=a%00b",
        "/actualites/?theme=a%00b",
        "/actualites/rss/?tag=a%00b",
        "/agenda/ical/?theme=a%00b",
        "/recherche/?q=a%00b&type%00=x",
    ],
)
def test_a_nul_character_in_a_query_parameter_is_dropped(client, site_urls, url, monkeypatch):  # noqa: F811
    seen = []
    monkeypatch.setattr("core.filters.Filtering.__init__", spy(seen, Filtering.__init__))
    response = client.get(url)
    assert response.status_code == 200
    assert all("\x00" not in str(query) for query in seen)


def spy(seen, method):
    def recorded(self, filter_set, query, owner):
        seen.append(dict(query.lists()))
        return method(self, filter_set, query, owner)

    return recorded


def test_a_nul_character_in_a_path_gets_a_400(client, site_urls):  # noqa: F811
    response = client.get("/actualites/a%00b/")
    assert response.status_code == 400
    assert "caractère nul" in response.content.decode()


@pytest.mark.parametrize(
    "body", [{"email": "lea@exemple.org", "consent": "on", "themes": "climat\x00"}, {"email": "lea\x00@exemple.org"}]
)
def test_a_nul_character_in_a_public_form_field_gets_a_400(client, site_urls, body):  # noqa: F811
    assert client.post("/newsletter/", body).status_code == 400


@pytest.mark.parametrize("url", ["/newsletter/", "/reseau/rejoindre/", "/newsletter/desinscription/x/un-clic/"])
def test_a_public_post_over_256_kib_is_refused_unread(client, site_urls, url):  # noqa: F811
    response = client.generic(
        "POST", url, b"email=" + b"a" * (256 * 1024), content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 413
    assert "Envoi trop volumineux" in response.content.decode()


def test_a_public_post_of_ordinary_size_is_read(client, site_urls):  # noqa: F811
    response = client.post("/newsletter/", {"email": "pas-une-adresse", "first_name": "x" * 60_000})
    assert response.status_code == 200
