from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from home.models import BasePage, Theme
from home.models.previews import RoutablePreviewMixin
from news.feeds import AtomListingFeed, ListingFeed
from news.filters import ListingFilters
from pagecache.fragments import RememberedCountPaginator, remembered

from .editorial import EditorialPage, EditorialPageTag


class ListingPage(RoutablePreviewMixin, BasePage):
    """An index of editorial pages below it: filters from the query string, paginated cards, feeds."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_(
            "Une ou deux phrases sous le titre, au-dessus des filtres et de la liste ; rien ne s'affiche si vide."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]

    listed_models = ()
    per_page = 12

    class Meta:
        abstract = True

    extra_filter_labels = {}

    def extra_filter_choices(self):
        """Filters that this index adds to theme and tag, as {parameter: {value: label}}."""
        return {}

    def filter_extra(self, queryset, filters):
        return queryset

    def ordered(self, pages, request):
        return pages.newest_first()

    def listed_pages(self, filters):
        pages = EditorialPage.objects.visible().type(*self.listed_models).descendant_of(self)
        return self.filter_extra(filters.apply(pages), filters)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        choices = self.extra_filter_choices()
        filters = ListingFilters.from_request(request, choices, self.extra_filter_labels)
        pages = self.ordered(self.listed_pages(filters), request).for_cards()
        context.update(
            filters=filters,
            cards=RememberedCountPaginator(pages, self.per_page, request).get_page(request.GET.get("page")),
            filter_options=self.filter_options(),
            extra_filters=[
                {
                    "name": name,
                    "label": self.extra_filter_labels[name],
                    "choices": values,
                    "selected": filters.extra.get(name),
                }
                for name, values in choices.items()
            ],
            removal_links=filters.removal_links(request.GET),
        )
        return context

    def filter_options(self):
        """The themes and tags a visitor can pick: only those the listed pages use (see pagecache.fragments)."""
        return remembered(f"filter-options:{self.pk}", self._filter_options)

    def _filter_options(self):
        listed = EditorialPage.objects.visible().type(*self.listed_models).descendant_of(self)
        # One probe per theme or tag that stops at its first listed page, rather than a DISTINCT
        # over every listed page's links.
        theme_used = EditorialPage.themes.through.objects.filter(theme=OuterRef("pk"), editorialpage__in=listed)
        tag_used = EditorialPageTag.objects.filter(tag=OuterRef("pk"), content_object__in=listed)
        return {
            "themes": list(Theme.objects.filter(Exists(theme_used))),
            "tags": list(Tag.objects.filter(Exists(tag_used)).order_by("name")),
        }

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return ListingFeed(
            self, ListingFilters.from_request(request, self.extra_filter_choices(), self.extra_filter_labels)
        )(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return AtomListingFeed(
            self, ListingFilters.from_request(request, self.extra_filter_choices(), self.extra_filter_labels)
        )(request)
