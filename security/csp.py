"""Content-Security-Policy: a strict policy for the public site, a looser one for the Wagtail admin.

Public pages carry no inline script or style and no nonce: a page cached once stays valid for
every visitor. The admin's own templates need inline scripts and styles, and its preview panel
frames the site itself, so everything under the admin's address gets its own policy.
"""

from functools import cache
from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse

from security.embeds import VIDEO_PLAYER_ORIGINS


def media_origins():
    """Where uploaded images come from when it is not this site: an S3 bucket or a CDN.

    Asked of the storage itself, because with S3 the file addresses are the bucket's while
    MEDIA_URL keeps its local value.
    """
    address = urlsplit(storages["default"].url("csp"))
    if not address.netloc:
        return []
    return [f"{address.scheme}://{address.netloc}" if address.scheme else address.netloc]


# Both policies depend on settings only, so each process builds them once: asking an S3 storage for
# an address signs it, which is not work to repeat on every request.
@cache
def public_directives():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return directives | {
        "img-src": [*directives["img-src"], *media_origins()],
        "frame-src": list(VIDEO_PLAYER_ORIGINS),
    }


@cache
def admin_directives():
    directives = public_directives()
    return directives | {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Image uploads are previewed from blob: addresses before they are sent.
        "img-src": [*directives["img-src"], "blob:"],
        # The preview panel frames the page being edited, video players included.
        "frame-src": [SELF, *directives["frame-src"]],
        "frame-ancestors": [SELF],
    }


@receiver(setting_changed)
def rebuild_policies(*, setting, **kwargs):
    if setting in {"CONTENT_SECURITY_POLICY", "MEDIA_URL", "STORAGES"}:
        public_directives.cache_clear()
        admin_directives.cache_clear()


# Functions of the request giving outside origins that the site's own settings let images come from
# (map tiles an editor turned on): filled by the apps at start-up, read for every page.
IMAGE_ORIGIN_SOURCES = []


def register_image_origins(source):
    IMAGE_ORIGIN_SOURCES.append(source)


def extra_image_origins(request, response):
    # Pages only: a stylesheet or a redirect loads no image, and asking costs a cache read.
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return []
    return [origin for source in IMAGE_ORIGIN_SOURCES for origin in source(request) if origin]


def is_admin(request):
    # A preview is rendered by Wagtail through the whole middleware chain again, on a dummy request
    # at the page's public address; the admin frames what it answers.
    return getattr(request, "is_dummy", False) or request.path.startswith(reverse("wagtailadmin_home"))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware: the admin's addresses and the previews it frames get the admin policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = admin_directives() if is_admin(request) else public_directives()
            if origins := extra_image_origins(request, response):
                parts.config = parts.config | {"img-src": [*parts.config["img-src"], *origins]}
        return parts
