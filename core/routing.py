"""Finding the page for an address in one query, rather than one query per level and another for each
level's specific page (Wagtail's `Page.route` walks the tree a child at a time).

Every page whose address is a prefix of the requested one is read at once; the walk then starts at the
deepest of them. A page type with its own routing (a routable page's sub-addresses, such as
/agenda/passes/) keeps it: the walk stops at the first such page on the way down, and that page routes
the rest of the address as Wagtail would.
"""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def deepest_page_on_the_way(root, path_components):
    """(page, remaining components) to continue Wagtail's routing from, or None to let it walk from `root`."""
    prefixes = [root.url_path]
    for slug in path_components:
        prefixes.append(f"{prefixes[-1]}{slug}/")
    found = {page.url_path: page for page in Page.objects.descendant_of(root).filter(url_path__in=prefixes[1:])}
    parent, reached = root, 0
    for prefix in prefixes[1:]:
        page = found.get(prefix)
        if page is None or page.depth != parent.depth + 1 or page.specific_class is None:
            break
        # What Wagtail's own walk keeps too: the parent is known.
        page._cached_parent_obj = parent
        parent, reached = page, reached + 1
        if routes_the_rest(page, path_components[reached:]):
            break
    return (parent, path_components[reached:]) if reached else None


def routes_the_rest(page, remaining):
    """True when the page's own routing answers `remaining` before its children would, as in Wagtail:
    a routable page tries its sub-addresses first when it is live; another custom routing always decides."""
    route = page.specific_class.route
    if route is Page.route:
        return False
    if route is not RoutablePageMixin.route:
        return True
    if not page.live:
        return False
    try:
        page.specific_class.get_resolver().resolve("/" + "/".join(remaining) + "/" if remaining else "/")
    except Http404:
        return False
    return True
