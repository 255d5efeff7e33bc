"""Field groups that page types combine; each owns the admin panels that edit it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ListingFieldsMixin(models.Model):
    """How a page presents itself on cards in listings and recommendations."""

    listing_title = models.CharField(
        _("titre dans les listes"),
        max_length=120,
        blank=True,
        help_text=_("Titre court pour les cartes ; le titre de la page s'affiche s'il est vide."),
    )
    listing_summary = models.TextField(
        _("résumé"),
        max_length=300,
        blank=True,
        help_text=_("Deux phrases au plus, affichées sur les cartes et dans les résultats."),
    )
    listing_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image des listes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Format paysage, 1200 × 675 pixels au moins."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Présentation dans les listes"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title

    @property
    def card_image(self):
        """The listing image, else the page's main image when its type has one."""
        return self.listing_image or getattr(self, "hero_image", None)


class SocialFieldsMixin(models.Model):
    """What a page shows when it is shared on social networks (OpenGraph and Twitter cards)."""

    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("1200 × 630 pixels ; l'image des listes sert si elle est vide."),
    )
    social_description = models.TextField(
        _("texte de partage"),
        max_length=300,
        blank=True,
        help_text=_("Affiché sous le titre lors d'un partage ; la description SEO sert si vide."),
    )

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_description")],
            heading=_("Partage sur les réseaux sociaux"),
        )
    ]

    class Meta:
        abstract = True
