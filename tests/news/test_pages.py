import json
import re
from datetime import date, timedelta

import pytest

from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

from core.factories import ThemeFactory
from home.factories import make_site_home
from home.models import HomePage
from images.factories import ImageFactory
from news.factories import NewsPageFactory, ResourcePageFactory, TopicPageFactory, classify
from news.models import NewsIndexPage, NewsPage, ResourceIndexPage, ResourcePage, TopicPage

pytestmark = pytest.mark.django_db


class EditorialTreeTests(WagtailPageTestCase):
    def test_each_type_is_created_only_where_it_belongs(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedParentPageTypes(TopicPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_indexes_are_singletons(self):
        home = make_site_home()
        home.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
        self.assertFalse(NewsIndexPage.can_create_at(home))


def test_article_shows_dates_reading_time_themes_and_tags(client, news_index):
    theme = ThemeFactory(name="Participation citoyenne", slug="participation-citoyenne")
    page = NewsPageFactory(
        parent=news_index,
        title="Lancement du réseau à Lille",
        publication_date=timezone.make_aware(timezone.datetime(2022, 4, 28, 18, 0)),
        updated_on=date(2022, 7, 7),
        authors="Jeanne Martin, Karim Diallo",
        body=[("paragraph", "<p>" + "mot " * 450 + "</p>")],
    )
    classify(page, themes=[theme], tags=["codéveloppement"])

    html = client.get(page.url).content.decode()

    assert "Publié le 28 avril 2022" in html
    assert "Mis à jour le 7 juillet 2022" in html
    assert "Lecture : 3 minutes" in html
    assert "Par Jeanne Martin, Karim Diallo" in html
    assert 'href="/actualites/?theme=participation-citoyenne"' in html
    assert 'href="/actualites/?tag=codeveloppement"' in html


def test_updated_on_line_appears_only_when_the_editor_sets_it(client, news_index):
    page = NewsPageFactory(parent=news_index)
    assert "Mis à jour le" not in client.get(page.url).content.decode()


def test_article_json_ld_describes_a_news_article_and_cannot_break_out(client, news_index):
    page = NewsPageFactory(
        parent=news_index,
        title="</script><script>alert(1)</script>",
        hero_image=ImageFactory(),
        authors="Jeanne Martin",
    )
    html = client.get(page.url).content.decode()

    assert "</script><script>alert(1)" not in html
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "</script><script>alert(1)</script>"
    assert data["author"] == [{"@type": "Person", "name": "Jeanne Martin"}]
    assert data["image"].startswith("http://testserver/")
    assert data["datePublished"]


def test_article_ends_with_similar_content(client, news_index):
    source = classify(NewsPageFactory(parent=news_index, title="Source"), tags=["climat"])
    classify(NewsPageFactory(parent=news_index, title="Voisin"), tags=["climat"])

    html = client.get(source.url).content.decode()

    assert "Découvrez d&#x27;autres contenus similaires" in html or "Découvrez d'autres contenus similaires" in html
    assert ">Voisin</a>" in html
    assert "Actualité ·" in html


class TestNewsIndex:
    def test_lists_newest_first_twelve_per_page(self, client, news_index):
        for day in range(14):
            NewsPageFactory(
                parent=news_index, title=f"Article du jour {day}", publication_date=timezone.now() - timedelta(days=day)
            )
        html = client.get(news_index.url).content.decode()
        assert "14 contenus" in html
        assert html.index("Article du jour 0<") < html.index("Article du jour 1<")
        assert "Article du jour 13<" not in html
        assert "Article du jour 13<" in client.get(news_index.url + "?page=2").content.decode()

    def test_links_both_ends_and_the_pages_around_the_current_one_not_every_page(self, client, news_index, monkeypatch):
        monkeypatch.setattr(NewsIndexPage, "per_page", 1)
        for number in range(12):
            NewsPageFactory(parent=news_index, title=f"Article {number}")

        html = client.get(news_index.url + "?page=6").content.decode()
        pagination = html[html.index('<nav class="pagination"') :]
        pagination = pagination[: pagination.index("</nav>")]

        linked = [int(number) for number in re.findall(r'href="\?page=(\d+)">\d+<', pagination)]
        assert linked == [1, 4, 5, 7, 8, 12]
        assert '<span aria-current="page">6</span>' in pagination
        assert pagination.count("…") == 2

    def test_filters_by_theme_and_tag_combined_and_shows_them_removable(self, client, news_index):
        climat = ThemeFactory(name="Climat", slug="climat")
        classify(NewsPageFactory(parent=news_index, title="Les deux"), themes=[climat], tags=["ressourcerie"])
        classify(NewsPageFactory(parent=news_index, title="Thème seul"), themes=[climat])
        classify(NewsPageFactory(parent=news_index, title="Étiquette seule"), tags=["ressourcerie"])

        html = client.get(news_index.url + "?theme=climat&tag=ressourcerie").content.decode()

        assert ">Les deux</a>" in html
        assert "Thème seul" not in html and "Étiquette seule" not in html
        assert 'href="?tag=ressourcerie"' in html  # removes the theme
        assert 'href="?theme=climat"' in html  # removes the tag

    @pytest.mark.parametrize("query", ["theme=inconnu", "tag=%3Cscript%3E", "theme=climat&tag=nulle-part"])
    def test_unknown_filter_values_answer_no_result_with_a_way_back(self, client, news_index, query):
        ThemeFactory(slug="climat")
        NewsPageFactory(parent=news_index)
        response = client.get(f"{news_index.url}?{query}")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Aucun résultat" in html
        assert '<a href="/actualites/">Voir tous les contenus</a>' in html
        assert "<script>" not in html.split("<main")[1]

    @pytest.mark.parametrize("page", ["abc", "0", "-3", "999"])
    def test_bad_page_numbers_serve_a_valid_page(self, client, news_index, page):
        NewsPageFactory.create_batch(3, parent=news_index)
        assert client.get(f"{news_index.url}?page={page}").status_code == 200

    def test_advertises_its_feeds(self, client, news_index):
        html = client.get(news_index.url + "?tag=climat").content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/actualites/rss/?tag=climat"' in html
        assert 'href="/actualites/atom/?tag=climat"' in html


class TestResources:
    def test_filters_by_kind_and_year(self, client, resource_index):
        ResourcePageFactory(parent=resource_index, title="Guide 2023", kind="guide", year=2023)
        ResourcePageFactory(parent=resource_index, title="Étude 2023", kind="etude", year=2023)
        ResourcePageFactory(parent=resource_index, title="Guide 2021", kind="guide", year=2021)

        html = client.get(resource_index.url + "?kind=guide&year=2023").content.decode()

        assert ">Guide 2023</a>" in html
        assert "Étude 2023" not in html and "Guide 2021<" not in html
        unknown_year = client.get(resource_index.url + "?year=1800").content.decode()
        assert "Aucun résultat" in unknown_year and "Année « 1800 »" in unknown_year

    def test_resource_page_lists_its_documents_with_type_and_size(self, client, resource_index):
        from wagtail_factories import DocumentFactory

        from news.models import ResourceDocument

        page = ResourcePageFactory(parent=resource_index, external_url="https://example.org/guide")
        page.documents.add(ResourceDocument(document=DocumentFactory(title="Guide complet"), title=""))
        page.save_revision().publish()

        html = client.get(page.url).content.decode()

        assert "Guide complet" in html
        assert "(DAT," in html or "(TXT," in html or "octets" in html
        assert 'href="https://example.org/guide"' in html


class TestTopic:
    def test_gathers_matching_content_with_pinned_items_first_and_filters_by_type(
        self, client, home_page, news_index, resource_index
    ):
        participation = ThemeFactory(slug="participation-citoyenne")
        topic = TopicPageFactory(parent=home_page)
        topic.themes.set([participation])
        topic.tags.set(["tiers-lieux"])
        pinned = classify(NewsPageFactory(parent=news_index, title="Épinglé"), themes=[participation])
        from news.models import TopicPinnedItem

        topic.pinned_items.add(TopicPinnedItem(page=pinned))
        topic.save_revision().publish()
        classify(NewsPageFactory(parent=news_index, title="Par thème"), themes=[participation])
        classify(ResourcePageFactory(parent=resource_index, title="Par étiquette"), tags=["tiers-lieux"])
        NewsPageFactory(parent=news_index, title="Hors dossier")

        html = client.get(topic.url).content.decode()
        assert html.index(">Épinglé</a>") < html.index(">Par thème</a>")
        assert ">Par étiquette</a>" in html
        assert "Hors dossier" not in html
        assert html.count(">Épinglé</a>") == 1

        only_resources = client.get(topic.url + "?type=ressources").content.decode()
        assert ">Par étiquette</a>" in only_resources and "Par thème" not in only_resources
        assert client.get(topic.url + "?type=inconnu").status_code == 200
