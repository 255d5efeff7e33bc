from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Theme(index.Indexed, models.Model):
    """The shared vocabulary that editorial pages and actors are classified by."""

    class Colour(models.TextChoices):
        # Each colour keeps a contrast ratio of at least 4.5:1 with white text (WCAG AA).
        GREEN = "green", _("Vert")
        BLUE = "blue", _("Bleu")
        PURPLE = "purple", _("Violet")
        ORANGE = "orange", _("Orange")
        RED = "red", _("Rouge")
        TEAL = "teal", _("Bleu canard")

    name = models.CharField(
        _("nom"),
        max_length=80,
        unique=True,
        help_text=_(
            "Un à trois mots, affichés sur l'étiquette colorée des contenus et des acteurs, et dans les filtres."
        ),
    )
    slug = models.SlugField(
        _("identifiant d'adresse"),
        max_length=80,
        unique=True,
        help_text=_("Utilisé dans les adresses filtrées, ex. /actualites/?theme=climat."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Ce que le thème recouvre, pour aider l'équipe à classer les contenus ; pas affichée sur le site."),
    )
    colour = models.CharField(
        _("couleur"),
        max_length=12,
        choices=Colour.choices,
        default=Colour.GREEN,
        help_text=_("Couleur de l'étiquette du thème sur les cartes et les pages ; toutes restent lisibles."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordre d'affichage"), default=0, help_text=_("Les thèmes s'affichent du plus petit au plus grand.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("colour"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name
