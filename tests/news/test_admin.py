"""Editors create and preview every editorial page type in the admin."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import ThemeFactory
from home.factories import make_site_home
from news.factories import EventIndexPageFactory, NewsIndexPageFactory, ResourceIndexPageFactory
from news.models import EventPage, NewsPage, ResourcePage, TopicPage


def editorial_form(title, slug, themes=(), **fields):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "chapo": "Un chapô.",
            "publication_date": "2024-04-09 18:00",
            "body": streamfield([("paragraph", rich_text("<p>Un paragraphe.</p>"))]),
            "pinned_pages": inline_formset([]),
            "linked_actors": inline_formset([]),
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
        # Client.login() passes no request, which the login-throttling backend requires.
        self.client.force_login(self.create_test_user())

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


class EventAdminTests(WagtailPageTestCase):
    def setUp(self):
        home = make_site_home()
        self.agenda = EventIndexPageFactory(parent=home)
        self.client.force_login(self.create_test_user())

    def event_form(self, **fields):
        event = {
            "starts_at": "2027-04-09 14:00",
            "ends_at": "2027-04-09 18:00",
            "status": "prevu",
            "event_format": "presentiel",
            "venue_name": "La Condition publique",
            "commune": "Roubaix",
            "registration_mode": "site",
            "capacity": "40",
            "waiting_list": "on",
            "registration_consent_text": "J'accepte que mes informations servent à organiser la rencontre.",
            "registration_questions": inline_formset(
                [{"label": "Repas", "kind": "choix", "choices": "Végétarien\nSans restriction", "purpose": "Repas"}]
            ),
        }
        return editorial_form("Rencontre des tiers-lieux", "rencontre", **{**event, **fields})

    def test_editor_publishes_an_event(self):
        self.assertCanCreate(self.agenda, EventPage, self.event_form())
        event = EventPage.objects.get(slug="rencontre")
        self.assertEqual(event.commune, "Roubaix")
        self.assertEqual((event.registration_mode, event.capacity, event.waiting_list), ("site", 40, True))
        self.assertEqual(event.registration_questions.get().choice_list(), ["Végétarien", "Sans restriction"])
        self.assertPageIsPreviewable(event, post_data=self.event_form())

    def test_an_end_before_the_start_is_refused_with_a_french_message(self):
        url = reverse("wagtailadmin_pages:add", args=("news", "eventpage", self.agenda.pk))
        response = self.client.post(url, self.event_form(ends_at="2027-04-09 09:00", **{"action-publish": "publish"}))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "La fin doit venir après le début.")
        self.assertFalse(EventPage.objects.exists())
