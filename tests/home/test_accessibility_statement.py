"""The demo's accessibility statement says what was measured, not more (RGAA statement model)."""

import pytest

from demo.files import read
from demo.pages import build_standard_page

pytestmark = pytest.mark.django_db


def test_the_statement_claims_partial_compliance_and_says_how_it_was_checked(client, home_page):
    statement = next(page for page in read("pages")["pages"] if page["slug"] == "accessibilite")
    home_page.add_child(instance=build_standard_page(statement))

    html = client.get("/accessibilite/").content.decode()

    assert "partiellement conforme" in html and "conformité totale" not in html
    for tool in ("axe-core", "Nu Html Checker", "Lighthouse"):
        assert tool in html
    assert "Contenus non accessibles" in html and "critère 10.11" in html
    assert "Déclaration établie le 4 décembre 2026" in html
    assert "Défenseur des droits" in html and "libre réponse 71120" in html
