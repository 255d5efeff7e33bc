"""Emails are written to the database first, then sent by a task: no web request waits on a mail server.

An email may be about a record (a join request, a letter): the link is generic, so that the outbox
knows no app, and the record's `GenericRelation` deletes its emails with it. Emails sent together
(a letter's) share a `batch`, which a task sends over one connection. The sending itself is in
core/outbox.py.
"""

import base64
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmailQuerySet(models.QuerySet):
    def pending(self):
        """Waiting for their first attempt or a retry."""
        return self.filter(status=OutgoingEmail.Status.PENDING)

    def due(self, now=None):
        return self.filter(status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now or timezone.now())

    def claim_next(self, now=None, sent=None):
        """The next due email of this set, marked « sending » by this process alone; None when none is due.

        Candidates are read with SKIP LOCKED (PostgreSQL: two workers never wait on the same row), and
        the claim is a conditional update, which only one process can win on any database: an email is
        never handed to two senders. `sent`, the email this sender just sent, is marked in the same
        transaction: one commit per message instead of two, the cost of a send on a busy disk.
        """
        now = now or timezone.now()
        while True:
            with transaction.atomic():
                if sent is not None:
                    sent.mark_sent()
                    sent = None
                candidate = self.due(now).order_by("next_attempt_at", "pk").select_for_update(skip_locked=True).first()
                if candidate is None:
                    return None
                won = OutgoingEmail.objects.filter(pk=candidate.pk, status=OutgoingEmail.Status.PENDING).update(
                    status=OutgoingEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
                )
            if won:
                candidate.status, candidate.claimed_at = OutgoingEmail.Status.SENDING, now
                candidate.attempts += 1
                return candidate


class OutgoingEmail(models.Model):
    """One email: waiting, being sent, sent, failed after every retry, or held (a paused letter)."""

    class Status(models.TextChoices):
        PENDING = "attente", _("en attente")
        SENDING = "envoi", _("en cours d'envoi")
        SENT = "envoye", _("envoyé")
        FAILED = "echec", _("en échec")
        HELD = "suspendu", _("suspendu")

    to = models.EmailField(_("destinataire"), max_length=254)
    subject = models.CharField(_("objet"), max_length=255)
    body = models.TextField(_("texte"))
    html_body = models.TextField(_("version HTML"), blank=True)
    headers = models.JSONField(_("en-têtes"), default=dict, blank=True)
    # [{"filename": …, "mimetype": …, "content": base64}], small files only (an invitation's .ics).
    attachments = models.JSONField(_("pièces jointes"), default=list, blank=True)
    batch = models.CharField(_("lot"), max_length=64, blank=True)
    status = models.CharField(_("état"), max_length=8, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("prochain essai"), default=timezone.now)
    claimed_at = models.DateTimeField(_("pris en charge le"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    about_type = models.ForeignKey(
        ContentType, verbose_name=_("à propos de (type)"), null=True, blank=True, on_delete=models.CASCADE
    )
    about_id = models.PositiveBigIntegerField(_("à propos de (numéro)"), null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("courriel sortant")
        verbose_name_plural = _("courriels sortants")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            # A letter's senders claim its next due email among thousands: straight from the index.
            models.Index(fields=["batch", "status", "next_attempt_at"], name="outbox_batch_due"),
            models.Index(fields=["about_type", "about_id"], name="outbox_about"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def message(self, connection=None):
        message = EmailMultiAlternatives(
            subject=" ".join(self.subject.split()),  # no line break can reach the header
            body=self.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[self.to],
            headers=self.headers,
            connection=connection,
        )
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        for attachment in self.attachments:
            message.attach(attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"])
        return message

    def mark_sent(self):
        self.status, self.sent_at, self.last_error = self.Status.SENT, timezone.now(), ""
        self.save(update_fields=["status", "sent_at", "last_error"])

    def mark_failed_attempt(self, error, now=None):
        """Wait for the next retry of the policy (settings.OUTBOX_RETRY_DELAYS), or fail after the last one."""
        now = now or timezone.now()
        delays = settings.OUTBOX_RETRY_DELAYS
        self.last_error = f"{timezone.localtime(now):%d/%m/%Y %H:%M} — {type(error).__name__}: {error}"[:1000]
        if self.attempts <= len(delays):
            self.status = self.Status.PENDING
            self.next_attempt_at = now + timedelta(seconds=delays[self.attempts - 1])
        else:
            self.status = self.Status.FAILED
        self.save(update_fields=["status", "next_attempt_at", "last_error"])
