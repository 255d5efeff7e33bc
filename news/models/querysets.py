"""Named queries over the editorial family; views and templates only call these."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from wagtail.models import PageQuerySet

from core.visibility import restricted
from news.content_types import editorial_types


class EditorialPageQuerySet(PageQuerySet):
    def visible(self):
        """Live pages that no view restriction hides, decided inside the same SQL query (core.visibility)."""
        return self.live().exclude(restricted())

    def not_over(self, now):
        """Everything but events that have already ended (an event ending at 18:00 is over at 18:00)."""
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))

    def upcoming_events(self, now):
        """Events not over yet, ongoing ones included, soonest first."""
        return self.filter(ends_at__gt=now).order_by("starts_at", "pk")

    def past_events(self, now):
        """Events that have ended, most recent first."""
        return self.filter(ends_at__lte=now).order_by("-starts_at", "-pk")

    def with_theme(self, theme):
        return self.filter(themes=theme)

    def of_type(self, slug):
        """Pages of the editorial type a URL names (`actualites`, `evenements`, `ressources`)."""
        return self.type(editorial_types()[slug][1])

    def linking_actor(self, actor):
        """Pages that name `actor` (in any role), each once however many times it is named."""
        links = self.model._meta.get_field("linked_actors").related_model.objects
        return self.filter(Exists(links.filter(source=OuterRef("pk"), actor=actor)))

    def newest_first(self):
        return self.order_by("-publication_date", "-id")

    def latest_cards(self, type_slug=None, theme=None, tag_name=None, count=3):
        """The newest visible content for an automatic list, optionally of one type, theme or tag."""
        now = timezone.now()
        pages = self.visible().not_over(now)
        if type_slug in editorial_types():
            pages = pages.of_type(type_slug)
        if theme:
            pages = pages.with_theme(theme)
        if tag_name:
            pages = pages.filter(tagged_items__tag__name__iexact=tag_name)
        # Events are listed as the agenda shows them: the next ones first.
        pages = pages.upcoming_events(now) if type_slug == "evenements" else pages.newest_first()
        return pages.for_cards()[:count]

    def for_cards(self):
        """What a card shows (image, themes, an event's date and place) fetched with the page, never one
        query per card."""
        return self.select_related("listing_image", "hero_image", "eventpage").prefetch_related(
            "themes", "listing_image__renditions", "hero_image__renditions"
        )
