"""Each editorial page type renders in the same number of queries with 10 and with 200 items."""

import itertools

import pytest

from taggit.models import Tag

from core.factories import ThemeFactory
from core.models import Theme
from images.factories import ImageFactory
from news.factories import NewsPageFactory, ResourcePageFactory, TopicPageFactory, classify
from news.models import EditorialPage, EditorialPageTag, NewsPage, PinnedPage, ResourcePage
from tests.bulk_pages import write_in_bulk
from tests.query_budget import queries_to_render

pytestmark = pytest.mark.django_db

SIZES = (10, 200)
TAGS = ["climat", "participation", "codeveloppement", "ressourcerie", "tiers-lieux"]

# The page's own row; the site, the route, the settings and the page's relations (themes, tags, actors,
# images) are remembered until the content changes, and its article read as rendered HTML. A listing
# too: its count is remembered, its list of cards read as rendered HTML (a list filtered by kind and
# the dossier read one row more). Measured warm: the menu, breadcrumbs, footer,
# filter form and recommendations read as rendered HTML (the ranking's own three queries are counted
# in tests/news/test_recommendations.py).
BUDGETS = {
    "/actualites/source/": 1,
    "/actualites/": 1,
    "/ressources/guide/": 1,
    "/ressources/?kind=guide": 2,
    "/territoires-participatifs/": 2,
}


@pytest.fixture
def grow_content(news_index, resource_index):
    """Add `count` news articles and resources with themes, tags and images, as editors would.

    Written in bulk (tests/bulk_pages.py). Each page gets what the factories give it (news/resource
    fields, images, one theme, two tags).
    """
    themes = ThemeFactory.create_batch(3)
    images = itertools.cycle(ImageFactory.create_batch(3))
    tag_names = itertools.cycle(TAGS)
    tags = {name: Tag.objects.get_or_create(name=name)[0] for name in TAGS}
    numbers = itertools.count()

    def grow(count):
        pages = {news_index: [], resource_index: []}
        for index in range(count):
            number = next(numbers)
            images_of_page = {"listing_image": next(images), "hero_image": next(images)}
            if index % 2:
                page = NewsPage(
                    title=f"Actualité de mesure {number}",
                    slug=f"actualite-de-mesure-{number}",
                    chapo="Un chapô qui résume l'article.",
                    body=[("paragraph", "<p>Le corps de l'article.</p>")],
                    **images_of_page,
                )
                pages[news_index].append(page)
            else:
                page = ResourcePage(
                    title=f"Ressource de mesure {number}",
                    slug=f"ressource-de-mesure-{number}",
                    kind="guide",
                    year=2024,
                    **images_of_page,
                )
                pages[resource_index].append(page)
            page.theme_for_test = themes[index % 3]
            page.tags_for_test = [tags[next(tag_names)], tags[next(tag_names)]]
        for parent, children in pages.items():
            if children:
                write_in_bulk(parent, children, lambda page: [page.theme_for_test], lambda page: page.tags_for_test)

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
