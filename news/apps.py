from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Contenus éditoriaux")

    def ready(self):
        from wagtail.signals import page_published

        from background import periodic
        from core import personal_data
        from core.filters import declared_parameters
        from network.directory.sections import register_actor_section
        from pagecache.expiry import register_expiry_source
        from pagecache.middleware import register_listing_parameters

        from .actor_section import actor_contents
        from .cache_expiry import next_event_boundary
        from .models import EventPage
        from .personal_data import REGISTRATIONS
        from .registration_tasks import event_published, expire_old_registrations, send_reminders

        register_actor_section(actor_contents)
        register_expiry_source(next_event_boundary)
        # The page cache keys the listings (and their feeds) on the filters they declare.
        register_listing_parameters(declared_parameters(self.get_models()))
        personal_data.register(REGISTRATIONS)
        page_published.connect(event_published, sender=EventPage)
        periodic.register("20 * * * *", send_reminders, _("rappels des événements deux jours avant"))
        periodic.register("10 4 * * *", expire_old_registrations, _("inscriptions aux événements passés anonymisées"))
