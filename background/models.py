from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """When a process of the task system last proved it runs: one row per kind of process."""

    WORKER = "worker"
    SCHEDULER = "scheduler"

    process = models.CharField(_("processus"), max_length=20, primary_key=True)
    seen_at = models.DateTimeField(_("vu le"))

    class Meta:
        verbose_name = _("signe de vie")
        verbose_name_plural = _("signes de vie")

    def __str__(self):
        return f"{self.process} {self.seen_at:%d/%m/%Y %H:%M:%S}"

    @classmethod
    def beat(cls, process, now):
        cls.objects.update_or_create(process=process, defaults={"seen_at": now})
