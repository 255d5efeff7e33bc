"""What the public forms' spam defences remember: tokens already used, and how many posts they set aside."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DiscardReason(models.TextChoices):
    HONEYPOT = "piege", _("champ piège rempli (écarté sans le dire)")
    TOO_FAST = "trop_rapide", _("envoyé trop vite (formulaire proposé de nouveau)")
    TOO_OLD = "trop_ancien", _("formulaire trop ancien (proposé de nouveau)")
    FORGED = "jeton_invalide", _("jeton invalide (formulaire proposé de nouveau)")
    REPEATED = "deja_recu", _("même formulaire envoyé de nouveau (réponse du premier envoi)")


# The forms' names for staff, by the scope their views give the spam defences.
FORM_NAMES = {
    "join": _("Rejoindre le réseau"),
    "newsletter": _("Lettre d'information"),
    "registration": _("Inscription à un événement"),
}


class DiscardedPosts(models.Model):
    """Posts of one public form that were not recorded, per reason and per day: what staff see."""

    form = models.CharField(_("formulaire"), max_length=30)
    reason = models.CharField(_("motif"), max_length=20, choices=DiscardReason.choices)
    day = models.DateField(_("jour"))
    count = models.PositiveIntegerField(_("nombre"), default=0)

    class Meta:
        verbose_name = _("envois écartés")
        verbose_name_plural = _("envois écartés")
        constraints = [models.UniqueConstraint(fields=["form", "reason", "day"], name="discarded_posts_per_day")]

    def __str__(self):
        return f"{self.form} {self.day:%Y-%m-%d} {self.reason}: {self.count}"


class UsedFormToken(models.Model):
    """A time-trap token that brought a post in: the same form posted again gets the first answer.

    Only a digest is kept, and only as long as the token would be accepted (SPAM_MAX_AGE_SECONDS).
    """

    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.digest[:12]
