import math

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.rich_text import CleanStreamField
from core.structured_data import site_reference
from news.structured_data import actor_directory_url, article_data

from .editorial import EditorialPage
from .listing import ListingPage

WORDS_READ_PER_MINUTE = 200


class NewsPage(EditorialPage):
    """« Actualité »: an article with a body, its authors and its reading time."""

    authors = models.CharField(
        _("auteurs"), max_length=255, blank=True, help_text=_("Noms séparés par des virgules, tels qu'ils s'affichent.")
    )
    body = CleanStreamField(
        BodyStreamBlock(),
        verbose_name=_("corps de l'article"),
        help_text=_("Le texte de l'article, sous l'image principale ; il compte dans le temps de lecture affiché."),
    )

    content_panels = [
        *EditorialPage.content_panels,
        FieldPanel("chapo"),
        FieldPanel("hero_image"),
        FieldPanel("authors"),
        FieldPanel("body"),
        *EditorialPage.classification_panels,
        *EditorialPage.dates_panels,
    ]
    search_fields = [*EditorialPage.search_fields, index.SearchField("body"), index.SearchField("authors")]

    template = "pages/news_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its fragment is not kept already.
        context["structured_data"] = lambda: article_data(
            self, request, actor_directory_url(request, self.published_actor_links), site_reference(request)
        )
        return context

    @property
    def reading_time(self):
        """Minutes to read the chapô and body, rounded up; what readers see under the title."""
        words = len(f"{self.chapo} {strip_tags(str(self.body))}".split())
        return max(1, math.ceil(words / WORDS_READ_PER_MINUTE))


class NewsIndexPage(ListingPage):
    """« Actualités »: every news article, newest first, filterable by theme and tag, with feeds."""

    listed_models = (NewsPage,)
    template = "pages/news_index_page.html"
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des actualités")
