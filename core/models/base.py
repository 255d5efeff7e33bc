from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.forms import SitePageForm
from pagecache.fragments import remembered_for_live_site, remembered_if_shared

from .mixins import ListingFieldsMixin, SocialFieldsMixin
from .previews import LISTING_PREVIEW_MODES, listing_preview


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """The base of every page type of the site: listing, social and SEO fields in one place."""

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading=_("Référencement et menus"),
        )
    ]
    base_form_class = SitePageForm
    promote_panels = seo_panels + ListingFieldsMixin.listing_panels + SocialFieldsMixin.social_panels
    # The summary shows under each search result, so the words a visitor reads there find the page.
    search_fields = [*Page.search_fields, index.SearchField("listing_summary"), index.SearchField("search_description")]

    def get_context(self, request, *args, **kwargs):
        self.read_remembered_links(request)
        return super().get_context(request, *args, **kwargs)

    def read_remembered_links(self, request):
        """The images and pages the page points to (its pictures for lists, for sharing, its main one; the
        home page's links) from one remembered read instead of a query each
        (pagecache.fragments.remembered_for_live_site); an edit of one of them retires them."""
        fields = [
            field
            for field in self._meta.concrete_fields
            if field.is_relation
            and (field.related_model is get_image_model() or issubclass(field.related_model, Page))
            and getattr(self, field.attname)
        ]
        if fields:
            rows = remembered_for_live_site(
                request, f"page-links:{self.pk}", lambda: [getattr(self, item.name) for item in fields]
            )
            for field, row in zip(fields, rows, strict=True):
                field.set_cached_value(self, row)

    def get_view_restrictions(self):
        """The restrictions of this page and its ancestors, an alias counting as its source as in Wagtail, in
        one query: Wagtail reads the ancestors first, then their restrictions, on every page served.
        The ancestors' paths are the prefixes of this page's own."""
        paths = [self.path[:length] for length in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths).values(source=Coalesce("alias_of_id", "id"))
        restrictions = PageViewRestriction.objects.filter(page_id__in=sources)
        # Most pages have none: whether a page has any is remembered under the content generation,
        # which a privacy change retires at once.
        if not remembered_if_shared(f"restricted:{self.path}", restrictions.exists):
            return PageViewRestriction.objects.none()
        return restrictions

    class Meta:
        abstract = True

    @property
    def preview_modes(self):
        return [*Page.DEFAULT_PREVIEW_MODES, *LISTING_PREVIEW_MODES]

    def serve_preview(self, request, mode_name):
        return listing_preview(self, request, mode_name) or super().serve_preview(request, mode_name)

    @property
    def meta_description(self):
        return self.search_description or self.listing_summary

    @property
    def share_image(self):
        return self.social_image or self.listing_image

    @property
    def share_description(self):
        return self.social_description or self.meta_description
