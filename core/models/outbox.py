"""Emails are written to the database before they are sent, so a mail server that is down loses nothing.

An email may be about a record (a join request, a registration): the link is generic, so that the
outbox knows no app, and the record's `GenericRelation` deletes its emails with it.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10


class OutgoingEmailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS).order_by("created_at", "pk")


class OutgoingEmail(models.Model):
    """One email to send, sent, or that failed and waits for `send_pending_emails`."""

    to = models.EmailField(_("destinataire"), max_length=254)
    subject = models.CharField(_("objet"), max_length=255)
    body = models.TextField(_("texte"))
    headers = models.JSONField(_("en-têtes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
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
            models.Index(fields=["sent_at", "attempts"], name="outbox_pending"),
            models.Index(fields=["about_type", "about_id"], name="outbox_about"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def send(self):
        """Try once; record the outcome. True when the server accepted the message."""
        self.attempts += 1
        message = EmailMessage(
            subject=" ".join(self.subject.split()),  # no line break can reach the header
            body=self.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[self.to],
            headers=self.headers,
        )
        try:
            message.send(fail_silently=False)
        except Exception as error:  # SMTP refusals, connection errors, timeouts: all wait for a retry
            logger.warning("Email %s to %s not sent: %s", self.pk, self.to, error)
            self.last_error = f"{timezone.now():%d/%m/%Y %H:%M} — {type(error).__name__}: {error}"[:1000]
            self.save(update_fields=["attempts", "last_error"])
            return False
        self.sent_at = timezone.now()
        self.last_error = ""
        self.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def send_pending_emails():
    """Retry every email that could not be sent yet; returns (sent, still failing)."""
    sent = failed = 0
    for email in OutgoingEmail.objects.pending():
        if email.send():
            sent += 1
        else:
            failed += 1
    return sent, failed
