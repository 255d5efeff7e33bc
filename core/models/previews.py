"""Previews of how a page shows elsewhere: its card in listings and its card when shared on social networks."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin

LISTING_PREVIEW_MODES = [("carte", _("Carte dans les listes")), ("partage", _("Partage sur les réseaux"))]


def listing_preview(page, request, mode_name):
    """The preview for one of LISTING_PREVIEW_MODES, or None for the page's own modes."""
    if mode_name not in dict(LISTING_PREVIEW_MODES):
        return None
    return TemplateResponse(request, f"previews/{mode_name}.html", {"page": page, "request": request})


class RoutablePreviewMixin(RoutablePageMixin):
    """A routable page keeps the site's card and sharing previews (the routable mixin serves only its index)."""

    def serve_preview(self, request, mode_name):
        return listing_preview(self, request, mode_name) or super().serve_preview(request, mode_name)
