from datetime import timedelta

import pytest

from django.test import Client, override_settings
from django.utils import timezone

from news.factories import EventPageFactory, NewsPageFactory


@pytest.fixture
def clock(monkeypatch):
    """The site's clock (listings, expiry and the page cache all read it), set and moved by the test."""

    class Clock:
        def __init__(self):
            self.now = timezone.now().replace(microsecond=0)
            monkeypatch.setattr("django.utils.timezone.now", lambda: self.now)

        def advance(self, seconds):
            self.now += timedelta(seconds=seconds)

    return Clock()


@pytest.fixture
def _page_cache_off():
    """Pages rendered afresh on every visit: what is proven is then what the page cache does not do."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        yield


@pytest.fixture
def editor_client(django_user_model):
    """A signed-in editor, with Django's own backend (the lockout backend plays no part here)."""
    client = Client()
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "mot-de-passe-solide")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def site_with_listings(home_page, news_index, event_index):
    """A home page with « Dernières actualités » and « Prochains événements » sections, and one item in each."""
    NewsPageFactory(parent=news_index, title="Premier article")
    EventPageFactory(parent=event_index, title="Première rencontre")
    home_page.body = [
        ("latest_content", {"title": "Dernières actualités", "content_type": "actualites", "count": 3}),
        ("latest_content", {"title": "Prochains événements", "content_type": "evenements", "count": 3}),
    ]
    home_page.save_revision().publish()
    return home_page


def html(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def linked(title):
    """How a card or a menu links to a page of that title."""
    return f">{title}</a>"
