from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from core.filters import FilterSet, tag_filter, theme_filter
from core.models import BasePage, Theme
from core.models.previews import RoutablePreviewMixin
from news.feeds import AtomListingFeed, ListingFeed
from pagecache.fragments import RememberedCountPaginator, remembered

from .editorial import EditorialPage, EditorialPageTag

# The tags offered in a listing's filter: its most used ones. A site with thousands of tags would
# otherwise send them all in every listing page, and no visitor scrolls a list that long.
FILTER_TAGS = 40


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
    # Read by the page, its feeds (and the agenda's calendar); each index adds its own after these.
    filter_set = FilterSet(theme_filter(), tag_filter())

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        """What the editors wrote for search engines, else the listing's introduction, else what it lists."""
        return (
            super().meta_description
            or self.intro
            or _("%(title)s : tous les contenus publiés, à filtrer par thème et par étiquette.") % {"title": self.title}
        )

    def read_filters(self, request):
        return self.filter_set.read_request(request, self)

    def ordered(self, pages, request):
        return pages.newest_first()

    def listed_pages(self, filters):
        return filters.apply(EditorialPage.objects.visible().type(*self.listed_models).descendant_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.read_filters(request)
        pages = self.ordered(self.listed_pages(filters), request).for_cards()
        context.update(
            filters=filters,
            cards=RememberedCountPaginator(pages, self.per_page, request).get_page(request.GET.get("page")),
            filter_options=self.filter_options(selected_tag=filters.values.get("tag")),
            removal_links=filters.removal_links(request.GET),
        )
        return context

    def filter_options(self, selected_tag=None):
        """The themes and tags a visitor can pick: only those the listed pages use (see pagecache.fragments).

        The tag being filtered by is always among them, so that the form shows what the list shows.
        """
        options = remembered(f"filter-options:{self.pk}", self._filter_options)
        if selected_tag is not None and selected_tag not in options["tags"]:
            options = options | {"tags": sorted([*options["tags"], selected_tag], key=lambda tag: tag.name)}
        return options

    def _filter_options(self):
        listed = EditorialPage.objects.visible().type(*self.listed_models).descendant_of(self)
        # One probe per theme that stops at its first listed page, rather than a DISTINCT over every
        # listed page's links; themes are few, tags are counted.
        theme_used = EditorialPage.themes.through.objects.filter(theme=OuterRef("pk"), editorialpage__in=listed)
        most_used = (
            EditorialPageTag.objects.filter(content_object__in=listed)
            .values("tag_id")
            .annotate(pages=Count("id"))
            .order_by("-pages", "tag_id")
            .values("tag_id")[:FILTER_TAGS]
        )
        return {
            "themes": list(Theme.objects.filter(Exists(theme_used))),
            "tags": list(Tag.objects.filter(pk__in=most_used).order_by("name")),
        }

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return ListingFeed(self, self.read_filters(request))(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return AtomListingFeed(self, self.read_filters(request))(request)
