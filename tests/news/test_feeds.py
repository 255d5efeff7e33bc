from datetime import timedelta

import feedparser
import pytest

from django.utils import timezone

from core.factories import ThemeFactory
from news.factories import NewsPageFactory, classify

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(news_index):
    climat = ThemeFactory(name="Climat", slug="climat")
    now = timezone.now()
    classify(
        NewsPageFactory(
            parent=news_index,
            title="Sobriété énergétique à Lille",
            listing_summary="Un été d'ateliers.",
            publication_date=now - timedelta(days=1),
        ),
        themes=[climat],
        tags=["énergie"],
    )
    NewsPageFactory(
        parent=news_index, title="Réseau régional : la feuille de route", publication_date=now - timedelta(days=2)
    )
    return news_index


@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_feed_is_valid_with_french_titles_absolute_links_and_dates(client, articles, kind, version):
    response = client.get(f"/actualites/{kind}/")
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title == "Actualités"
    assert [entry.title for entry in feed.entries] == [
        "Sobriété énergétique à Lille",
        "Réseau régional : la feuille de route",
    ]
    assert all(entry.link.startswith("http://testserver/actualites/") for entry in feed.entries)
    assert all(entry.published_parsed for entry in feed.entries)
    assert feed.entries[0].summary == "Un été d'ateliers."


@pytest.mark.parametrize("query", ["theme=climat", "tag=energie"])
def test_feed_follows_the_same_filters_as_the_index(client, articles, query):
    feed = feedparser.parse(client.get(f"/actualites/rss/?{query}").content)
    assert [entry.title for entry in feed.entries] == ["Sobriété énergétique à Lille"]
    assert feed.feed.title.startswith("Actualités – ")


def test_feed_with_an_unknown_filter_is_empty_not_an_error(client, articles):
    response = client.get("/actualites/rss/?theme=%3Cscript%3E")
    assert response.status_code == 200
    assert feedparser.parse(response.content).entries == []
