"""The site's public address as configured (WAGTAILADMIN_BASE_URL), never the Host of a request.

Identifiers that readers and calendars keep for years (feed entry ids, calendar UIDs, Message-IDs)
are built on it: a request through another host name, a proxy or plain HTTP must not change them.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


# RFC 4151 asks for a date at which the domain was held by the site; any fixed one will do, but it
# must never change once ids are out (feed readers would show every entry again as new).
TAG_DATE = "2024"


def tag_uri(specific):
    """An RFC 4151 `tag:` URI: this site's domain, the fixed date above, and what it names."""
    return f"tag:{site_domain()},{TAG_DATE}:{specific}"
