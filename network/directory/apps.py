from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The directory of the network's actors and its page."""

    name = "network.directory"
    label = "directory"
    verbose_name = _("Annuaire des acteurs")

    def ready(self):
        from pagecache.middleware import register_listing_parameters

        from .models.directory import CACHED_PARAMETERS

        register_listing_parameters(CACHED_PARAMETERS)
