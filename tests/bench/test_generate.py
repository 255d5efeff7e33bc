"""The benchmark's bulk content must be a site Wagtail can serve, list, search and edit like any other."""

import pytest

from django.utils import timezone

from wagtail.models import Page

from bench.generate import generate_actors
from bench.synthetic import generate_editorial
from core.factories import ThemeFactory
from images.factories import ImageFactory
from network.directory.factories import ActorDirectoryPageFactory
from network.directory.models import Actor
from news.factories import NewsPageFactory
from news.models import EditorialPage, EventPage, NewsPage, ResourcePage
from search.results import run_search


@pytest.fixture
def editorial_site(news_index, resource_index, event_index):
    ThemeFactory.create_batch(2)
    ImageFactory.create_batch(2)
    NewsPageFactory(parent=news_index, slug="redigee-a-la-main")
    return news_index


def test_pages_written_in_bulk_keep_the_page_tree_valid_across_batches(editorial_site):
    generate_editorial(40, seed=1)
    # A page added the ordinary way between two batches: the next batch must number after it.
    NewsPageFactory(parent=editorial_site, slug="entre-deux-lots")
    generate_editorial(40, seed=2)

    assert Page.find_problems() == ([], [], [], [], [])
    for parent in Page.objects.filter(depth__lte=3):
        assert parent.numchild == parent.get_children().count(), parent.url_path
    assert EditorialPage.objects.count() == 1 + 40 + 1 + 40


def test_generated_pages_are_served_listed_and_found_by_search(client, editorial_site):
    generate_editorial(60, seed=3)

    for model in (NewsPage, ResourcePage, EventPage):
        page = model.objects.live().filter(slug__startswith="mesure-").first()
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
        assert page.tags.exists() and page.themes.exists()
    newest = NewsPage.objects.live().newest_first().first()
    assert newest.title in client.get(editorial_site.url).content.decode()
    generated = NewsPage.objects.filter(slug__startswith="mesure-")
    assert NewsPage.objects.live().search("mesure").count() == generated.count()
    assert run_search("mesure", type_slug="actualites").total == generated.count()  # the site search's index too


def test_generated_events_fall_both_before_and_after_today(editorial_site):
    generate_editorial(80, seed=4)

    events = EventPage.objects.all()
    assert events.filter(ends_at__lte=timezone.now()).exists()
    assert events.filter(ends_at__gt=timezone.now()).exists()


def test_generated_actors_are_published_in_the_directory_and_searchable(client, home_page):
    directory = ActorDirectoryPageFactory(parent=home_page)
    ThemeFactory()
    generate_actors(30)

    actor = Actor.objects.published().order_by("name").first()
    assert Actor.objects.published().count() == 30
    assert actor.name in client.get(directory.url).content.decode()
    assert client.get(f"{directory.url}{actor.slug}/").status_code == 200
    assert Actor.objects.search("mesure").count() == 30
    assert run_search("mesure", type_slug="acteurs").total == 30
