from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from core.filters import ChoiceFilter, FilterSet, tag_filter, theme_filter
from core.models import BasePage
from core.rich_text import CleanStreamField
from news.blocks import ListingStreamBlock
from news.content_types import editorial_types
from pagecache.fragments import RememberedCountPaginator

from .editorial import EditorialPage, EditorialPageTag
from .querysets import EditorialPageQuerySet


class TopicPageTag(TaggedItemBase):
    content_object = ParentalKey("news.TopicPage", on_delete=models.CASCADE, related_name="tagged_items")


class TopicPage(BasePage):
    """« Dossier thématique »: everything published on the themes and tags the editor picks."""

    intro = models.TextField(
        _("introduction"),
        max_length=800,
        blank=True,
        help_text=_("Une ou deux phrases en gros caractères sous le titre du dossier ; rien ne s'affiche si vide."),
    )
    body = CleanStreamField(
        ListingStreamBlock(),
        blank=True,
        verbose_name=_("présentation"),
        help_text=_("Affichée avant les contenus du dossier : texte, images, listes automatiques, boutons…"),
    )
    themes = ParentalManyToManyField(
        "core.Theme",
        verbose_name=_("thèmes rassemblés"),
        blank=True,
        related_name="+",
        help_text=_("Les contenus de l'un de ces thèmes apparaissent dans le dossier."),
    )
    tags = ClusterTaggableManager(
        through=TopicPageTag,
        verbose_name=_("étiquettes rassemblées"),
        blank=True,
        help_text=_("Les contenus portant l'une de ces étiquettes apparaissent aussi dans le dossier."),
    )
    include_news = models.BooleanField(
        _("inclure les actualités"),
        default=True,
        help_text=_("Décoché, les actualités sortent de la liste automatique et de ses filtres."),
    )
    include_events = models.BooleanField(
        _("inclure les événements"),
        default=True,
        help_text=_("Décoché, les événements sortent de la liste automatique et de ses filtres."),
    )
    include_resources = models.BooleanField(
        _("inclure les ressources"),
        default=True,
        help_text=_("Décoché, les ressources sortent de la liste automatique et de ses filtres."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("include_news"),
                FieldPanel("include_events"),
                FieldPanel("include_resources"),
            ],
            heading=_("Contenus rassemblés automatiquement"),
        ),
        InlinePanel(
            "pinned_items", label=_("Contenus mis en avant"), help_text=_("Affichés avant la liste automatique.")
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    template = "pages/topic_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    per_page = 12

    class Meta:
        verbose_name = _("dossier thématique")
        verbose_name_plural = _("dossiers thématiques")

    def included_types(self):
        included = {
            "actualites": self.include_news,
            "evenements": self.include_events,
            "ressources": self.include_resources,
        }
        return {slug: value for slug, value in editorial_types().items() if included.get(slug)}

    def type_choices(self):
        """?type=: the editorial types this topic gathers, {slug: label}."""
        return {slug: label for slug, (label, _model) in self.included_types().items()}

    filter_set = FilterSet(
        theme_filter(),
        tag_filter(),
        ChoiceFilter("type", _("type de contenu"), EditorialPageQuerySet.of_type, choices=type_choices),
    )

    def pinned(self):
        ids = [item.page_id for item in self.pinned_items.all()]
        found = EditorialPage.objects.visible().not_over(timezone.now()).filter(pk__in=ids).for_cards().in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def matching_pages(self, filters, exclude_ids=()):
        theme_ids = self.themes.values("pk")
        tag_ids = self.tagged_items.values("tag_id")
        matches = Q(
            pk__in=EditorialPage.themes.through.objects.filter(theme_id__in=theme_ids).values("editorialpage_id")
        )
        matches |= Q(pk__in=EditorialPageTag.objects.filter(tag_id__in=tag_ids).values("content_object_id"))
        pages = EditorialPage.objects.visible().type(*(model for _label, model in self.included_types().values()))
        pages = pages.filter(matches).exclude(pk__in=exclude_ids)
        return filters.apply(pages) if filters else pages

    def highlights(self, count=3):
        """What the home page shows under the dossier: its pinned contents first, then the newest."""
        pinned = self.pinned()[:count]
        newest = (
            self.matching_pages(None, exclude_ids=[page.pk for page in pinned])
            .not_over(timezone.now())
            .newest_first()
            .for_cards()
        )
        return [*pinned, *newest[: count - len(pinned)]]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.filter_set.read_request(request, self)
        pinned = self.pinned()
        pages = self.matching_pages(filters, exclude_ids=[page.pk for page in pinned]).newest_first().for_cards()
        cards = RememberedCountPaginator(pages, self.per_page, request).get_page(request.GET.get("page"))
        context.update(
            filters=filters,
            pinned=pinned if cards.number == 1 and not filters.active else [],
            cards=cards,
        )
        return context


class TopicPinnedItem(Orderable):
    topic = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="pinned_items")
    page = models.ForeignKey(
        EditorialPage,
        verbose_name=_("contenu"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Affiché sous « À la une du dossier », dans cet ordre ; un événement terminé n'y figure plus."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("contenu mis en avant")
