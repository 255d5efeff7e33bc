from datetime import timedelta

import pytest

from django.utils import timezone

from core.factories import ThemeFactory
from news.factories import NewsPageFactory, ResourcePageFactory, TopicPageFactory, classify

pytestmark = pytest.mark.django_db


def test_home_page_lists_the_newest_news_and_features_a_dossier(client, home_page, news_index, resource_index):
    now = timezone.now()
    for day in range(5):
        NewsPageFactory(parent=news_index, title=f"Actualité {day}", publication_date=now - timedelta(days=day))
    ResourcePageFactory(parent=resource_index, title="Guide récent", publication_date=now)
    topic = TopicPageFactory(parent=home_page, listing_summary="Tout sur la participation.")
    home_page.body = [
        (
            "latest_content",
            {"title": "Dernières actualités", "content_type": "actualites", "count": 3, "link": news_index},
        ),
        ("featured_page", {"heading": "Dossier à la une", "page": topic}),
    ]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert [f">Actualité {day}</a>" in html for day in range(5)] == [True, True, True, False, False]
    assert "Guide récent" not in html
    assert '<a href="/actualites/">Tout voir' in html
    assert "Tout sur la participation." in html


def test_latest_content_by_theme_or_tag_mixes_types(client, home_page, news_index, resource_index):
    climat = ThemeFactory(slug="climat")
    classify(NewsPageFactory(parent=news_index, title="Article climat"), themes=[climat])
    classify(ResourcePageFactory(parent=resource_index, title="Guide climat"), tags=["sobriété"])
    NewsPageFactory(parent=news_index, title="Autre sujet")
    home_page.body = [
        ("latest_content", {"title": "Climat", "content_type": "", "theme": climat, "count": 6}),
        ("latest_content", {"title": "Sobriété", "content_type": "", "tag": "Sobriété", "count": 6}),
    ]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert ">Article climat</a>" in html and ">Guide climat</a>" in html
    assert "Autre sujet" not in html
