"""Bad addresses and bad query strings get a styled French page, never a server error."""

import pytest

from django.template.loader import render_to_string

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_the_styled_french_404(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page introuvable" in html
    assert '<html lang="fr">' in html
    assert "/static/css/site.css" in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=999999",
        "page=1e9",
        "q=%00",
        "q=" + "a" * 5000,
        "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "q=%27%20OR%201%3D1%20--",
        "q=%22unbalanced",
        "q=*",
        "q=%F0%9F%8C%B1",
        "theme=inconnu&tag=%3Cb%3E",
    ],
)
def test_search_answers_any_query_string_with_a_page(client, home_page, query):
    StandardPageFactory.create_batch(12, parent=home_page, title="Territoires en transition")
    response = client.get(f"/recherche/?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("query", ["page=abc", "page=0", "utm_source=%3Cscript%3E&page=2", "%ff=%fe"])
def test_content_pages_ignore_unknown_query_strings(client, home_page, query):
    page = StandardPageFactory(parent=home_page)
    assert client.get(f"{page.url}?{query}").status_code == 200
    assert client.get(f"/?{query}").status_code == 200


def test_out_of_range_page_number_serves_the_last_page_of_results(client, home_page):
    StandardPageFactory.create_batch(12, parent=home_page, title="Territoires en transition")
    html = client.get("/recherche/?q=territoires&page=99").content.decode()
    assert '<span aria-current="page">2</span>' in html


def test_server_error_page_renders_without_context_or_database():
    html = render_to_string("500.html")
    assert "Le site rencontre un problème" in html
    assert '<html lang="fr">' in html
