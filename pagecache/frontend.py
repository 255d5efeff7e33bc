"""Purging the front cache (nginx, deploy/nginx/) or a CDN in front of the site (WAGTAILFRONTENDCACHE).

Wagtail's frontend cache app purges the published or unpublished page's own URL. Its index and the
home page list it, so their URLs are purged with it. Other pages that show it (recommendations,
dossiers, filtered or later pages of a listing) cannot be listed reliably: the CDN keeps them at
most their `s-maxage`, which the page cache sets to its own timeout (pagecache.middleware).

A page restricted (to logged-in visitors, a group or a password) or opened again is purged with
everything below it, as a publication would be: the CDN must not keep serving it to everyone.

A page moved or renamed leaves its former address, and those of the pages below it, to a redirect
or a 404: they are purged, with the listings it left and the ones it joined.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache, purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move


def purge_listing_ancestors(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(instance.get_ancestors().live().specific())


def purge_restricted_pages(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_from_cache(Page.objects.descendant_of(instance.page, inclusive=True).live().specific())


def former_urls(page, url_path_before):
    """The addresses `page` and the live pages below it had when its url_path was `url_path_before`."""
    parts = page.get_url_parts()
    if parts is None:
        return []
    _site_id, root_url, page_path = parts
    # Wagtail serves url_path minus the site root's path: the same cut applies to the former path.
    site_root_length = len(page.url_path) - len(page_path) + 1
    former = f"{root_url}/{url_path_before[site_root_length:]}"
    below = Page.objects.descendant_of(page, inclusive=True).live().values_list("url_path", flat=True)
    return [former + url_path[len(page.url_path) :] for url_path in below]


def purge_moved_pages(sender, instance, parent_page_before, parent_page_after, url_path_before, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_urls_from_cache(former_urls(instance, url_path_before))
        listings = Page.objects.ancestor_of(parent_page_before, inclusive=True) | Page.objects.ancestor_of(
            parent_page_after, inclusive=True
        )
        purge_pages_from_cache(listings.live().specific())


def purge_renamed_pages(sender, instance, instance_before, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_urls_from_cache(former_urls(instance, instance_before.url_path))


def connect():
    page_published.connect(purge_listing_ancestors, dispatch_uid="pagecache-purge-published")
    page_unpublished.connect(purge_listing_ancestors, dispatch_uid="pagecache-purge-unpublished")
    post_page_move.connect(purge_moved_pages, dispatch_uid="pagecache-purge-moved")
    page_slug_changed.connect(purge_renamed_pages, dispatch_uid="pagecache-purge-renamed")
    for signal in (post_save, post_delete):
        signal.connect(purge_restricted_pages, sender=PageViewRestriction, dispatch_uid=f"pagecache-purge-{id(signal)}")
