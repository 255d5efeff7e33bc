"""Registrations to an event whose registration is « sur ce site ».

Seats are handed out by news/registrations.py only, under a lock on the event's EventSeats row: on
PostgreSQL a row lock (SELECT … FOR UPDATE), on SQLite the database's write lock, which every
transaction takes when it begins (`transaction_mode: IMMEDIATE`). Counting the seats taken and
writing the new registration happen under that lock, so two people never get the last seat.
"""

import secrets

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core.models import OutgoingEmail

MAX_ANSWER_LENGTH = 500
MAX_QUESTIONS = 6


def new_token():
    return secrets.token_urlsafe(24)


class RegistrationQuestion(Orderable):
    """An extra question an editor adds to an event's registration form, with what its answer is for."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "texte", _("Texte court")
        CHOICE = "choix", _("Choix dans une liste")
        CHECKBOX = "case", _("Case à cocher")

    page = ParentalKey("news.EventPage", on_delete=models.CASCADE, related_name="registration_questions")
    label = models.CharField(
        _("question"), max_length=200, help_text=_("Telle qu'affichée dans le formulaire, ex. « Votre fonction ».")
    )
    kind = models.CharField(
        _("type de réponse"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.SHORT_TEXT,
        help_text=_("Texte court, un choix parmi une liste (boutons radio) ou une case à cocher."),
    )
    choices = models.TextField(
        _("choix proposés"),
        blank=True,
        help_text=_("Pour « Choix dans une liste » : un choix par ligne."),
    )
    required = models.BooleanField(
        _("réponse obligatoire"), default=False, help_text=_("Coché : l'inscription ne part pas sans cette réponse.")
    )
    purpose = models.CharField(
        _("usage de la réponse"),
        max_length=200,
        help_text=_(
            "Dit à la personne à quoi sert sa réponse, sous la question (ex. « Pour prévoir le nombre de repas »)."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind")]),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("required"), FieldPanel("purpose")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question d'inscription")
        verbose_name_plural = _("questions d'inscription")

    def __str__(self):
        return self.label

    def clean(self):
        if self.kind == self.Kind.CHOICE and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("Une liste propose au moins deux choix, un par ligne.")})

    @property
    def field_name(self):
        """The form field's name; stable while the question exists, whatever its label becomes."""
        return f"question_{self.pk}"

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class EventSeats(models.Model):
    """One row per event with on-site registration: the row that seat changes lock, and counters kept with it.

    `waiting_counter` numbers the waiting list (positions only grow: the order never changes);
    `announced` is what registered people were last told of the event's dates, place and status
    (news/registration_tasks.py writes to them when a publication changes it).
    """

    event = models.OneToOneField(
        "news.EventPage", primary_key=True, on_delete=models.CASCADE, related_name="seats", verbose_name=_("événement")
    )
    waiting_counter = models.PositiveIntegerField(default=0)
    announced = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("places d'un événement")
        verbose_name_plural = _("places des événements")

    def __str__(self):
        return str(self.event_id)


class RegistrationQuerySet(models.QuerySet):
    def holding_seats(self):
        """Those who count against the capacity: registered, and those already marked present."""
        return self.filter(status__in=Registration.SEAT_STATUSES)

    def waiting(self):
        """The waiting list, first in line first."""
        return self.filter(status=Registration.Status.WAITING).order_by("waiting_position")

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(models.Model):
    """One person's registration to one event: who, what they answered, where they stand."""

    class Status(models.TextChoices):
        REGISTERED = "inscrit", _("Inscrit")
        WAITING = "attente", _("Liste d'attente")
        CANCELLED = "annule", _("Annulé")
        ATTENDED = "present", _("Présent")

    SEAT_STATUSES = (Status.REGISTERED, Status.ATTENDED)

    event = models.ForeignKey(
        "news.EventPage", on_delete=models.CASCADE, related_name="registrations", verbose_name=_("événement")
    )
    name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("courriel"), db_index=True)
    structure = models.CharField(_("structure"), max_length=200, blank=True)
    accessibility_needs = models.TextField(_("besoins d'accessibilité"), max_length=1000, blank=True)
    # [{"question": id, "label": "…", "purpose": "…", "answer": "…" | true | false}], in the form's
    # order: the label and purpose as the person saw them, even if the editor reworded them since.
    answers = models.JSONField(_("réponses"), default=list, blank=True)
    status = models.CharField(_("statut"), max_length=10, choices=Status.choices, db_index=True)
    waiting_position = models.PositiveIntegerField(_("rang d'arrivée sur la liste d'attente"), null=True, blank=True)
    consent_text = models.TextField(_("texte du consentement accepté"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("passé de la liste d'attente le"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation envoyée le"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    added_by_staff = models.BooleanField(_("ajouté par l'équipe"), default=False)
    anonymised_at = models.DateTimeField(_("anonymisé le"), null=True, blank=True)
    emails = GenericRelation(
        OutgoingEmail,
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="registration",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live registration per address and event, whatever the letter case: a second post
            # with the same address cannot take a second seat, even two at the same instant.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~models.Q(status="annule") & ~models.Q(email=""),
                name="news_registration_one_per_email",
            ),
            # The waiting list's order is the database's: no two people share a position.
            models.UniqueConstraint(
                fields=["event", "waiting_position"],
                condition=models.Q(waiting_position__isnull=False),
                name="news_registration_waiting_position_unique",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="attente") | models.Q(waiting_position__isnull=False),
                name="news_registration_waiting_has_position",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="news_registration_event_status")]

    def __str__(self):
        return self.name or _("Inscription n° %(pk)s") % {"pk": self.pk}

    @property
    def holds_seat(self):
        return self.status in self.SEAT_STATUSES

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING

    def waiting_rank(self):
        """1 for the first in line (the people still waiting who arrived before, plus one); None if not waiting."""
        if not self.is_waiting:
            return None
        return Registration.objects.filter(
            event_id=self.event_id, status=self.Status.WAITING, waiting_position__lte=self.waiting_position
        ).count()
