"""A listing's filter choices and page count are remembered, and follow every change visitors can see.

The page cache is off here: what is proven is the remembered values' own invalidation, as on a site
without Redis, where every listing is rendered afresh but reads them.
"""

import pytest

from django.test import override_settings

from news.factories import NewsPageFactory, classify
from news.models.listing import FILTER_TAGS
from pagecache.fragments import FRAGMENT_SECONDS, remembered
from tests.pagecache.conftest import html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_page_cache_off")]


@pytest.fixture
def _page_cache_off():
    with override_settings(PAGE_CACHE_SECONDS=0):
        yield


def tag_option(slug):
    return f'<option value="{slug}"'


def test_a_tag_first_used_by_a_newly_published_article_is_offered_at_once(client, news_index):
    classify(NewsPageFactory(parent=news_index, title="Premier article"), tags=["climat"])
    assert tag_option("climat") in html(client, "/actualites/")
    assert tag_option("ressourcerie") not in html(client, "/actualites/")  # remembered from here on

    article = NewsPageFactory(parent=news_index, title="Second article", live=False)
    classify(article, tags=["ressourcerie"])
    article.save_revision().publish()

    assert tag_option("ressourcerie") in html(client, "/actualites/")


def test_the_page_count_follows_publications_and_unpublications(client, news_index):
    per_page = news_index.per_page
    for number in range(per_page):
        NewsPageFactory(parent=news_index, title=f"Article {number}")
    assert "?page=2" not in html(client, "/actualites/")

    extra = NewsPageFactory(parent=news_index, title="Un de plus")
    assert "?page=2" in html(client, "/actualites/")

    extra.unpublish()
    assert "?page=2" not in html(client, "/actualites/")


def test_each_filter_has_its_own_page_count(client, news_index):
    classify(NewsPageFactory(parent=news_index, title="Sur le climat"), tags=["climat"])
    for number in range(news_index.per_page):
        NewsPageFactory(parent=news_index, title=f"Article {number}")

    assert "?page=2" in html(client, "/actualites/")
    assert "page=2" not in html(client, "/actualites/?tag=climat")


def test_a_remembered_value_is_computed_once_then_expires_after_its_lifetime(clock):
    computed = []

    def compute():
        computed.append(clock.now)
        return len(computed)

    assert remembered("essai", compute) == 1
    assert remembered("essai", compute) == 1
    clock.advance(FRAGMENT_SECONDS)
    assert remembered("essai", compute) == 2


def test_the_tag_filter_offers_the_most_used_tags_and_always_the_one_filtered_by(client, news_index):
    common = [f"courant-{number:02d}" for number in range(FILTER_TAGS)]
    for number in range(2):
        classify(NewsPageFactory(parent=news_index, title=f"Article courant {number}"), tags=common)
    classify(NewsPageFactory(parent=news_index, title="Article rare"), tags=["rare"])

    listing = html(client, "/actualites/")
    assert all(tag_option(slug) in listing for slug in common)
    assert tag_option("rare") not in listing

    filtered = html(client, "/actualites/?tag=rare")
    assert '<option value="rare" selected>' in filtered
    assert "Article rare" in filtered
