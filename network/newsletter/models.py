"""The newsletter: subscribers with double opt-in, and the letters editors compose and send."""

import secrets
from html import unescape

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.models import BasePage
from core.rich_text import CleanRichTextField

from .letters import letter_sections, render_letter


def new_nonce():
    return secrets.token_urlsafe(16)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    """One address; unsubscribing keeps only the address and the date, so that it is never mailed again."""

    class Status(models.TextChoices):
        PENDING = "en-attente", _("En attente")
        CONFIRMED = "confirme", _("Confirmé")
        UNSUBSCRIBED = "desinscrit", _("Désinscrit")

    email = models.EmailField(_("courriel"), unique=True)
    first_name = models.CharField(_("prénom"), max_length=80, blank=True)
    themes = models.ManyToManyField("core.Theme", verbose_name=_("thèmes d'intérêt"), blank=True, related_name="+")
    status = models.CharField(_("statut"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    consent_text = models.TextField(_("texte du consentement accepté"), blank=True)
    subscribed_at = models.DateTimeField(_("inscription demandée le"), null=True, blank=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désinscrit le"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("lien de confirmation envoyé le"), null=True, blank=True)
    # Part of every confirmation link; renewed once a link is used, so that a link works only once.
    token_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonné à la lettre")
        verbose_name_plural = _("abonnés à la lettre")
        ordering = ["-subscribed_at", "-pk"]

    def __str__(self):
        return self.email

    def themes_list(self):
        return ", ".join(theme.name for theme in self.themes.all())

    themes_list.short_description = _("thèmes")

    def confirm(self):
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.token_nonce = new_nonce()
        self.save(update_fields=["status", "confirmed_at", "token_nonce"])

    def unsubscribe(self):
        """Keep the address and the date only: enough to never mail it again."""
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        self.first_name = ""
        self.consent_text = ""
        self.token_nonce = new_nonce()
        self.save()
        self.themes.clear()


class NewsletterIndexPage(BasePage):
    """« Lettres d'information »: the archive of the letters sent."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_(
            "Une ou deux phrases sous le titre, avant la liste des lettres envoyées ; rien ne s'affiche si vide."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    template = "pages/newsletter_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterPage"]
    max_count = 1

    class Meta:
        verbose_name = _("archives de la lettre d'information")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = (
            NewsletterPage.objects.live().public().child_of(self).filter(sent_at__isnull=False).order_by("-sent_at")
        )
        return context


class NewsletterPage(BasePage):
    """« Lettre d'information »: an introduction, the editors' picks, then what is new since the last letter."""

    intro = CleanRichTextField(
        _("édito"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Le mot d'ouverture, en tête du courriel et de la page web de la lettre ; quelques lignes suffisent."
        ),
    )
    include_latest = models.BooleanField(
        _("ajouter les nouveautés"),
        default=True,
        help_text=_("Actualités et ressources publiées depuis la lettre précédente."),
    )
    include_events = models.BooleanField(
        _("ajouter les prochains événements"),
        default=True,
        help_text=_("Les cinq prochains événements de l'agenda, après les nouveautés."),
    )
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("items", label=_("Contenus choisis"), max_num=8),
        MultiFieldPanel(
            [FieldPanel("include_latest"), FieldPanel("include_events")], heading=_("Rubriques automatiques")
        ),
    ]
    template = "pages/newsletter_page.html"
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    preview_modes = [("", _("Page web")), ("courriel", _("Courriel"))]

    class Meta:
        verbose_name = _("lettre d'information")
        verbose_name_plural = _("lettres d'information")

    @property
    def meta_description(self):
        """What the editors wrote for search engines, else the opening of the édito."""
        return super().meta_description or Truncator(" ".join(unescape(strip_tags(self.intro)).split())).chars(160)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = letter_sections(self)
        context["sections"] = [
            (_("À la une"), sections["picked"]),
            (_("Les nouveautés"), sections["latest"]),
            (_("Prochains événements"), sections["events"]),
        ]
        return context

    def serve_preview(self, request, mode_name):
        """The « Courriel » preview shows the letter exactly as subscribers will receive it."""
        if mode_name == "courriel":
            return HttpResponse(render_letter(self)[2])
        return super().serve_preview(request, mode_name)


class NewsletterItem(Orderable):
    letter = ParentalKey(NewsletterPage, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "news.EditorialPage",
        verbose_name=_("contenu"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Actualité, événement ou ressource, présenté sous « À la une », dans cet ordre."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("contenu choisi")
        verbose_name_plural = _("contenus choisis")


class NewsletterDelivery(models.Model):
    """One letter to one subscriber, created with its email in the outbox: the same letter never twice."""

    letter = models.ForeignKey(NewsletterPage, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    # The outbox's email says whether it left; emptied when the outbox forgets it, the delivery stays.
    email = models.OneToOneField(
        "core.OutgoingEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("envoi de la lettre")
        constraints = [models.UniqueConstraint(fields=["letter", "subscriber"], name="one_delivery_per_letter")]

    def __str__(self):
        return f"{self.letter} → {self.subscriber}"


class LetterSending(models.Model):
    """The send of one letter, asked for in the admin: now or at a set time, paused and resumed there."""

    class State(models.TextChoices):
        SCHEDULED = "programme", _("programmé")
        SENDING = "envoi", _("en cours")
        PAUSED = "pause", _("en pause")

    letter = models.OneToOneField(NewsletterPage, on_delete=models.CASCADE, related_name="sending")
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.SCHEDULED)
    scheduled_for = models.DateTimeField(_("envoi prévu le"))
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("envoi d'une lettre")

    def __str__(self):
        return f"{self.letter} ({self.get_state_display()})"
