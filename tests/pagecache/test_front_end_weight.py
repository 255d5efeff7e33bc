"""Articles stay light: under 100 KB compressed with their CSS and JS, AVIF or WebP photos, nothing from elsewhere."""

import gzip
from html.parser import HTMLParser

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders

from core.factories import ThemeFactory
from images.factories import ImageFactory
from news.factories import NewsPageFactory, classify

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 100 * 1024
PARAGRAPH = (
    "<p>Les habitants du quartier ont travaillé six mois avec les services de la ville pour imaginer "
    "la place qu'ils traversent chaque jour : ateliers du samedi matin, balades commentées, maquette "
    "exposée à la médiathèque et permanence au marché ont réuni plus de trois cents personnes.</p>"
)


class Assets(HTMLParser):
    """What a browser fetches to show the page: stylesheets, scripts, images and their sources."""

    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts, self.images = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag in ("img", "source"):
            for candidates in (attrs.get("src"), attrs.get("srcset")):
                self.images += [
                    candidate.split()[0] for candidate in (candidates or "").split(",") if candidate.strip()
                ]


@pytest.fixture
def article(news_index):
    page = NewsPageFactory(
        parent=news_index,
        title="Une place dessinée avec ses habitants",
        chapo="Six mois de concertation ont changé le projet de la place du marché.",
        hero_image=ImageFactory(width=1600, height=900),
        listing_image=ImageFactory(),
        body=[("paragraph", PARAGRAPH)] * 12,
    )
    return classify(page, themes=ThemeFactory.create_batch(2), tags=["concertation", "espace public"])


def own_file(url):
    assert url.startswith(settings.STATIC_URL), f"{url} is not one of the site's static files"
    return finders.find(url.removeprefix(settings.STATIC_URL))


def test_an_article_and_its_css_and_js_weigh_under_100_kb_compressed(client, article):
    html = client.get(article.url).content
    assets = Assets()
    assets.feed(html.decode())

    files = [own_file(url) for url in assets.stylesheets + assets.scripts]
    sizes = [len(gzip.compress(html))] + [len(gzip.compress(open(path, "rb").read())) for path in files]  # noqa: SIM115

    assert assets.stylesheets and assets.scripts
    assert sum(sizes) < BUDGET_BYTES, f"{sum(sizes)} bytes compressed: {sizes}"


def test_every_image_of_an_article_is_avif_or_webp_except_the_site_s_own_svgs(client, article):
    assets = Assets()
    assets.feed(client.get(article.url).content.decode())

    photos = [url for url in assets.images if not url.startswith(settings.STATIC_URL)]
    assert photos, "the hero image is shown"
    assert all(url.endswith((".avif", ".webp")) for url in photos), photos
    assert all(url.endswith(".svg") for url in assets.images if url.startswith(settings.STATIC_URL))


def test_no_script_or_stylesheet_comes_from_another_host(client, article):
    assets = Assets()
    assets.feed(client.get(article.url).content.decode())

    for url in assets.stylesheets + assets.scripts:
        assert url.startswith("/") and not url.startswith("//"), url
