"""Purging a CDN or Varnish in front of the site (WAGTAILFRONTENDCACHE, empty unless configured).

Wagtail's frontend cache app purges the published or unpublished page's own URL. Its index and the
home page list it, so their URLs are purged with it. Other pages that show it (recommendations,
dossiers, filtered or later pages of a listing) cannot be listed reliably: the CDN keeps them at
most their `s-maxage`, which the page cache sets to its own timeout (pagecache.middleware).

A page restricted (to logged-in visitors, a group or a password) or opened again is purged with
everything below it, as a publication would be: the CDN must not keep serving it to everyone.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished


def purge_listing_ancestors(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(instance.get_ancestors().live().specific())


def purge_restricted_pages(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(Page.objects.descendant_of(instance.page, inclusive=True).live().specific())


def connect():
    page_published.connect(purge_listing_ancestors, dispatch_uid="pagecache-purge-published")
    page_unpublished.connect(purge_listing_ancestors, dispatch_uid="pagecache-purge-unpublished")
    for signal in (post_save, post_delete):
        signal.connect(purge_restricted_pages, sender=PageViewRestriction, dispatch_uid=f"pagecache-purge-{id(signal)}")
