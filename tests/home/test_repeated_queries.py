"""No page runs the same SQL twice: a repeated query is work a request already did and could have kept.

Each page type of the demo is rendered anonymously with the page cache off, first with every cache
empty (fragments and remembered values rendered afresh), then warm.
"""

from collections import Counter

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from core.models import Theme
from home.models import StandardPage
from network.directory.models import Actor, ActorDirectoryPage
from network.membership.models import JoinFormPage
from network.newsletter.models import NewsletterPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, ResourceIndexPage, ResourcePage, TopicPage

# The module runs on one pytest-xdist worker (--dist loadfile), so the demo is loaded once.
pytestmark = pytest.mark.django_db

PAGE_TYPES = (
    "accueil",
    "page simple",
    "actualités",
    "actualités filtrées",
    "article",
    "agenda",
    "événements passés",
    "événement",
    "ressources",
    "ressource",
    "dossier",
    "annuaire",
    "acteur",
    "adhésion",
    "lettre d'information",
    "recherche",
)


def url_of(page_type):
    first = lambda model: model.objects.live().order_by("path").first().url  # noqa: E731
    news = NewsIndexPage.objects.get().url
    directory = ActorDirectoryPage.objects.get().url
    return {
        "accueil": lambda: "/",
        "page simple": lambda: StandardPage.objects.live().exclude(depth=2).order_by("path").first().url,
        "actualités": lambda: news,
        "actualités filtrées": lambda: f"{news}?theme={Theme.objects.order_by('pk').first().slug}",
        "article": lambda: first(NewsPage),
        "agenda": lambda: EventIndexPage.objects.get().url,
        "événements passés": lambda: f"{EventIndexPage.objects.get().url}passes/",
        "événement": lambda: first(EventPage),
        "ressources": lambda: ResourceIndexPage.objects.get().url,
        "ressource": lambda: first(ResourcePage),
        "dossier": lambda: first(TopicPage),
        "annuaire": lambda: directory,
        "acteur": lambda: f"{directory}{Actor.objects.published().order_by('pk').first().slug}/",
        "adhésion": lambda: first(JoinFormPage),
        "lettre d'information": lambda: first(NewsletterPage),
        "recherche": lambda: "/recherche/?q=territoire",
    }[page_type]()


def repeated_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    counted = Counter(query["sql"] for query in captured)
    return [sql for sql, times in counted.items() if times > 1]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@override_settings(PAGE_CACHE_SECONDS=0)
def test_no_page_runs_the_same_query_twice(client, demo, page_type):
    url = url_of(page_type)
    client.get(url)  # renditions generated once for all
    cache.clear()

    assert repeated_queries(client, url) == [], f"{url}, caches empty"
    assert repeated_queries(client, url) == [], f"{url}, caches warm"
