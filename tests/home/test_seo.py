import pytest

from django.utils import timezone

from home.factories import StandardPageFactory
from images.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_page_carries_canonical_description_and_social_meta(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        slug="qui-sommes-nous",
        title="Qui sommes-nous ?",
        search_description="Le centre régional de ressources.",
        social_image=ImageFactory(),
    )

    html = client.get(page.url).content.decode()

    assert '<link rel="canonical" href="http://testserver/qui-sommes-nous/">' in html
    assert '<meta name="description" content="Le centre régional de ressources.">' in html
    assert '<meta property="og:title" content="Qui sommes-nous ?">' in html
    assert '<meta property="og:url" content="http://testserver/qui-sommes-nous/">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_listing_summary_stands_in_for_a_missing_meta_description(client, home_page):
    page = StandardPageFactory(parent=home_page, listing_summary="Résumé pour les cartes.")
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Résumé pour les cartes.">' in html
    assert '<meta property="og:description" content="Résumé pour les cartes.">' in html


def test_sitemap_lists_live_pages_with_lastmod(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="reseau", last_published_at=timezone.now())
    StandardPageFactory(parent=home_page, slug="brouillon", live=False)

    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/reseau/</loc>" in xml
    # The sitemap dates a page in the site's time zone (Paris), not in UTC.
    assert f"<lastmod>{timezone.localdate(page.last_published_at).isoformat()}</lastmod>" in xml
    assert "brouillon" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client, home_page):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
