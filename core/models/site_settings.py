from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.rich_text import CleanStreamField

DEFAULT_ORGANISATION_NAME = "Territoires participatifs"

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
    membership_accepted_subject = models.CharField(
        _("objet du courriel d'acceptation"),
        max_length=150,
        default="Bienvenue dans le réseau des Territoires participatifs",
        help_text=_("Envoyé à la personne dont la demande d'adhésion est acceptée ; 60 caractères au plus."),
    )
    membership_accepted_body = models.TextField(
        _("texte du courriel d'acceptation"),
        default=(
            "Bonjour,\n\nVotre demande d'adhésion au réseau est acceptée : bienvenue ! Nous préparons la fiche "
            "de votre structure dans l'annuaire et revenons vers vous pour la relire avec vous avant sa "
            "publication.\n\nÀ bientôt,\nL'équipe du centre de ressources"
        ),
        help_text=_("Envoyé tel quel ; rien de la demande n'y est ajouté. Vide : pas de courriel."),
    )
    membership_refused_subject = models.CharField(
        _("objet du courriel de refus"),
        max_length=150,
        default="Votre demande d'adhésion au réseau",
        help_text=_("Envoyé à la personne dont la demande d'adhésion est refusée ; 60 caractères au plus."),
    )
    membership_refused_body = models.TextField(
        _("texte du courriel de refus"),
        default=(
            "Bonjour,\n\nMerci de l'intérêt que vous portez au réseau. Nous ne pouvons pas donner suite à votre "
            "demande d'adhésion pour le moment. N'hésitez pas à nous écrire en répondant à ce message pour en "
            "parler.\n\nBien cordialement,\nL'équipe du centre de ressources"
        ),
        help_text=_("Envoyé tel quel ; rien de la demande n'y est ajouté. Vide : pas de courriel."),
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
        MultiFieldPanel(
            [
                FieldPanel("membership_accepted_subject"),
                FieldPanel("membership_accepted_body"),
                FieldPanel("membership_refused_subject"),
                FieldPanel("membership_refused_body"),
            ],
            heading=_("Réponses aux demandes d'adhésion"),
        ),
        FieldPanel("social_links"),
        FieldPanel("legal_links"),
    ]

    class Meta:
        verbose_name = _("réglages du site")

    @property
    def display_name(self):
        """The name the site signs with: feeds, structured data; templates show the same default."""
        return self.organisation_name or DEFAULT_ORGANISATION_NAME
