from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = _("Disponibilité du site")

    def ready(self):
        from django.core.signals import got_request_exception

        from .middleware import note_database_failure

        got_request_exception.connect(note_database_failure, dispatch_uid="health.note_database_failure")
