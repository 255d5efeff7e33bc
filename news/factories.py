"""Factories for the editorial pages, used by the tests, the demo and the benchmark."""

from datetime import datetime, time, timedelta

import factory

from django.utils import timezone

import wagtail_factories

from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, ResourceIndexPage, ResourcePage, TopicPage
from news.models.events import whole_days


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


def all_day_event(parent, first_day, last_day, **fields):
    """An all-day event from `first_day` to `last_day` (dates), stored as the editor's form stores it."""
    noon = time(12)
    starts_at, ends_at = whole_days(
        timezone.make_aware(datetime.combine(first_day, noon)), timezone.make_aware(datetime.combine(last_day, noon))
    )
    return EventPageFactory(parent=parent, all_day=True, starts_at=starts_at, ends_at=ends_at, **fields)
