"""Each editorial page type renders in the same number of queries with 10 and with 200 items."""

import itertools

import pytest

from core.factories import ThemeFactory
from core.models import Theme
from images.factories import ImageFactory
from news.factories import NewsPageFactory, ResourcePageFactory, TopicPageFactory, classify
from news.models import EditorialPage, EditorialPageTag, PinnedPage
from tests.query_budget import queries_to_render

pytestmark = pytest.mark.django_db

SIZES = (10, 200)
TAGS = ["climat", "participation", "codeveloppement", "ressourcerie", "tiers-lieux"]

# Routing, site and settings, menu, breadcrumbs, the page's own relations (themes, tags, actors, images,
# documents), then the listing or the recommendations with their cards' themes and renditions. Measured
# warm: a listing's counts and a page's suggested keys are remembered (the ranking's own three queries
# are counted in tests/news/test_recommendations.py).
BUDGETS = {
    "/actualites/source/": 24,
    "/actualites/": 16,
    "/ressources/guide/": 23,
    "/ressources/?kind=guide": 17,
    "/territoires-participatifs/": 17,
}


@pytest.fixture
def grow_content(news_index, resource_index):
    """Add `count` news articles and resources with themes, tags and images, as editors would."""
    themes = ThemeFactory.create_batch(3)
    images = itertools.cycle(ImageFactory.create_batch(3))
    tag_names = itertools.cycle(TAGS)

    def grow(count):
        for index in range(count):
            factory, parent = (NewsPageFactory, news_index) if index % 2 else (ResourcePageFactory, resource_index)
            page = factory(parent=parent, listing_image=next(images), hero_image=next(images))
            page.themes.set([themes[index % 3]])
            page.tags.set([next(tag_names), next(tag_names)])
            page.save()

    return grow


def source_article(news_index):
    page = NewsPageFactory(parent=news_index, slug="source", hero_image=ImageFactory())
    page = classify(page, themes=Theme.objects.all()[:1], tags=["climat", "codeveloppement"])
    page.pinned_pages.add(PinnedPage(page=EditorialPage.objects.exclude(pk=page.pk).first()))
    page.save_revision().publish()
    return page


def test_every_editorial_page_type_keeps_its_query_budget_as_content_grows(
    client, home_page, news_index, resource_index, grow_content
):
    grow_content(2)
    source_article(news_index)
    classify(ResourcePageFactory(parent=resource_index, slug="guide"), tags=["climat"])
    topic = TopicPageFactory(parent=home_page)
    topic.themes.set(Theme.objects.all())
    topic.tags.set(["climat"])
    topic.save_revision().publish()

    measured = {}
    total = 0
    for size in SIZES:
        grow_content(size - total)
        total = size
        measured[size] = {url: queries_to_render(client, url) for url in BUDGETS}
    assert measured == dict.fromkeys(SIZES, BUDGETS), str(measured)


def test_tag_usage_is_counted_across_types(grow_content):
    grow_content(10)
    assert (
        EditorialPageTag.objects.filter(tag__slug="climat").values("content_object__content_type").distinct().count()
        == 2
    )
