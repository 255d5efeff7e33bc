from django.conf import settings
from django.db import models
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, SiteSettings
from core.rich_text import CleanStreamField
from core.routing import deepest_page_on_the_way
from core.structured_data import site_organization, site_reference, website
from home.figures import network_figures
from network.directory.blocks import NetworkMapBlock
from news.blocks import ListingStreamBlock
from news.models import NewsIndexPage, ResourceIndexPage
from pagecache.fragments import remembered


class HomePage(BasePage):
    """The site's front page: a hero, then sections that other parts of the site feed."""

    hero_title = models.CharField(
        _("titre d'accroche"),
        max_length=150,
        help_text=_("Le grand titre en haut de l'accueil ; 60 caractères au plus pour tenir sur deux lignes."),
    )
    hero_intro = models.TextField(
        _("texte d'accroche"),
        max_length=400,
        blank=True,
        help_text=_("Une ou deux phrases sous le grand titre ; rien ne s'affiche si vide."),
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image d'accroche"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Format paysage, 1600 × 900 pixels au moins ; son texte alternatif est celui de la médiathèque."),
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page mise en avant par le bouton"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le bouton sous l'accroche mène à cette page ; sans page ou sans texte, pas de bouton."),
    )
    hero_link_label = models.CharField(
        _("texte du bouton"),
        max_length=80,
        blank=True,
        help_text=_("Deux à quatre mots, ex. « Découvrir le réseau » ; sans texte ou sans page, pas de bouton."),
    )
    join_title = models.CharField(
        _("titre de l'appel à rejoindre le réseau"),
        max_length=120,
        blank=True,
        help_text=_("Titre du bandeau « Rejoindre le réseau » en bas de l'accueil ; vide, le bandeau disparaît."),
    )
    join_text = models.TextField(
        _("texte de l'appel à rejoindre le réseau"),
        max_length=400,
        blank=True,
        help_text=_("Une ou deux phrases sous ce titre : ce que le réseau apporte à ceux qui le rejoignent."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du formulaire d'adhésion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le bouton « Rejoindre le réseau » du bandeau y mène ; vide, le bandeau disparaît."),
    )
    body = CleanStreamField(
        ListingStreamBlock(),
        blank=True,
        verbose_name=_("rubriques"),
        help_text=_("Les rubriques de l'accueil : derniers contenus, dossier à la une, texte, boutons…"),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link_page"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Accroche"),
        ),
        MultiFieldPanel(
            [FieldPanel("join_title"), FieldPanel("join_text"), FieldPanel("join_page")],
            heading=_("Rejoindre le réseau"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_intro"), index.SearchField("body")]

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def route(self, request, path_components):
        """Every address of the site starts here: its page is found in one query (core.routing)."""
        found = deepest_page_on_the_way(self, path_components)
        if found is None:
            return super().route(request, path_components)
        page, remaining = found
        return page.specific.route(request, remaining)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_figures"] = remembered("network-figures", network_figures)
        # Feed readers and browsers find the feeds from the address people know: the home page.
        context["feeds"] = remembered(f"home-feeds:{self.pk}", lambda: self.advertised_feeds(request))
        context["structured_data"] = home_structured_data(request)
        return context

    @staticmethod
    def advertised_feeds(request):
        """(title, address of the listing) of the listings that have RSS and Atom feeds."""
        listings = Page.objects.live().type(NewsIndexPage, ResourceIndexPage).order_by("path")
        return [(page.title, page.get_url(request)) for page in listings.only("id", "title", "url_path")]

    @property
    def share_image(self):
        """Shared without a chosen image, the home page shows its hero picture."""
        return super().share_image or self.hero_image

    @property
    def meta_description(self):
        return super().meta_description or self.hero_intro


def home_structured_data(request):
    """WebSite (with its search) and the Organization that publishes the site, for search engines."""
    reference = site_reference(request)
    site_settings = SiteSettings.for_request(request)
    organization = site_organization(
        reference["name"],
        reference["url"],
        logo_url=request.build_absolute_uri(static("img/logo.svg")),
        email=site_settings.contact_email,
        telephone=site_settings.phone,
        social_urls=[link.value["url"] for link in site_settings.social_links],
    )
    return [
        website(reference["name"], reference["url"], request.build_absolute_uri(reverse("search"))),
        organization,
    ]


class StandardStreamBlock(BodyStreamBlock):
    """The body of content pages: the usual blocks, and the network's map for the pages about it."""

    network_map = NetworkMapBlock()


class StandardPage(BasePage):
    """A generic content page: "Qui sommes-nous", legal notice, accessibility statement..."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Une ou deux phrases en gros caractères sous le titre ; rien ne s'affiche si vide."),
    )
    body = CleanStreamField(
        StandardStreamBlock(),
        blank=True,
        verbose_name=_("contenu"),
        help_text=_("Le contenu de la page, sous l'introduction : texte, intertitres, images, documents, vidéos…"),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "directory.ActorDirectoryPage", "membership.JoinFormPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")
