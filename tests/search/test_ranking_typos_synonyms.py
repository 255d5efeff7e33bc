"""Search quality, the same on SQLite and PostgreSQL: where a word is found, typos, synonyms, type-ahead."""

import re
from datetime import timedelta

import pytest

from django.utils import timezone

from news.factories import EventIndexPageFactory, EventPageFactory, NewsPageFactory
from search.models import Synonym

pytestmark = pytest.mark.django_db


def titles(response):
    html = response.content.decode()
    return [re.sub(r"<[^>]+>", "", title) for title in re.findall(r"<h3><a [^>]+>(.*?)</a></h3>", html)]


@pytest.fixture
def pages(news_index):
    return {
        "body": NewsPageFactory(
            parent=news_index, title="Lettre de printemps", chapo="Des nouvelles du réseau.", body=_body("Un compost.")
        ),
        "summary": NewsPageFactory(
            parent=news_index, title="Jardins partagés", listing_summary="Le compost collectif."
        ),
        "title": NewsPageFactory(parent=news_index, title="Le compost de quartier en fête"),
        "exact": NewsPageFactory(parent=news_index, title="Compost"),
    }


def _body(text):
    return [("paragraph", f"<p>{text}</p>")]


def test_exact_title_then_title_then_summary_then_body(client, pages):
    assert titles(client.get("/recherche/", {"q": "composts"})) == [
        "Compost",
        "Le compost de quartier en fête",
        "Jardins partagés",
        "Lettre de printemps",
    ]


def test_an_upcoming_event_ranks_above_a_past_one_at_equal_relevance(client, home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    now = timezone.now()
    past = EventPageFactory(parent=agenda, title="Balade botanique", starts_at=now - timedelta(days=30))
    upcoming = EventPageFactory(parent=agenda, title="Balade botanique", starts_at=now + timedelta(days=30))
    html = client.get("/recherche/", {"q": "balade botanique"}).content.decode()
    assert html.index(upcoming.url) < html.index(past.url)


def test_a_typo_that_finds_nothing_shows_the_corrected_words_results(client, pages):
    response = client.get("/recherche/", {"q": "compots"})
    html = response.content.decode()
    assert "Aucun résultat pour « compots » : 4 résultats pour « compost »" in html
    assert titles(response)[0] == "Compost"


def test_a_query_that_finds_little_offers_the_closest_words(client, news_index):
    NewsPageFactory(parent=news_index, title="Budget participatif : le vote est ouvert")
    NewsPageFactory(parent=news_index, title="Un budget participatif pour les écoles")
    NewsPageFactory(parent=news_index, title="Erratum", body=_body("Notre budjet participatif était mal écrit."))
    html = client.get("/recherche/", {"q": "budjet participatif"}).content.decode()
    assert "Vouliez-vous dire" in html and "budget participatif</a>" in html


def test_editors_synonyms_find_each_other_words(client, news_index):
    Synonym.objects.create(terms="ESS\néconomie sociale et solidaire")
    NewsPageFactory(parent=news_index, title="Le mois de l'économie sociale et solidaire")
    NewsPageFactory(parent=news_index, title="Trois structures de l'ESS recrutent")
    assert len(titles(client.get("/recherche/", {"q": "ess"}))) == 2
    assert len(titles(client.get("/recherche/", {"q": "Économie sociale et solidaire"}))) == 2
    assert len(titles(client.get("/recherche/", {"q": "économie"}))) == 1  # one word of the term alone: no synonym


def test_a_synonym_needs_two_terms():
    with pytest.raises(Exception, match="deux termes"):
        Synonym(terms="ESS").full_clean()


def test_header_suggestions_rank_title_matches_first_and_accept_a_typo(client, pages):
    found = [entry["title"] for entry in client.get("/recherche/suggestions/", {"q": "compo"}).json()["suggestions"]]
    assert found == ["Compost", "Le compost de quartier en fête", "Jardins partagés", "Lettre de printemps"]
    typo = client.get("/recherche/suggestions/", {"q": "compots"}).json()["suggestions"]
    assert typo[0]["title"] == "Compost"


def test_no_correction_is_offered_that_would_find_nothing(client, news_index):
    gone = NewsPageFactory(parent=news_index, title="Compost de printemps")
    gone.delete()  # its words stay in the spelling vocabulary until the index is rebuilt
    assert "Vouliez-vous dire" not in client.get("/recherche/", {"q": "compots"}).content.decode()
