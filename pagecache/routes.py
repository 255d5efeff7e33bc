"""The site a host name leads to and the page an address leads to, remembered under the content generation.

Before a page's own row, Wagtail reads the site for the host name (with its root page), the root page's
specific row, then the pages on the way down. What it finds changes only when the content does: a
publication, an unpublication, a move, a new address or a site edit, each of which retires the
generation (pagecache.invalidation). So the rows of the site and its root page (for the search too),
the page's parent, the page's id and type, and the part of the address the page routes itself (a
routable page's sub-address) are remembered, and a request reads the page's specific row alone. The
page still routes that part itself, so its own rules (live or not, its sub-addresses) answer as
before. Looked up inside the views, so that a database that is down answers as anywhere else
(health.middleware).

Kept only with PAGE_FRAGMENTS, as the rendered fragments: a copy of one process's own would miss
another process's change. An address leading nowhere is never remembered, since anyone can ask for
any address; neither are requests other than GET and HEAD.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .fragments import remembered_if_shared


def use_remembered_site(request):
    """The site answering this host name, from its remembered row (for views that are not pages too)."""
    if not settings.PAGE_FRAGMENTS or request.method not in ("GET", "HEAD"):
        return
    site_values = remembered_if_shared(
        f"site:{request.get_host()}:{request.get_port()}",
        lambda: _found_site(request),
        keep_none=False,
    )
    if site_values is not None and not hasattr(request, "_wagtail_site"):
        site = _from_values(Site, site_values[0])
        Site.root_page.field.set_cached_value(site, _from_values(Page, site_values[1]))
        request._wagtail_site = site


def _found_site(request):
    site = Site.find_for_request(request)
    return None if site is None else (_values(Site, site), _values(Page, site.root_page))


def serve(request, path):
    """Wagtail's page view, starting from the remembered route when there is one."""
    if settings.PAGE_FRAGMENTS and request.method in ("GET", "HEAD"):
        use_remembered_site(request)
        follow_remembered_route(request, path)
    return wagtail_views.serve(request, path)


def follow_remembered_route(request, path):
    hostname, port = request.get_host(), request.get_port()
    route = remembered_if_shared(
        f"route:{hostname}:{port}:{path}",
        lambda: _found_route(request, path),
        keep_none=False,
    )
    if route is None or hasattr(request, "_wagtail_route_for_request"):
        # Nothing to remember, or Wagtail's routing has just run to find it.
        return
    parent_values, page_id, content_type_id, remaining = route
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        page = model.objects.get(pk=page_id)
    except model.DoesNotExist:
        return
    page._cached_parent_obj = _from_values(Page, parent_values)
    try:
        request._wagtail_route_for_request = page.route(request, list(remaining))
    except Http404:
        request._wagtail_route_for_request = None


def _found_route(request, path):
    """What Wagtail's routing finds for this request, as plain values, or None when it finds no page."""
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    site, page = Site.find_for_request(request), route[0]
    parent = page.get_parent()
    if parent is None:
        return None
    depth_below_root = page.depth - site.root_page.depth
    remaining = tuple(component for component in path.split("/") if component)[depth_below_root:]
    return (
        _values(Page, parent),
        page.pk,
        page.content_type_id,
        remaining,
    )


def _values(model, instance):
    """The row of `model` (Site, or the base Page of any page type) as a tuple of its stored values."""
    return tuple(getattr(instance, field.attname) for field in model._meta.concrete_fields)


def _from_values(model, values):
    names = [field.attname for field in model._meta.concrete_fields]
    return model.from_db("default", names, list(values))
