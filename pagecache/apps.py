from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Cache des pages")

    def ready(self):
        from django.core.signals import request_finished, request_started

        from . import frontend, generation, invalidation

        invalidation.connect()
        frontend.connect()
        request_started.connect(generation.request_started, dispatch_uid="pagecache-request-started")
        request_finished.connect(generation.request_finished, dispatch_uid="pagecache-request-finished")
