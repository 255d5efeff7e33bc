from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Cache des pages")

    def ready(self):
        from . import frontend, invalidation

        invalidation.connect()
        frontend.connect()
