import uuid
from datetime import datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.filters import ChoiceFilter
from core.models.previews import RoutablePreviewMixin
from core.rich_text import CleanStreamField
from core.structured_data import site_reference
from news import registration_views
from news.calendar import add_to_calendar_links, event_calendar_response, feed_calendar_response
from news.registration_views import blank_form
from news.registrations import seat_count
from news.structured_data import LAST_SEATS, actor_directory_url, event_data
from pagecache.middleware import leave_uncached

from .editorial import EditorialPage
from .listing import ListingPage
from .registrations import MAX_QUESTIONS

MONTHS_OFFERED = 12  # the month filter offers this month and the next eleven

# Fields whose change calendar applications must hear about (the ICS SEQUENCE grows with them).
CALENDAR_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "all_day",
    "status",
    "venue_name",
    "address",
    "commune",
    "online_url",
)


class RegistrationMode(models.TextChoices):
    NONE = "aucune", _("Aucune")
    ELSEWHERE = "ailleurs", _("Sur un autre site")
    ON_SITE = "site", _("Sur ce site")


class EventPage(RoutablePreviewMixin, EditorialPage):
    """« Événement »: a meeting, workshop or visit, in person, online or both."""

    class Status(models.TextChoices):
        SCHEDULED = "prevu", _("Prévu")
        FULL = "complet", _("Complet")
        POSTPONED = "reporte", _("Reporté")
        CANCELLED = "annule", _("Annulé")

    class Format(models.TextChoices):
        IN_PERSON = "presentiel", _("Présentiel")
        ONLINE = "en-ligne", _("En ligne")
        HYBRID = "hybride", _("Hybride")

    all_day = models.BooleanField(
        _("toute la journée"),
        default=False,
        help_text=_("Seules les dates comptent : l'événement dure du premier jour au dernier, inclus."),
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_("Un autre statut que « Prévu » s'affiche en tête de page ; « Annulé » retire l'ajout à l'agenda."),
    )
    event_format = models.CharField(
        _("format"),
        max_length=12,
        choices=Format.choices,
        default=Format.IN_PERSON,
        help_text=_(
            "Affiché sur la page et proposé en filtre dans l'agenda ; en ligne ou hybride : lien de connexion."
        ),
    )
    venue_name = models.CharField(
        _("lieu"),
        max_length=150,
        blank=True,
        help_text=_("Nom du lieu, ex. « Maison de l'habitant », affiché sous « Où » et repris dans le fichier agenda."),
    )
    address = models.CharField(
        _("adresse"),
        max_length=255,
        blank=True,
        help_text=_("Numéro et rue, affichés sous le nom du lieu et repris dans le fichier agenda."),
    )
    postal_code = models.CharField(
        _("code postal"), max_length=10, blank=True, help_text=_("Affiché devant la commune, sous « Où ».")
    )
    commune = models.CharField(
        _("commune"),
        max_length=100,
        blank=True,
        help_text=_("Affichée sous « Où » et reprise dans le fichier agenda ; la recherche du site la trouve aussi."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Facultatif, en degrés décimaux (ex. 50.629250) ; gardée pour une carte, pas encore affichée."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Facultatif, en degrés décimaux (ex. 3.057256) ; gardée pour une carte, pas encore affichée."),
    )
    online_url = models.URLField(
        _("lien de connexion"), blank=True, help_text=_("Pour les événements en ligne ou hybrides.")
    )
    registration_mode = models.CharField(
        _("inscription"),
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
        help_text=_(
            "« Sur ce site » : le formulaire « S'inscrire » est sur la page, les places sont comptées et "
            "les inscrits reçoivent confirmation, rappel et changements par courriel."
        ),
    )
    registration_url = models.URLField(
        _("lien d'inscription"),
        blank=True,
        help_text=_("Inscription sur un autre site (ex. HelloAsso) : le lien « S'inscrire » de la page y mène."),
    )
    registration_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("ou page d'inscription du site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Une page de ce site ; si les deux sont remplis, elle passe avant le lien d'inscription."),
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_(
            "Date et heure de Paris ; vide : au début de l'événement. Sur ce site, le formulaire se ferme alors."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Inscription sur ce site ; vide : sans limite."),
    )
    waiting_list = models.BooleanField(
        _("liste d'attente"),
        default=True,
        help_text=_(
            "Une fois complet, les suivants s'inscrivent sur une liste d'attente ; une place libérée revient "
            "au premier de la liste, prévenu par courriel."
        ),
    )
    show_seats_left = models.BooleanField(
        _("afficher les places restantes"),
        default=True,
        help_text=_("« Plus que 3 places » sous le bouton d'inscription."),
    )
    registration_consent_text = models.TextField(
        _("texte du consentement"),
        max_length=1000,
        default=(
            "J'accepte que le centre de ressources conserve ces informations pour organiser l'événement et "
            "me tenir informé·e de ses changements. Elles ne sont ni vendues ni transmises, et sont anonymisées "
            "un an après l'événement."
        ),
        help_text=_("La case à cocher obligatoire du formulaire ; le texte exact est enregistré avec l'inscription."),
    )
    price = models.CharField(
        _("tarif"), max_length=100, blank=True, help_text=_("Laisser vide pour un événement gratuit.")
    )
    organisers = models.CharField(
        _("autres organisateurs et partenaires"),
        max_length=255,
        blank=True,
        help_text=_("Ceux qui n'ont pas de fiche dans l'annuaire ; les autres s'ajoutent dans « Acteurs associés »."),
    )
    body = CleanStreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("programme et présentation"),
        help_text=_("Programme, intervenants, accès…, sous l'image principale : texte, intertitres, images, vidéos."),
    )
    calendar_uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)

    content_panels = [
        *EditorialPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at", heading=_("Début")), FieldPanel("ends_at", heading=_("Fin"))]),
                FieldPanel("all_day"),
                FieldPanel("status"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("commune")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Lieu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode", widget=forms.RadioSelect),
                FieldPanel("registration_url"),
                FieldPanel("registration_page"),
                FieldPanel("registration_closes_at"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list"), FieldPanel("show_seats_left")]),
                FieldPanel("registration_consent_text"),
                FieldPanel("price"),
            ],
            heading=_("Inscription"),
        ),
        InlinePanel(
            "registration_questions",
            label=_("Questions d'inscription"),
            max_num=MAX_QUESTIONS,
            help_text=_(
                "Inscription sur ce site : le formulaire demande toujours nom, courriel, structure (facultative) "
                "et besoins d'accessibilité ; ajoutez seulement ce dont l'organisation a besoin."
            ),
        ),
        FieldPanel("organisers"),
        FieldPanel("chapo"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        *EditorialPage.classification_panels,
        *EditorialPage.dates_panels,
    ]
    search_fields = [*EditorialPage.search_fields, index.SearchField("body"), index.SearchField("commune")]

    template = "pages/event_page.html"
    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def clean(self):
        super().clean()
        if not self.starts_at or not self.ends_at:
            raise ValidationError({"starts_at": _("Un événement a une date de début et une date de fin.")})
        if self.all_day:
            self.starts_at, self.ends_at = whole_days(self.starts_at, self.ends_at)
        if self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("La fin doit venir après le début.")})
        if self.event_format != self.Format.IN_PERSON and not self.online_url:
            raise ValidationError(
                {"online_url": _("Un événement en ligne ou hybride a besoin de son lien de connexion.")}
            )
        linked = self.registration_url or self.registration_page
        if self.registration_mode == RegistrationMode.ELSEWHERE and not linked:
            raise ValidationError(
                {"registration_url": _("Une inscription sur un autre site a besoin de son lien ou de sa page.")}
            )
        if self.registration_closes_at and self.registration_closes_at > self.ends_at:
            raise ValidationError(
                {"registration_closes_at": _("Les inscriptions ne peuvent pas se clore après la fin de l'événement.")}
            )

    def save(self, *args, **kwargs):
        self.calendar_sequence = self._next_calendar_sequence()
        super().save(*args, **kwargs)

    def _next_calendar_sequence(self):
        """RFC 5545: calendars replace an event only when its SEQUENCE grows with a change."""
        if not self.pk:
            return self.calendar_sequence
        stored = EventPage.objects.filter(pk=self.pk).values(*CALENDAR_FIELDS, "calendar_sequence").first()
        if stored is None:
            return self.calendar_sequence
        sequence = max(stored["calendar_sequence"], self.calendar_sequence)
        changed = any(stored[name] != getattr(self, name) for name in CALENDAR_FIELDS)
        return sequence + 1 if changed else sequence

    def get_context(self, request, *args, registration_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read by the template only when the article's fragment is not kept already (or is live, with
        # registrations on the site).
        context["calendar_links"] = SimpleLazyObject(lambda: add_to_calendar_links(self, request))
        seats = None
        if self.registers_on_site:
            context.update(self.registration_context(request, registration_form))
            seats = context["seats"]
        context["structured_data"] = lambda: event_data(
            self, request, actor_directory_url(request, self.published_actor_links), site_reference(request), seats
        )
        return context

    def registration_context(self, request, form):
        """Seats left and the form (blank, or as posted with its errors) while the event takes registrations."""
        now = timezone.now()
        if now < self.ends_at:
            # Seat counts change with every registration: the page is rendered afresh for each visitor.
            leave_uncached(request)
        seats = seat_count(self)
        accepting = self.registration_open(now) and (not seats.full or self.waiting_list)
        if accepting and form is None:
            form = blank_form(self)
        return {
            "seats": seats,
            "registration_accepting": accepting,
            "registration_form": form if accepting else None,
            "last_seats": seats.left is not None and seats.left <= LAST_SEATS,
        }

    @property
    def registers_on_site(self):
        return self.registration_mode == RegistrationMode.ON_SITE

    @property
    def registration_closes(self):
        """When the form closes: the editor's date and time, else the start of the event."""
        return self.registration_closes_at or self.starts_at

    def registration_open(self, now=None):
        """On-site registration takes new people: before the closing time, unless the event is cancelled."""
        return self.registers_on_site and not self.is_cancelled and (now or timezone.now()) < self.registration_closes

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def last_day(self):
        """The last day the event takes place, in local time."""
        return timezone.localtime(self.ends_at).date()

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical(self, request):
        return event_calendar_response(request, self)

    # Registration on the site (news/registration_views.py). The personal link's route comes last:
    # it takes any segment.
    @path("inscription/", name="register")
    def register(self, request):
        if not self.registers_on_site:
            raise Http404
        return registration_views.post_registration(self, request)

    @path("inscription/envoyee/", name="registration_sent")
    def registration_sent(self, request):
        return registration_views.registration_sent(self, request)

    @path("inscription/deja-inscrit/", name="already_registered")
    def already_registered(self, request):
        return registration_views.already_registered(self, request)

    @path("inscription/<str:signed>/", name="personal_registration")
    def personal_registration(self, request, signed):
        return registration_views.personal_page(self, request, signed)


def whole_days(starts_at, ends_at):
    """From the first moment of the first day to the last moment of the last day, in local time.

    Applying it twice changes nothing, which matters: Wagtail cleans a page on every save.
    """
    first = timezone.localtime(starts_at).date()
    last = max(first, timezone.localtime(ends_at).date())
    tz = timezone.get_current_timezone()
    return timezone.make_aware(datetime.combine(first, time.min), tz), timezone.make_aware(
        datetime.combine(last, time.max), tz
    )


def offered_months(_index):
    """?mois=: this month and the next eleven, as « décembre 2026 »."""
    return {day.strftime("%Y-%m"): date_format(day, "F Y") for day in month_starts(timezone.now(), MONTHS_OFFERED)}


def starting_in_month(pages, month):
    """?mois=2026-12: the events that start in that month, in local time."""
    year, number = (int(part) for part in month.split("-"))
    return pages.filter(starts_at__year=year, starts_at__month=number)


class EventIndexPage(ListingPage):
    """« Agenda »: upcoming and ongoing events soonest first; past ones under passes/, newest first."""

    listed_models = (EventPage,)
    template = "pages/event_index_page.html"
    subpage_types = ["news.EventPage"]
    max_count = 1
    # The agenda's page and its calendar feed (ical/) read the same filters.
    filter_set = ListingPage.filter_set.extended(
        ChoiceFilter("format", _("Format"), "eventpage__event_format", choices=EventPage.Format.choices),
        ChoiceFilter("mois", _("Mois"), starting_in_month, choices=offered_months),
    )

    class Meta:
        verbose_name = _("agenda")

    def ordered(self, pages, request):
        now = timezone.now()
        return pages.past_events(now) if self.showing_past(request) else pages.upcoming_events(now)

    @staticmethod
    def showing_past(request):
        match = getattr(request, "routable_resolver_match", None)
        return bool(match and match.url_name == "past")

    def get_sitemap_urls(self, request=None):
        """The agenda and its past events: two lists, two addresses for search engines."""
        (agenda,) = super().get_sitemap_urls(request)
        return [agenda, {**agenda, "location": agenda["location"] + self.reverse_subpage("past")}]

    @path("passes/", name="past")
    def past(self, request):
        return self.render(
            request,
            context_overrides={
                "past_events": True,
                # Its own address and title: a search engine would otherwise take it for a copy of the agenda.
                "canonical_url": self.get_full_url(request) + self.reverse_subpage("past"),
                "meta_title": _("Événements passés"),
            },
        )

    @path("ical/", name="ical")
    def ical(self, request):
        return feed_calendar_response(request, self.listed_pages(self.read_filters(request)), self.title)


def month_starts(now, count):
    """The first day of this month and of the `count - 1` months after it."""
    year, month = timezone.localtime(now).year, timezone.localtime(now).month
    for offset in range(count):
        yield datetime(year + (month - 1 + offset) // 12, (month - 1 + offset) % 12 + 1, 1)
