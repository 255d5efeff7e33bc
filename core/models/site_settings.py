from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.rich_text import CleanStreamField
from pagecache.fragments import remembered, remembered_if_shared

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


TILE_PLACEHOLDERS = ("{z}", "{x}", "{y}")


def validate_tile_url(value):
    """An https address of one server with the {z}, {x} and {y} of web map tiles, and no other braces."""
    if not value:
        return
    filled = value.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
    if any(placeholder not in value for placeholder in TILE_PLACEHOLDERS) or "{" in filled or "}" in filled:
        raise ValidationError(
            _("L'adresse contient {z}, {x} et {y}, et rien d'autre entre accolades, ex. %(example)s."),
            params={"example": "https://tile.openstreetmap.org/{z}/{x}/{y}.png"},
        )
    URLValidator(schemes=["https"], message=_("Saisissez une adresse complète commençant par https://."))(filled)


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

    map_tiles_enabled = models.BooleanField(
        _("afficher un fond de carte extérieur"),
        default=False,
        help_text=_(
            "Sous la carte du réseau, propose aux visiteurs d'afficher les rues et les villes d'un serveur de "
            "tuiles. Ce serveur voit l'adresse IP des visiteurs qui l'acceptent : rien n'est chargé sans leur accord."
        ),
    )
    map_tiles_url = models.CharField(
        _("adresse des tuiles"),
        max_length=255,
        blank=True,
        validators=[validate_tile_url],
        help_text=_("Modèle d'adresse du serveur de tuiles, ex. https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    )
    map_tiles_attribution = models.CharField(
        _("crédit du fond de carte"),
        max_length=255,
        blank=True,
        help_text=_(
            "Affiché sous la carte, tel que le demande le serveur, ex. « © les contributeurs d'OpenStreetMap »."
        ),
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
        MultiFieldPanel(
            [FieldPanel("map_tiles_enabled"), FieldPanel("map_tiles_url"), FieldPanel("map_tiles_attribution")],
            heading=_("Fond de carte"),
        ),
    ]

    class Meta:
        verbose_name = _("réglages du site")

    def clean(self):
        super().clean()
        if self.map_tiles_enabled:
            missing = {
                name: _("Nécessaire pour afficher le fond de carte.")
                for name in ("map_tiles_url", "map_tiles_attribution")
                if not getattr(self, name)
            }
            if missing:
                raise ValidationError(missing)

    @property
    def map_tile_server(self):
        """The origin (https://host) that tiles come from when they are on, else empty: the policy
        (security.csp) lets images come from it, and the map names it to the visitor."""
        if not (self.map_tiles_enabled and self.map_tiles_url):
            return ""
        address = urlsplit(self.map_tiles_url)
        return f"{address.scheme}://{address.netloc}"

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the row remembered under the content generation, which an edit of the settings
        retires (pagecache.fragments.remembered_if_shared): every page shows the organisation's name."""
        if hasattr(request, cls.get_cache_attr_name()):
            return super().for_request(request)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = remembered_if_shared(f"site-settings:{site.pk}", lambda: cls.for_site(site))
        site_settings._request = request
        setattr(request, cls.get_cache_attr_name(), site_settings)
        return site_settings

    @property
    def display_name(self):
        """The name the site signs with: feeds, structured data; templates show the same default."""
        return self.organisation_name or DEFAULT_ORGANISATION_NAME


def map_tile_origins(request):
    """The tile server's origin for the pages' policy while tiles are on; remembered under the content
    generation, which a change of the settings retires, and as long as a cached page, so that a page
    served from the cache still reads no database."""
    key = f"map-tile-server:{request.get_host()}"
    return [remembered(key, lambda: SiteSettings.for_request(request).map_tile_server, follows_events=False)]
