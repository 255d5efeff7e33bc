"""The blocks that list editorial content by themselves, for the home page and dossiers."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import BodyStreamBlock


class LatestContentBlock(blocks.StructBlock):
    """An automatic list of the newest editorial content, by type, theme or tag."""

    title = blocks.CharBlock(label=_("titre"), max_length=120, default="Dernières actualités")
    content_type = blocks.ChoiceBlock(
        label=_("type de contenu"),
        choices=[
            ("", _("Tous les types")),
            ("actualites", _("Actualités")),
            ("evenements", _("Prochains événements")),
            ("ressources", _("Ressources")),
        ],
        required=False,
    )
    theme = SnippetChooserBlock("core.Theme", label=_("thème"), required=False)
    tag = blocks.CharBlock(label=_("étiquette"), required=False, max_length=100)
    count = blocks.IntegerBlock(label=_("nombre de contenus"), min_value=1, max_value=12, default=3)
    link = blocks.PageChooserBlock(label=_("lien « Tout voir »"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Derniers contenus")
        template = "blocks/latest_content.html"
        description = _(
            "Les contenus les plus récents d'un type, d'un thème ou d'une étiquette, mis à jour tout seuls."
        )
        preview_value = {"title": "Dernières actualités", "content_type": "actualites", "count": 3}

    def get_context(self, value, parent_context=None):
        # Looked up by name: the editorial models are built on these blocks (TopicPage's body).
        editorial_pages = apps.get_model("news", "EditorialPage").objects
        context = super().get_context(value, parent_context)
        context["items"] = editorial_pages.latest_cards(
            type_slug=value.get("content_type"),
            theme=value.get("theme"),
            tag_name=value.get("tag"),
            count=value["count"],
        )
        return context


class FeaturedPageBlock(blocks.StructBlock):
    """One page put forward with its image and summary: the dossier of the moment, a campaign."""

    heading = blocks.CharBlock(label=_("titre de la rubrique"), max_length=120, default="Dossier à la une")
    page = blocks.PageChooserBlock(label=_("page mise en avant"))

    class Meta:
        icon = "pick"
        label = _("Page à la une")
        template = "blocks/featured_page.html"
        description = _("Met en avant une page du site (un dossier thématique, par exemple) avec son image.")
        preview_value = {"heading": "Dossier à la une", "page": None}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value["page"].specific if value["page"] else None
        # A dossier brings three of its contents along; any other page is shown alone.
        highlights = getattr(page, "highlights", None)
        context.update(featured=page, highlights=highlights() if highlights and page.live else [])
        return context


class ListingStreamBlock(BodyStreamBlock):
    """The body of the home page and of dossiers: the usual blocks plus automatic lists."""

    latest_content = LatestContentBlock()
    featured_page = FeaturedPageBlock()
