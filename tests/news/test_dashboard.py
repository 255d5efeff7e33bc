"""The admin dashboard points editors at the content that needs them."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from images.factories import ImageFactory
from news.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_lists_incomplete_events_and_stale_content(admin_client, event_index, news_index):
    soon = timezone.now() + timedelta(days=3)
    bare = EventPageFactory(
        parent=event_index, title="Atelier sans image", starts_at=soon, ends_at=soon + timedelta(hours=2)
    )
    EventPageFactory(
        parent=event_index,
        title="Atelier complet",
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
        hero_image=ImageFactory(),
        registration_mode="ailleurs",
        registration_url="https://inscription.example/atelier",
    )
    stale = NewsPageFactory(parent=news_index, title="Guide d'il y a deux ans")
    stale.updated_on = (timezone.now() - timedelta(days=800)).date()
    stale.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Article récent")

    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    panel = html[html.index("Contenus à compléter") :]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[bare.pk])}">Atelier sans image</a>' in panel
    assert "Atelier complet" not in panel
    assert "Guide d&#x27;il y a deux ans" in panel and "Article récent" not in panel
