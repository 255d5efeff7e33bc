"""Editors can create, edit and preview every page type and manage themes and site settings."""

from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.factories import ThemeFactory
from core.models import SiteSettings, Theme
from home.factories import StandardPageFactory, make_site_home
from home.models import StandardPage


class PageEditingTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_site_home()
        # Client.login() passes no request, which the login-throttling backend requires.
        self.client.force_login(self.create_test_user())

    # StreamFields are drawn by JavaScript in the editor, so the POST data is written out here.
    def test_home_page_is_editable_and_previewable(self):
        data = nested_form_data(
            {
                "title": "Accueil",
                "slug": "accueil",
                "hero_title": "Faire des transitions une affaire commune",
                "body": streamfield([("quote", {"quote": "Agir ensemble.", "attribution": ""})]),
            }
        )
        self.assertPageIsEditable(self.home, post_data=data)
        self.assertPageIsPreviewable(self.home, post_data=data)

    def test_standard_page_is_editable_and_previewable(self):
        page = StandardPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "Mentions légales",
                "slug": page.slug,
                "intro": "",
                "body": streamfield([("heading", {"text": "Éditeur", "level": "h2"})]),
            }
        )
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_editor_creates_a_standard_page_under_the_home_page(self):
        data = nested_form_data(
            {
                "title": "Accessibilité",
                "slug": "accessibilite",
                "intro": "Déclaration d'accessibilité.",
                "body": streamfield([("paragraph", rich_text("<p>Le site vise la conformité.</p>"))]),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        self.assertTrue(StandardPage.objects.filter(slug="accessibilite", live=True).exists())

    def test_admin_speaks_french(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, 'lang="fr"')
        self.assertContains(response, "Tableau de bord")


class ThemeAndSettingsAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_site_home()
        self.client.force_login(self.create_test_user())

    def test_editor_adds_a_theme_from_the_admin(self):
        response = self.client.post(
            reverse("wagtailsnippets_core_theme:add"),
            {"name": "Climat", "slug": "climat", "description": "", "colour": "blue", "sort_order": 1},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Theme.objects.filter(slug="climat", colour="blue").exists())

    def test_theme_list_shows_themes_in_their_sort_order(self):
        ThemeFactory(name="Économie circulaire", sort_order=2)
        ThemeFactory(name="Climat", sort_order=1)
        response = self.client.get(reverse("wagtailsnippets_core_theme:list"))
        html = response.content.decode()
        self.assertLess(html.index("Climat"), html.index("Économie circulaire"))

    def test_site_settings_are_editable_in_the_admin(self):
        site_settings = SiteSettings.for_site(self.home.get_site())
        url = AdminURLFinder().get_edit_url(site_settings)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Coordonnées")


def test_the_admin_makes_no_third_party_request_for_avatars(admin_client, home_page):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
