"""What search engines and social networks read in the <head> and the sitemap, parsed as they parse it."""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree

from images.factories import ImageFactory
from network.directory.factories import ActorFactory
from network.newsletter.models import NewsletterIndexPage, NewsletterPage
from news.factories import EventPageFactory, NewsPageFactory, ResourcePageFactory, classify

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup, name):
    """The content of every meta tag of `name` (a `property` or a `name`)."""
    return [tag["content"] for tag in soup.find_all("meta") if name in (tag.get("property"), tag.get("name"))]


def canonical(soup):
    (link,) = soup.find_all("link", rel="canonical")
    return link["href"]


def test_the_sitemap_lists_actors_past_events_and_the_newsletter(client, event_index, directory):
    ActorFactory(slug="maison-habitant")
    ActorFactory(slug="brouillon", live=False)

    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}

    assert {
        "http://testserver/reseau/annuaire/maison-habitant/",
        "http://testserver/agenda/passes/",
        "http://testserver/newsletter/",
        "http://testserver/agenda/",
    } <= locations
    assert "http://testserver/reseau/annuaire/brouillon/" not in locations


def test_past_events_have_their_own_canonical_address_and_title(client, event_index):
    soup = head(client, "/agenda/passes/")
    assert canonical(soup) == "http://testserver/agenda/passes/" == meta(soup, "og:url")[0]
    assert soup.title.string.startswith("Événements passés – Agenda")
    assert head(client, "/agenda/").title.string.startswith("Agenda")


@pytest.mark.parametrize("kind", ["news", "event", "resource"])
def test_editorial_pages_are_articles_with_their_dates_and_tags(client, news_index, event_index, resource_index, kind):
    factory, parent = {
        "news": (NewsPageFactory, news_index),
        "event": (EventPageFactory, event_index),
        "resource": (ResourcePageFactory, resource_index),
    }[kind]
    page = classify(factory(parent=parent), tags=["énergie", "climat"])
    page.save_revision().publish()

    soup = head(client, page.url)

    assert meta(soup, "og:type") == ["article"]
    page.refresh_from_db()
    assert meta(soup, "article:published_time") == [page.publication_date.astimezone().isoformat()]
    assert meta(soup, "article:modified_time") == [page.last_published_at.astimezone().isoformat()]
    assert sorted(meta(soup, "article:tag")) == ["climat", "énergie"]


def test_other_pages_remain_websites(client, news_index):
    assert meta(head(client, "/actualites/"), "og:type") == ["website"]


def test_an_actor_page_can_be_shared(client, directory):
    ActorFactory(name="Maison de l'habitant", slug="maison-habitant", logo=ImageFactory())

    soup = head(client, "/reseau/annuaire/maison-habitant/")

    assert meta(soup, "og:title") == ["Maison de l'habitant"]
    assert meta(soup, "og:url") == ["http://testserver/reseau/annuaire/maison-habitant/"] == [canonical(soup)]
    assert meta(soup, "og:type") == ["website"] and meta(soup, "og:description")
    assert meta(soup, "og:image")[0].startswith("http://testserver/")
    assert meta(soup, "twitter:card") == ["summary"]


def test_the_home_page_has_a_share_image_and_does_not_repeat_the_site_name(client, home_page):
    home_page.hero_image = ImageFactory()
    home_page.seo_title = "Territoires participatifs – le réseau régional des transitions partagées"
    home_page.save_revision().publish()

    soup = head(client, "/")

    assert meta(soup, "og:image")[0].startswith("http://testserver/")
    assert soup.title.string == "Territoires participatifs – le réseau régional des transitions partagées"


def test_the_newsletter_page_is_canonical(client, home_page):
    assert canonical(head(client, "/newsletter/")) == "http://testserver/newsletter/"


def test_listings_and_the_search_describe_themselves(client, news_index, resource_index):
    news_index.intro = "Les nouvelles du réseau."
    news_index.save_revision().publish()

    assert meta(head(client, "/actualites/"), "description") == ["Les nouvelles du réseau."]
    assert meta(head(client, "/ressources/"), "description") == [
        "Centre de ressources : tous les contenus publiés, à filtrer par thème et par étiquette."
    ]
    assert meta(head(client, "/recherche/?q=climat"), "description")


def test_a_letter_page_is_described_by_its_edito(client, home_page):
    archive = NewsletterIndexPage(title="Lettres d'information", slug="lettres")
    home_page.add_child(instance=archive)
    letter = NewsletterPage(
        title="La lettre d'automne", slug="automne", intro="<p>Bonne <b>lecture</b> &amp; bel automne !</p>"
    )
    archive.add_child(instance=letter)

    assert meta(head(client, letter.url), "description") == ["Bonne lecture & bel automne !"]
