from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site-wide building blocks every other app stands on; it imports none of them."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from background import periodic
        from security.csp import register_image_origins

        from . import outbox
        from .models.site_settings import map_tile_origins

        periodic.register("* * * * *", outbox.sweep_outbox, _("courriels restés en attente ou interrompus"))
        register_image_origins(map_tile_origins)
