"""Helpers that build the demo page tree without duplicating what is already there."""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Page, Site

from home.models import HomePage


def ensure_child(parent, page):
    """Publish `page` under `parent` unless a page with its slug is already there; return the live one."""
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home_page(build_home_page):
    """Make the site's root a HomePage, replacing Wagtail's placeholder "Welcome" page once."""

    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    placeholders = list(root.get_children().filter(content_type__model="page"))
    home = build_home_page()
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # The demo site answers at the address the admin is configured for, so canonical URLs match.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.root_page, site.site_name = home, "Territoires participatifs"
    site.save()
    # Deleted only now: the site pointed at the placeholder, and deleting it first would delete the site.
    for placeholder in placeholders:
        placeholder.delete()
    return home
