from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.filters import ChoiceFilter
from core.rich_text import CleanStreamField

from .editorial import EditorialPage
from .listing import ListingPage


class ResourcePage(EditorialPage):
    """« Ressource »: a guide, study, practical sheet, tool or video, with its files to download."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        STUDY = "etude", _("Étude")
        SHEET = "fiche", _("Fiche pratique")
        TOOL = "outil", _("Outil")
        VIDEO = "video", _("Vidéo")
        REPORT = "compte-rendu", _("Compte rendu")

    kind = models.CharField(
        _("type de ressource"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.GUIDE,
        help_text=_("Affiché au-dessus du titre ; le centre de ressources le propose en filtre."),
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Année de parution (ex. 2024), affichée à côté du type et proposée en filtre."),
    )
    external_url = models.URLField(
        _("lien externe"), blank=True, help_text=_("Si la ressource est publiée sur un autre site.")
    )
    body = CleanStreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("présentation"),
        help_text=_("Ce que contient la ressource et à qui elle sert, affiché sous les documents à télécharger."),
    )

    content_panels = [
        *EditorialPage.content_panels,
        FieldPanel("kind"),
        FieldPanel("year"),
        FieldPanel("chapo"),
        FieldPanel("hero_image"),
        InlinePanel("documents", label=_("Documents à télécharger")),
        FieldPanel("external_url"),
        FieldPanel("body"),
        *EditorialPage.classification_panels,
        *EditorialPage.dates_panels,
    ]
    search_fields = [*EditorialPage.search_fields, index.SearchField("body"), index.FilterField("kind")]

    template = "pages/resource_page.html"
    parent_page_types = ["news.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")


class ResourceDocument(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Un fichier de la médiathèque ; son format et son poids s'affichent à côté du lien (PDF, 2 Mo)."),
    )
    title = models.CharField(
        _("intitulé"),
        max_length=150,
        blank=True,
        help_text=_("Texte du lien de téléchargement ; le titre du document dans la médiathèque sert si vide."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")


class ResourceIndexPage(ListingPage):
    """« Centre de ressources »: resources filterable by kind, theme, tag and year."""

    listed_models = (ResourcePage,)
    template = "pages/resource_index_page.html"
    subpage_types = ["news.ResourcePage"]
    max_count = 1

    def offered_years(self):
        """?year=: the years of this centre's live resources, newest first."""
        years = ResourcePage.objects.live().descendant_of(self).exclude(year=None).values_list("year", flat=True)
        return {str(year): str(year) for year in sorted(set(years), reverse=True)}

    filter_set = ListingPage.filter_set.extended(
        ChoiceFilter("kind", _("Type de ressource"), "resourcepage__kind", choices=ResourcePage.Kind.choices),
        ChoiceFilter("year", _("Année"), "resourcepage__year", choices=offered_years),
    )

    class Meta:
        verbose_name = _("centre de ressources")
