"""A reader's path through the editorial content, as a person clicks it."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page_set import ARTICLE_PATH, RARE_TAG

pytestmark = pytest.mark.e2e


def test_reader_follows_a_recommendation_filters_by_tag_and_subscribes_to_the_feed(page, site_pages):
    page.goto(ARTICLE_PATH)
    similar = page.get_by_role("region", name="Découvrez d'autres contenus similaires")
    expect(similar).to_be_visible()

    # The article sharing the rare tag comes first among the suggestions.
    similar.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les sessions de codéveloppement")

    page.get_by_role("link", name=f"#{RARE_TAG}").click()
    expect(page).to_have_url(re.compile(rf"/actualites/\?tag={RARE_TAG}$"))
    expect(page.get_by_role("status")).to_have_text("2 contenus")
    expect(page.get_by_text("Filtres actifs :")).to_be_visible()

    feed_link = page.get_by_role("link", name="S'abonner au flux RSS")
    feed = page.request.get(feed_link.get_attribute("href"))
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("application/rss+xml")
    assert "<title>Les sessions de codéveloppement</title>" in feed.text()
    assert "Sobriété énergétique" not in feed.text()
