"""nginx in front of gunicorn: its configuration, rendered from the site's own settings.

The front cache (deploy/nginx/territoires.conf) follows the same rules as the page cache: the same
credential cookies, the same tracking tags, the same body limits. They are read here from where the
site defines them, so that the two never disagree. `manage.py nginx_config` writes the configuration
for a server; bench.front_cache runs nginx on its own in a folder (tests, `make bench`).
"""

import os
import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine
from django.utils import translation
from django.utils.translation import gettext as _

from security.request_guards import too_large_message

from .middleware import CREDENTIAL_COOKIES, TRACKING_PARAMETERS, TRACKING_PREFIXES

TEMPLATES = Path(__file__).resolve().parent.parent / "deploy" / "nginx"
NGINX = "/usr/sbin/nginx"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
# Always allowed to purge; task workers on other machines are added with `nginx_config --purge-allow`.
LOCAL_PURGERS = ("127.0.0.1", "::1")
# The largest admin upload (a 20 MB document), with room for the form around it.
ADMIN_FORM_MARGIN = 5 * 1024 * 1024
engine = Engine(dirs=[str(TEMPLATES)], autoescape=False)


def missing():
    """The Debian packages this machine lacks to run the front cache (empty when none)."""
    absent = [] if os.access(NGINX, os.X_OK) else ["nginx"]
    return absent + ([] if Path(PURGE_MODULE).exists() else ["libnginx-mod-http-cache-purge"])


def tracking_pattern():
    """A regular expression for the names of the tracking tags the page cache ignores."""
    names = sorted(TRACKING_PARAMETERS | set(settings.PAGE_CACHE_IGNORED_PARAMETERS))
    return "|".join([*(re.escape(prefix) + "[^&=]*" for prefix in TRACKING_PREFIXES), *map(re.escape, names)])


def site_config(*, listen, upstream, purge_listen, cache_dir, server_name="_", purge_allowed=(), cache_max_size="1g",
                static_root=None, media_root=None, certificate=None, certificate_key=None):  # fmt: skip
    """deploy/nginx/territoires.conf for these addresses and folders, with the site's rules filled in.

    `listen` is one address or several (`["80", "443 ssl"]`); a certificate goes with `… ssl` ones.
    """
    with translation.override(settings.LANGUAGE_CODE):
        messages = {
            "too_large_message": too_large_message(),
            "unavailable_message": _("Site momentanément indisponible : merci de réessayer dans une minute."),
        }
    admin_limit = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE) + ADMIN_FORM_MARGIN
    context = {
        "listen": [listen] if isinstance(listen, str) else listen,
        "certificate": certificate,
        "certificate_key": certificate_key,
        "upstream": upstream,
        "purge_listen": purge_listen,
        "purge_allowed": [*LOCAL_PURGERS, *purge_allowed],
        "server_name": server_name,
        "cache_dir": cache_dir,
        "cache_max_size": cache_max_size,
        "static_root": str(static_root or settings.STATIC_ROOT).rstrip("/"),
        "media_root": str(media_root or settings.MEDIA_ROOT).rstrip("/"),
        "credential_cookies": "|".join(map(re.escape, CREDENTIAL_COOKIES)),
        "tracking_names": ", ".join(
            [*(f"{prefix}*" for prefix in TRACKING_PREFIXES), *sorted(TRACKING_PARAMETERS)]
            + sorted(settings.PAGE_CACHE_IGNORED_PARAMETERS)
        ),
        "tracking_pattern": tracking_pattern(),
        "public_body_limit": f"{settings.PUBLIC_REQUEST_MAX_BYTES // 1024}k",
        "admin_body_limit": f"{admin_limit // (1024 * 1024)}m",
        **{name: message.replace('"', "'") for name, message in messages.items()},
    }
    return engine.get_template("territoires.conf").render(Context(context, autoescape=False))
