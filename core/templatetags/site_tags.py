"""Template tags for the furniture of every page: menu, breadcrumbs, footer links, URLs."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from core.structured_data import breadcrumb_list
from core.visibility import restricted

register = template.Library()

# The characters that could close the <script> element or open a comment, escaped as JSON allows.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _public_pages():
    return Page.objects.live().exclude(restricted())


@register.simple_tag(takes_context=True)
def menu_position(context):
    """What the main menu's HTML depends on besides the menu itself: the section shown, and whether the
    page shown is that section's own page (`aria-current` says which). Pages of one section share it."""
    root = _site_root(context.get("request"))
    current = context.get("page")
    if root is None or not isinstance(current, Page) or current.depth <= root.depth:
        return ""
    if not current.path.startswith(root.path):
        return ""
    section_path = current.path[: len(root.path) + Page.steplen]
    return f"{section_path}{'=' if current.depth == root.depth + 1 else '<'}"


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page")
    menu_pages = list(_public_pages().child_of(root).in_menu().only("id", "title", "path", "url_path")) if root else []
    current_path = current.path if isinstance(current, Page) else None
    current_section_pks = {item.pk for item in menu_pages if current_path and current_path.startswith(item.path)}
    return {
        "menu_pages": menu_pages,
        "current_pk": getattr(current, "pk", None),
        "current_section_pks": current_section_pks,
        "request": request,
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current_title=None):
    """The trail down to `page`; with `current_title`, `page` is a link and the trail ends on that title
    (a routed view below the page, such as an actor's page under the directory)."""
    ancestors = list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "depth"))
    if current_title:
        ancestors.append(page)
    request = context.get("request")
    current_title = current_title or page.title
    # The same trail for search engines, which show it instead of the address under a result.
    trail = [
        (_("Accueil") if ancestor.depth == 2 else ancestor.title, absolute_url(ancestor.get_url(request), request))
        for ancestor in ancestors
    ]
    return {
        "ancestors": ancestors,
        "current_title": current_title,
        "structured_data": breadcrumb_list([*trail, (current_title, None)]),
        "request": request,
    }


@register.inclusion_tag("navigation/legal_links.html", takes_context=True)
def footer_legal_links(context, site_settings):
    request = context.get("request")
    # The raw stream holds the page ids; reading it avoids fetching every page a second time.
    page_ids = [item["value"] for item in site_settings.legal_links.raw_data if item.get("value")]
    pages = {page.pk: page for page in _public_pages().filter(pk__in=page_ids).only("id", "title", "url_path")}
    return {"legal_pages": [pages[pk] for pk in page_ids if pk in pages], "request": request}


@register.filter
def absolute_url(url, request):
    """An absolute URL for a path, for meta tags and feeds that must not carry relative links."""
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def json_ld(data):
    """Structured data for search engines; a `</script>` in a title cannot end the element."""
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))  # noqa: S308


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers a listing links to: both ends and a few around the current page, with
    Paginator.ELLIPSIS for the gaps, so that 500 pages of results do not make 500 links."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
