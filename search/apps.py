from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from pagecache.middleware import register_listing_parameters

        from .results import SEARCH_FILTERS

        # The search's facets, as it declares them; its free text (`q`) never makes a cache key.
        register_listing_parameters(SEARCH_FILTERS.parameters)
