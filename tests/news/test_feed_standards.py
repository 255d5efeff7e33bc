"""What feed readers and the W3C validator check, read as a client reads a feed: a strict XML parse and feedparser."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from core.factories import ThemeFactory
from images.factories import ImageFactory
from news.factories import NewsPageFactory, classify

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"


@pytest.fixture
def article(news_index):
    climat = ThemeFactory(name="Climat", slug="climat")
    page = NewsPageFactory(
        parent=news_index,
        title="Sobriété énergétique",
        listing_summary="Un été d'ateliers.",
        social_image=ImageFactory(),
    )
    return classify(page, themes=[climat])


def strict_xml(response):
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


def test_every_atom_entry_has_an_author(client, article):
    root = strict_xml(client.get("/actualites/atom/"))

    entries = root.findall(f"{ATOM}entry")
    assert entries
    assert [entry.findtext(f"{ATOM}author/{ATOM}name") for entry in entries] == ["Territoires participatifs"]
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Territoires participatifs"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_filtered_feed_points_at_itself_with_its_filter(client, article, kind):
    feed = feedparser.parse(client.get(f"/actualites/{kind}/?theme=climat&page=2").content)

    (self_link,) = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == f"http://testserver/actualites/{kind}/?theme=climat"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_each_entry_carries_its_share_image_and_summary(client, article, kind):
    response = client.get(f"/actualites/{kind}/")
    root = strict_xml(response)
    (entry,) = feedparser.parse(response.content).entries

    (media,) = root.iter(f"{MEDIA}content")
    assert media.get("url").startswith("http://testserver/") and media.get("url").endswith(".jpg")
    assert (media.get("type"), media.get("medium")) == ("image/jpeg", "image")
    assert int(media.get("width")) > int(media.get("height")) > 0
    assert entry.media_content[0]["url"] == media.get("url")
    assert entry.summary == "Un été d'ateliers."


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_entry_ids_do_not_change_with_host_scheme_or_slug(client, article, settings, kind):
    settings.WAGTAILADMIN_BASE_URL = "https://territoires.example.org"

    def entry_ids(**request):
        return [entry.id for entry in feedparser.parse(client.get(f"/actualites/{kind}/", **request).content).entries]

    first = entry_ids()
    assert first == [f"tag:territoires.example.org,2024:page:{article.pk}"]
    assert entry_ids(HTTP_HOST="localhost", secure=True) == first
    article.slug = "sobriete-energetique-a-lille"
    article.save_revision().publish()
    assert entry_ids(HTTP_HOST="127.0.0.1") == first


def alternate_feeds(html):
    links = BeautifulSoup(html, "html.parser").find_all("link", rel="alternate")
    return {(link["type"], link["href"]) for link in links}


def test_the_home_page_and_the_resource_centre_advertise_their_feeds(client, news_index, resource_index):
    assert alternate_feeds(client.get("/").content) == {
        ("application/rss+xml", "/actualites/rss/"),
        ("application/atom+xml", "/actualites/atom/"),
        ("application/rss+xml", "/ressources/rss/"),
        ("application/atom+xml", "/ressources/atom/"),
    }
    assert ("application/atom+xml", "/ressources/atom/") in alternate_feeds(client.get("/ressources/").content)
