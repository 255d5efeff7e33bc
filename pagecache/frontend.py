"""Purging a CDN or Varnish in front of the site (WAGTAILFRONTENDCACHE, empty unless configured).

Wagtail's frontend cache app purges the published or unpublished page's own URL. Its index and the
home page list it, so their URLs are purged with it. Other pages that show it (recommendations,
dossiers, filtered or later pages of a listing) cannot be listed reliably: the CDN keeps them at
most their `s-maxage`, which the page cache sets to its own timeout (pagecache.middleware).
"""

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.signals import page_published, page_unpublished


def purge_listing_ancestors(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(instance.get_ancestors().live().specific())


def connect():
    page_published.connect(purge_listing_ancestors, dispatch_uid="pagecache-purge-published")
    page_unpublished.connect(purge_listing_ancestors, dispatch_uid="pagecache-purge-unpublished")
