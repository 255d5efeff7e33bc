"""The StreamField blocks every page body is written with.

Each block names its icon, template, preview value and a description that the editor's block
picker shows, so that editors see what a block does before they insert it.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


def first_image():
    """A real image for block previews in the admin, when the library has one."""
    return get_image_model().objects.order_by("pk").first()


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texte"), max_length=150)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Titre de section (niveau 2)")), ("h3", _("Sous-titre (niveau 3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "blocks/heading.html"
        description = _("Un intertitre qui structure le texte et le sommaire des lecteurs d'écran.")
        preview_value = {"text": "Territoires participatifs, de quoi parle-t-on ?", "level": "h2"}


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=255)
    credit = blocks.CharBlock(
        label=_("crédit"),
        required=False,
        max_length=255,
        help_text=_("Laisser vide pour reprendre le crédit enregistré avec l'image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("Une image avec son texte alternatif, une légende et un crédit.")

    def get_preview_value(self):
        return {"image": first_image(), "caption": "Atelier de la première rencontre du réseau", "credit": ""}


GALLERY_MIN_IMAGES = 2


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), default="Retour en images", max_length=150)
    # No `min_num`: the editor would show its error as soon as the empty gallery is inserted; the
    # minimum is checked when the page is saved (clean below).
    images = blocks.ListBlock(
        ImageWithCaptionBlock(), label=_("images"), help_text=_("Deux images au moins, dans l'ordre d'affichage.")
    )

    class Meta:
        icon = "image"
        label = _("Galerie « Retour en images »")
        template = "blocks/gallery.html"
        description = _("Plusieurs images présentées en grille, par exemple après un événement.")

    def clean(self, value):
        value = super().clean(value)
        if len(value["images"]) < GALLERY_MIN_IMAGES:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "images": blocks.ListBlockValidationError(
                        non_block_errors=[ValidationError(_("Ajoutez au moins deux images à la galerie."))]
                    )
                }
            )
        return value

    def get_preview_value(self):
        image = {"image": first_image(), "caption": "", "credit": ""}
        return {"title": "Retour en images", "images": [image, image, image]}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("auteur ou autrice"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote.html"
        description = _("Une parole mise en avant, avec le nom de la personne qui l'a dite.")
        preview_value = {
            "quote": "La transition démocratique concerne tout le monde.",
            "attribution": "Une participante de la rencontre de Lille",
        }


CALLOUT_TONES = [("info", _("À savoir")), ("important", _("Important")), ("tip", _("Bon à savoir"))]


class CalloutValue(blocks.StructValue):
    def tone_label(self):
        return dict(CALLOUT_TONES).get(self.get("tone"), CALLOUT_TONES[0][1])


class CalloutBlock(blocks.StructBlock):
    # The kind is written before the text, so that it is not told by the colour alone.
    tone = blocks.ChoiceBlock(
        label=_("nature"),
        choices=CALLOUT_TONES,
        default="info",
        help_text=_("Écrite en tête de l'encadré et donnant sa couleur."),
    )
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=150)
    text = blocks.RichTextBlock(label=_("texte"), features=["bold", "italic", "link", "document-link", "ul"])

    class Meta:
        value_class = CalloutValue
        icon = "warning"
        label = _("Encadré")
        template = "blocks/callout.html"
        description = _("Un encadré qui se détache du texte : une date limite, une condition, un conseil.")
        preview_value = {
            "tone": "important",
            "title": "Inscriptions avant le 15 mars",
            "text": "<p>Les places sont limitées à quarante personnes par atelier.</p>",
        }


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("nom"), max_length=150, help_text=_("Lu à la place du logo par les lecteurs d'écran.")
    )
    logo = ImageChooserBlock(
        label=_("logo"), help_text=_("Sur fond blanc ou transparent, format paysage de préférence.")
    )
    url = blocks.URLBlock(label=_("site internet"), required=False)


class PartnersBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), default="Nos partenaires", max_length=150)
    partners = blocks.ListBlock(PartnerBlock(), label=_("partenaires"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Bandeau de partenaires")
        template = "blocks/partners.html"
        description = _("Les logos des partenaires et financeurs, chacun menant à son site.")

    def get_preview_value(self):
        partner = {"name": "Fondation des transitions", "logo": first_image(), "url": "https://example.org/"}
        return {"title": "Nos partenaires", "partners": [partner, partner, partner]}


def validate_link_address(value):
    """An outside address (https://…) or an address on this site starting with « / »."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page of the site or, failing that, to an address."""

    page = blocks.PageChooserBlock(label=_("page du site"), required=False)
    url = blocks.CharBlock(
        label=_("ou adresse"),
        required=False,
        max_length=500,
        validators=[validate_link_address],
        help_text=_("Une adresse complète (https://…) ou une adresse de ce site commençant par « / »."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choisissez une page du site ou une adresse, pas les deux."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("texte du bouton"), max_length=80)
    link = LinkTargetBlock(label=_("destination"))
    style = blocks.ChoiceBlock(
        label=_("style"),
        choices=[("primary", _("Principal")), ("secondary", _("Secondaire"))],
        default="primary",
    )

    class Meta:
        icon = "pick"
        label = _("Bouton d'action")
        template = "blocks/call_to_action.html"
        description = _("Un bouton qui invite à agir : « Rejoindre le réseau », « S'inscrire »…")
        preview_value = {
            "label": "Rejoindre le réseau",
            "link": {"page": None, "url": "https://example.org/reseau/rejoindre/"},
            "style": "primary",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("intitulé"),
        required=False,
        max_length=150,
        help_text=_("Le titre du document s'affiche s'il est vide."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "blocks/document.html"
        description = _("Un lien de téléchargement qui indique le format et le poids du fichier.")
        preview_value = {"document": None, "title": "Feuille de route du réseau (PDF)"}


class VideoEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("adresse de la vidéo"), help_text=_("Adresse d’une vidéo YouTube ou Vimeo."))
    title = blocks.CharBlock(
        label=_("titre de la vidéo"),
        max_length=150,
        help_text=_("Annoncé aux lecteurs d'écran et affiché avant lecture."),
    )

    class Meta:
        icon = "media"
        label = _("Vidéo intégrée")
        template = "blocks/embed.html"
        description = _(
            "Une vidéo d'un autre site ; elle ne se charge que lorsque le visiteur clique, "
            "pour ne rien transmettre à ce site sans son accord."
        )
        preview_value = {"embed": None, "title": "Présentation du réseau en vidéo"}


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("titre du tableau"), max_length=150)
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(label=_("texte"))),
            ("number", blocks.DecimalBlock(label=_("nombre"))),
            ("rich_text", blocks.RichTextBlock(label=_("texte enrichi"), features=["bold", "italic", "link"])),
        ],
        label=_("tableau"),
    )

    class Meta:
        icon = "table"
        label = _("Tableau")
        template = "blocks/table.html"
        description = _("Un tableau simple avec un titre, lu correctement par les lecteurs d'écran.")
        preview_value = {"caption": "Participants par rencontre", "table": None}


class BodyStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Texte"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
        description=_("Du texte mis en forme : gras, italique, listes, liens."),
        preview_value="<p>Les transitions exigent une mobilisation collective.</p>",
    )
    heading = HeadingBlock()
    image = ImageWithCaptionBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    embed = VideoEmbedBlock()
    table = TableBlock()
    partners = PartnersBlock()
