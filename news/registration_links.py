"""The signed personal link of a registration: to see it and cancel it, without an account.

The link carries the registration's random token, signed: a link that was altered, or whose
registration was erased or anonymised since, finds nothing and gets a page that says what to do.
"""

from django.conf import settings
from django.core import signing

from .models import Registration

_SALT = "news.registration.personal-link"


def signed_token(registration):
    return signing.dumps(registration.token, salt=_SALT)


def registration_for(signed):
    """The registration the link names, or None (altered link, registration erased or anonymised)."""
    try:
        token = signing.loads(signed, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(token, str) or not token:
        return None
    return Registration.objects.select_related("event").filter(token=token, anonymised_at__isnull=True).first()


def personal_path(registration, event=None):
    """The link's path under its event's page (`event`: the specific page, when the caller has it)."""
    page_path = (event or registration.event).get_url_parts()[2]
    return f"{page_path}inscription/{signed_token(registration)}/"


def absolute(path):
    """An address for an email: on the site's configured public address, never a request's Host."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
