"""The editorial family: news, events and resources share one concrete parent table.

One table for the whole family lets a single indexed query filter, list and rank content across
types (recommendations, dossiers, feeds), while each type keeps its own fields in its own table.
"""

from functools import partial

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from core.models import BasePage
from news.recommendations import recommend
from pagecache.fragments import remembered_for_live_site

from .querysets import EditorialPageQuerySet

MAX_PINNED_PAGES = 6


class EditorialPageTag(TaggedItemBase):
    """One tag vocabulary for every editorial type, so that shared tags can be counted across types."""

    content_object = ParentalKey("news.EditorialPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("étiquette d'un contenu")
        # Filter lists and rare-tag recommendations go from a tag to its pages: with the page in the
        # index, PostgreSQL answers from the index alone instead of reading every tag link.
        indexes = [models.Index(fields=["tag", "content_object"], name="news_tag_then_page")]


class EditorialPage(BasePage):
    """What news articles, events and resources have in common."""

    publication_date = models.DateTimeField(
        _("date de publication"),
        default=timezone.now,
        db_index=True,
        help_text=_("Date affichée et utilisée pour classer les contenus ; par défaut, maintenant."),
    )
    updated_on = models.DateField(
        _("mis à jour le"),
        null=True,
        blank=True,
        help_text=_("À renseigner quand une modification compte pour le lecteur : « Mis à jour le … » s'affiche."),
    )
    chapo = models.TextField(
        _("chapô"), max_length=600, blank=True, help_text=_("Le paragraphe d'introduction, en gras sous le titre.")
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Format paysage, 1600 × 900 pixels au moins ; texte alternatif et crédit viennent de la médiathèque."
        ),
    )
    themes = ParentalManyToManyField(
        "core.Theme",
        verbose_name=_("thèmes"),
        blank=True,
        related_name="pages",
        help_text=_(
            "Étiquettes colorées du contenu ; servent aux filtres des listes, aux dossiers et aux suggestions."
        ),
    )
    tags = ClusterTaggableManager(
        through=EditorialPageTag,
        verbose_name=_("étiquettes"),
        blank=True,
        help_text=_(
            "Mots-clés libres ; une étiquette rare rapproche davantage deux contenus qu'une étiquette courante."
        ),
    )
    # Events fill these two; other types leave them empty. Kept here so that listings and
    # recommendations can drop past events in the same query as everything else.
    starts_at = models.DateTimeField(
        _("début"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Début de l'événement, heure de Paris ; l'agenda classe les événements à venir par cette date."),
    )
    ends_at = models.DateTimeField(
        _("fin"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Fin de l'événement, heure de Paris ; une fois passée, il rejoint les événements passés."),
    )

    objects = PageManager.from_queryset(EditorialPageQuerySet)()

    classification_panels = [
        MultiFieldPanel(
            [FieldPanel("themes", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Thèmes et étiquettes"),
        ),
        MultipleChooserPanel(
            "linked_actors",
            chooser_field_name="actor",
            label=_("Acteurs associés"),
            help_text=_(
                "Organisateurs, partenaires ou auteurs : le contenu apparaît aussi sur leur fiche de l'annuaire."
            ),
        ),
        InlinePanel(
            "pinned_pages",
            label=_("Contenus similaires épinglés"),
            max_num=MAX_PINNED_PAGES,
            help_text=_("Affichés en premier dans « Découvrez d'autres contenus similaires », dans cet ordre."),
        ),
    ]
    dates_panels = [
        MultiFieldPanel([FieldPanel("publication_date"), FieldPanel("updated_on")], heading=_("Dates")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("chapo"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("publication_date"),
    ]

    class Meta:
        verbose_name = _("contenu éditorial")
        verbose_name_plural = _("contenus éditoriaux")
        indexes = [models.Index(fields=["-publication_date", "-page_ptr"], name="editorial_newest")]

    # An EditorialPage is never created on its own, only through its concrete types.
    is_creatable = False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read once: the header shows them and the recommendations rank by them.
        name = f"page-relations:{self.pk}"
        themes, tags, actor_links = remembered_for_live_site(request, name, self._shown_relations)
        self.__dict__["published_actor_links"] = actor_links
        context["page_themes"], context["page_tags"], context["page_actors"] = themes, tags, actor_links
        # A preview shows the draft's tags and themes: its suggestions are ranked afresh, never remembered.
        # Called by the template only when the block's rendered fragment is not kept already.
        context["similar_items"] = partial(
            recommend,
            self,
            tag_ids=[tag.pk for tag in context["page_tags"]],
            theme_ids=[theme.pk for theme in context["page_themes"]],
            remember=not getattr(request, "is_preview", False),
        )
        return context

    def _shown_relations(self):
        """Themes, tags and actor links as the page shows them; remembered under the content generation
        for the live page, read afresh for a preview (its draft's)."""
        return list(self.themes.all()), list(self.tags.all()), self.published_actor_links

    @cached_property
    def published_actor_links(self):
        """The page's links to actors that the directory shows, in the editor's order."""
        return [link for link in self.linked_actors.all().select_related("actor") if link.actor.live]

    @property
    def type_label(self):
        """« Actualité », « Ressource »… from the cached content type, without loading the specific page."""
        return capfirst(self.specific_class._meta.verbose_name)

    @property
    def month_label(self):
        """« avril 2024 »: the month an event starts in (or the page was published), for agenda headings."""
        return date_format(timezone.localtime(self.display_date), "F Y")

    @property
    def display_date(self):
        return self.starts_at or self.publication_date

    @property
    def meta_description(self):
        return self.search_description or self.listing_summary or self.chapo

    @property
    def share_image(self):
        return self.social_image or self.listing_image or self.hero_image


class PinnedPage(Orderable):
    """An editor's pick for the "similar content" block, shown before the automatic ones."""

    source = ParentalKey(EditorialPage, on_delete=models.CASCADE, related_name="pinned_pages")
    page = models.ForeignKey(
        EditorialPage,
        verbose_name=_("contenu"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Actualité, événement ou ressource, proposé avant les suggestions automatiques."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("contenu épinglé")
        verbose_name_plural = _("contenus épinglés")


class EditorialActor(Orderable):
    """An actor an editorial page is linked to, and in which role (organiser, partner, author…)."""

    class Role(models.TextChoices):
        ORGANISER = "organisateur", _("Organisateur")
        PARTNER = "partenaire", _("Partenaire")
        AUTHOR = "auteur", _("Auteur")
        MENTIONED = "cite", _("Acteur cité")

    source = ParentalKey(EditorialPage, on_delete=models.CASCADE, related_name="linked_actors")
    actor = models.ForeignKey(
        "directory.Actor",
        verbose_name=_("acteur"),
        on_delete=models.CASCADE,
        related_name="editorial_links",
        help_text=_("Un acteur de l'annuaire ; s'il est publié, son nom mène à sa fiche, qui liste ce contenu."),
    )
    role = models.CharField(
        _("rôle"),
        max_length=12,
        choices=Role.choices,
        default=Role.MENTIONED,
        help_text=_(
            "Affiché entre parenthèses après son nom ; « Organisateur » est aussi transmis aux moteurs de recherche."
        ),
    )

    panels = [FieldPanel("actor"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("acteur associé")
        verbose_name_plural = _("acteurs associés")
