"""The actors of the network: organisations and collectives listed in the directory."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core.rich_text import CleanRichTextField

from ..sections import actor_sections

PRESENTATION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ActorTag(TaggedItemBase):
    content_object = ParentalKey("directory.Actor", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("étiquette d'un acteur")


class ActorQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """Actors whose latest publication is live; drafts never reach the public site."""
        return self.filter(live=True)

    def search_text(self, text):
        """Name or short description containing every word the visitor typed."""
        queryset = self
        for word in text.split()[:8]:
            queryset = queryset.filter(Q(name__icontains=word) | Q(short_description__icontains=word))
        return queryset

    def for_cards(self):
        return self.select_related("logo").prefetch_related("themes", "logo__renditions")


class Actor(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """« Acteur »: a collectivité, an association, a company… that takes part in the network."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "collectivite", _("Collectivité")
        ASSOCIATION = "association", _("Association")
        COMPANY = "entreprise", _("Entreprise")
        PUBLIC_BODY = "institution", _("Institution publique")
        CITIZEN_GROUP = "collectif-citoyen", _("Collectif citoyen")
        THIRD_PLACE = "tiers-lieu", _("Tiers-lieu")
        EDUCATION = "enseignement", _("Établissement d'enseignement")
        OTHER = "autre", _("Autre")

    name = models.CharField(
        _("nom"),
        max_length=150,
        help_text=_("Nom usuel de la structure, titre de sa fiche et de sa carte dans l'annuaire."),
    )
    slug = models.SlugField(
        _("identifiant d'adresse"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_("Fin de l'adresse de sa fiche dans l'annuaire ; tirée du nom si vide."),
    )
    kind = models.CharField(
        _("type d'acteur"),
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_("Affiché au-dessus du nom dans l'annuaire et sur la fiche ; sert au filtre « Type d'acteur »."),
    )
    short_description = models.CharField(
        _("description courte"),
        max_length=300,
        help_text=_("Une ou deux phrases, affichées dans l'annuaire et les résultats de recherche."),
    )
    presentation = CleanRichTextField(
        _("présentation"),
        blank=True,
        features=PRESENTATION_FEATURES,
        help_text=_("Missions, projets, publics… : affichée sur la fiche seulement, sous la description courte."),
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Carré de préférence, 400 × 400 pixels ; son texte alternatif vient de la médiathèque."),
    )
    website = models.URLField(
        _("site internet"),
        blank=True,
        help_text=_("Adresse complète (https://…), affichée en lien sur la fiche ; rien ne s'affiche si vide."),
    )
    public_email = models.EmailField(
        _("courriel public"), blank=True, help_text=_("Affiché sur la fiche ; laisser vide pour ne rien afficher.")
    )
    public_phone = models.CharField(
        _("téléphone public"),
        max_length=30,
        blank=True,
        help_text=_("Affiché sur la fiche, appelable d'un clic sur mobile ; laisser vide pour ne rien afficher."),
    )
    address = models.CharField(
        _("adresse"),
        max_length=255,
        blank=True,
        help_text=_("Numéro et rue, affichés sur la fiche au-dessus du code postal et de la commune."),
    )
    postal_code = models.CharField(
        _("code postal"), max_length=10, blank=True, help_text=_("Affiché sur la fiche, devant la commune.")
    )
    commune = models.CharField(
        _("commune"),
        max_length=100,
        blank=True,
        help_text=_("Affichée avec le département dans l'annuaire et sur la fiche ; la recherche du site la trouve."),
    )
    department = models.CharField(
        _("département"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Écrit toujours de la même façon (ex. « Nord », « Pas-de-Calais ») : il sert de filtre."),
    )
    themes = ParentalManyToManyField(
        "core.Theme",
        verbose_name=_("thèmes"),
        blank=True,
        related_name="actors",
        help_text=_("Étiquettes colorées de l'annuaire et de la fiche ; servent au filtre « Thème » de l'annuaire."),
    )
    tags = ClusterTaggableManager(
        through=ActorTag,
        verbose_name=_("étiquettes"),
        blank=True,
        help_text=_("Mots-clés libres séparés par des virgules (ex. « compostage »), affichés sur la fiche."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Facultatif, en degrés décimaux (ex. 50.629250) ; avec la longitude, place l'acteur sur la carte."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Facultatif, en degrés décimaux (ex. 3.057256) ; avec la latitude, place l'acteur sur la carte."),
    )
    member_since = models.DateField(
        _("membre du réseau depuis"),
        null=True,
        blank=True,
        help_text=_(
            "Mois et année affichés sur la fiche ; rempli tout seul quand une demande d'adhésion est acceptée."
        ),
    )

    objects = ActorQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("member_since")],
            heading=_("Identité"),
        ),
        FieldPanel("short_description"),
        FieldPanel("presentation"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("public_email"), FieldPanel("public_phone")],
            heading=_("Contact public"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("commune")]),
                FieldPanel("department"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Localisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("themes", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Thèmes et étiquettes"),
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("presentation"),
        index.SearchField("commune"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("acteur")
        verbose_name_plural = _("acteurs")
        indexes = [models.Index(fields=["live", "name"], name="actor_directory_order")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name, allow_unicode=False)[:140] or "acteur"
        slug, counter = base, 2
        while Actor.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, counter = f"{base}-{counter}", counter + 1
        return slug

    def get_preview_template(self, request, mode_name):
        return "pages/actor_page.html"

    def serve_preview(self, request, mode_name):
        # The card is previewed inside the directory page, which Wagtail's userbar takes for the object
        # previewed: when a Modérateur previews the card's revision from « Relecture », the userbar looks
        # for that revision among the page's and fails. The userbar needs no revision here.
        request.__dict__.pop("revision_id", None)
        return super().serve_preview(request, mode_name)

    def get_preview_context(self, request, mode_name):
        # Looked up by name: the directory page's module builds on this one.
        directory = apps.get_model("directory", "ActorDirectoryPage").objects.live().first()
        context = super().get_preview_context(request, mode_name)
        context.update(directory.actor_context(self, request) if directory else {"actor": self, **actor_sections(self)})
        context["page"] = directory
        return context

    @property
    def location_label(self):
        """« Lille (Nord) »: where the actor is, as cards and the detail page show it."""
        if self.commune and self.department:
            return f"{self.commune} ({self.department})"
        return self.commune or self.department
