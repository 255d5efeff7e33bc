"""Factories for every page type and snippet, shared by the whole suite."""

from datetime import timedelta

import factory

from django.utils import timezone

import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, StandardPage, Theme
from news.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
    TopicPage,
)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.Sequence(lambda n: f"Texte alternatif de l'image {n}")
    credit = "Centre de ressources"


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "Un thème de démonstration."

    class Meta:
        model = Theme


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = "accueil"
    hero_title = "Faire des transitions une affaire commune"
    hero_intro = "Le réseau régional des territoires participatifs."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "Une introduction courte."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Un paragraphe de texte.</p>")])

    class Meta:
        model = StandardPage


def make_site_home():
    """Replace Wagtail's placeholder page with a HomePage at the root of the default site."""
    root = Page.get_first_root_node()
    placeholders = list(root.get_children())
    home = HomePageFactory(parent=root)
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "testserver", "port": 80}
    )
    for placeholder in placeholders:
        placeholder.delete()
    SiteSettings.for_site(site)
    return home


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = "actualites"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    chapo = "Un chapô qui résume l'article."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Le corps de l'article.</p>")])

    class Meta:
        model = NewsPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Centre de ressources"
    slug = "ressources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ressource {n}")
    slug = factory.Sequence(lambda n: f"ressource-{n}")
    kind = "guide"
    year = 2024

    class Meta:
        model = ResourcePage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = "Territoires participatifs"
    slug = "territoires-participatifs"
    intro = "Un dossier."

    class Meta:
        model = TopicPage


def classify(page, themes=(), tags=()):
    """Give a page its themes and tags, then publish the change as an editor would."""
    page.themes.set(themes)
    page.tags.set(list(tags))
    page.save_revision().publish()
    return page


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rencontre {n}")
    slug = factory.Sequence(lambda n: f"rencontre-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    venue_name = "Maison de la vie associative"
    commune = "Lille"
    postal_code = "59000"

    class Meta:
        model = EventPage
