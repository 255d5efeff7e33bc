from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The directory of the network's actors and its page."""

    name = "network.directory"
    label = "directory"
    verbose_name = _("Annuaire des acteurs")

    def ready(self):
        from core.filters import declared_parameters
        from pagecache.middleware import register_listing_parameters

        # The page cache keys the directory on the filters it declares, free text aside.
        register_listing_parameters(declared_parameters(self.get_models()))
