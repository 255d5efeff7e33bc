from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Contenus éditoriaux")

    def ready(self):
        from core.filters import declared_parameters
        from network.directory.sections import register_actor_section
        from pagecache.expiry import register_expiry_source
        from pagecache.middleware import register_listing_parameters

        from .actor_section import actor_contents
        from .cache_expiry import next_event_boundary

        register_actor_section(actor_contents)
        register_expiry_source(next_event_boundary)
        # The page cache keys the listings (and their feeds) on the filters they declare.
        register_listing_parameters(declared_parameters(self.get_models()))
