"""The signed personal link of a registration: to see it and cancel it, without an account.

The link carries the registration's random token, signed: a link that was altered, or whose
registration was erased or anonymised since, finds nothing and gets a page that says what to do.
"""

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from .models.registrations import Registration

_SALT = "news.registration.personal-link"
# Wagtail serves page addresses made of letters, digits, « - » and « _ » only: the link is the token,
# a dash, then the HMAC in hexadecimal (fixed length, so the token may itself contain dashes).
_SIGNATURE_LENGTH = 64


def _signature(token):
    return salted_hmac(_SALT, token, algorithm="sha256").hexdigest()


def signed_token(registration):
    return f"{registration.token}-{_signature(registration.token)}"


def registration_for(signed):
    """The registration the link names, or None (altered link, registration erased or anonymised)."""
    token, signature = signed[: -_SIGNATURE_LENGTH - 1], signed[-_SIGNATURE_LENGTH:]
    if not token or not constant_time_compare(signature, _signature(token)):
        return None
    return Registration.objects.select_related("event").filter(token=token, anonymised_at__isnull=True).first()


def personal_path(registration, event=None):
    """The link's path under its event's page (`event`: the specific page, when the caller has it)."""
    page_path = (event or registration.event).get_url_parts()[2]
    return f"{page_path}inscription/{signed_token(registration)}/"


def absolute(path):
    """An address for an email: on the site's configured public address, never a request's Host."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
