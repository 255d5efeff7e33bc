"""Editors create and preview every editorial page type in the admin."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage, ResourcePage, TopicPage
from tests.factories import NewsIndexPageFactory, ResourceIndexPageFactory, ThemeFactory, make_site_home


def editorial_form(title, slug, themes=(), **fields):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "chapo": "Un chapô.",
            "publication_date": "2024-04-09 18:00",
            "body": streamfield([("paragraph", rich_text("<p>Un paragraphe.</p>"))]),
            "pinned_pages": inline_formset([]),
            "tags": "participation, tiers-lieux",
            **fields,
        }
    )
    # A multiple choice posts one value per box ticked, which nested_form_data would flatten.
    data["themes"] = [str(theme.pk) for theme in themes]
    return data


class EditorialAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_site_home()
        self.news_index = NewsIndexPageFactory(parent=self.home)
        self.resource_index = ResourceIndexPageFactory(parent=self.home)
        self.theme = ThemeFactory()
        self.login()

    def test_editor_writes_an_article_with_themes_and_tags(self):
        data = editorial_form("Rencontre des tiers-lieux", "rencontre-tiers-lieux", themes=[self.theme])
        self.assertCanCreate(self.news_index, NewsPage, data)
        page = NewsPage.objects.get(slug="rencontre-tiers-lieux")
        self.assertEqual(sorted(page.tags.names()), ["participation", "tiers-lieux"])
        self.assertEqual(list(page.themes.all()), [self.theme])
        self.assertPageIsPreviewable(page, post_data=data)

    def test_editor_adds_a_resource(self):
        data = editorial_form(
            "Guide de la concertation", "guide", kind="guide", year="2024", documents=inline_formset([])
        )
        self.assertCanCreate(self.resource_index, ResourcePage, data)
        self.assertPageIsPreviewable(ResourcePage.objects.get(slug="guide"), post_data=data)

    def test_editor_builds_a_dossier_without_code(self):
        data = nested_form_data(
            {
                "title": "Territoires participatifs",
                "slug": "territoires-participatifs",
                "intro": "Le dossier.",
                "body": streamfield([]),
                "tags": "participation",
                "include_news": "on",
                "pinned_items": inline_formset([]),
            }
        )
        data["themes"] = [str(self.theme.pk)]
        self.assertCanCreate(self.home, TopicPage, data)
        self.assertEqual(TopicPage.objects.get().tags.names()[0], "participation")
