from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site-wide building blocks every other app stands on; it imports none of them."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from background import periodic

        from . import outbox

        periodic.register("* * * * *", outbox.sweep_outbox, _("courriels restés en attente ou interrompus"))
