from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.rich_text import CleanStreamField

SOCIAL_NETWORKS = [
    ("mastodon", "Mastodon"),
    ("linkedin", "LinkedIn"),
    ("bluesky", "Bluesky"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("peertube", "PeerTube"),
]


class SocialLinkValue(blocks.StructValue):
    def network_name(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("réseau"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("adresse"))

    class Meta:
        value_class = SocialLinkValue
        icon = "link-external"
        label = _("Lien vers un réseau social")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What the footer and the newsletter call to action say on every page."""

    organisation_name = models.CharField(
        _("nom de la structure"),
        max_length=120,
        blank=True,
        help_text=_("Dans l'en-tête, le pied de page et le titre des onglets ; « Territoires participatifs » si vide."),
    )
    address = models.TextField(
        _("adresse postale"),
        blank=True,
        help_text=_("Affichée dans le pied de page avec ses retours à la ligne ; rien ne s'affiche si vide."),
    )
    contact_email = models.EmailField(
        _("adresse de contact"),
        blank=True,
        help_text=_("Affichée dans le pied de page ; reçoit les demandes d'adhésion si personne d'autre n'est prévu."),
    )
    phone = models.CharField(
        _("téléphone"),
        max_length=30,
        blank=True,
        help_text=_("Affiché dans le pied de page tel que saisi, ex. « 03 20 00 00 00 » ; rien ne s'affiche si vide."),
    )
    newsletter_title = models.CharField(
        _("titre de l'appel à l'inscription"),
        max_length=120,
        default="Abonnez-vous !",
        help_text=_("Titre court de l'inscription à la lettre, en pied de chaque page et sur la page /newsletter/."),
    )
    newsletter_pitch = models.CharField(
        _("texte de l'appel à l'inscription"),
        max_length=255,
        default="Recevez le meilleur de l'information régionale DD & Climat",
        help_text=_("Une phrase sous ce titre qui dit ce que contient la lettre et à quel rythme elle arrive."),
    )
    newsletter_consent = models.TextField(
        _("texte du consentement à la lettre"),
        default=(
            "J'accepte de recevoir la lettre d'information du réseau. Mon adresse ne sert qu'à cela ; "
            "chaque lettre contient un lien pour me désinscrire."
        ),
        help_text=_(
            "La case à cocher obligatoire du formulaire d'inscription ; le texte exact est gardé avec l'inscription."
        ),
    )
    social_links = CleanStreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        verbose_name=_("réseaux sociaux"),
        help_text=_("Un lien par réseau vers la page de la structure, listés sous « Nous suivre » en pied de page."),
    )
    legal_links = CleanStreamField(
        [("page", blocks.PageChooserBlock(label=_("page"), icon="doc-full"))],
        blank=True,
        verbose_name=_("liens légaux du pied de page"),
        help_text=_("Mentions légales, accessibilité, données personnelles…"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("address"), FieldPanel("contact_email"), FieldPanel("phone")],
            heading=_("Coordonnées"),
        ),
        MultiFieldPanel(
            [FieldPanel("newsletter_title"), FieldPanel("newsletter_pitch"), FieldPanel("newsletter_consent")],
            heading=_("Lettre d'information"),
        ),
        FieldPanel("social_links"),
        FieldPanel("legal_links"),
    ]

    class Meta:
        verbose_name = _("réglages du site")
