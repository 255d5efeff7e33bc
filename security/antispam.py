"""Spam defences that need no third party, shared by every public form (join, newsletter).

- a honeypot: a field hidden from people that bots fill in;
- a signed time trap: the form carries the signed time it was served; a post that comes back too
  fast (a bot) or too late (a replayed form) is dropped;
- a rate limit per IP address, counted in Django's cache.

Bots caught by the first two get the normal thank-you answer, so they learn nothing; only the rate
limit answers differently (429), because a person can hit it too and must be told.
"""

import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "site_internet_verification"
TIME_TRAP_FIELD = "jeton_formulaire"
_SALT = "security.antispam.time-trap"


class SpamDefenceForm(forms.Form):
    """The two hidden fields; mixed into a form, `looks_automated()` tells if a post came from a bot."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(label=_("Laissez ce champ vide"), required=False, max_length=200)
        self.fields[TIME_TRAP_FIELD] = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
        if not self.is_bound:
            self.initial[TIME_TRAP_FIELD] = signing.dumps(time.time(), salt=_SALT)

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    def looks_automated(self):
        """True when the honeypot is filled or the form came back too fast, too late or forged."""
        if self.honeypot_filled():
            return True
        try:
            served_at = signing.loads(self.data.get(TIME_TRAP_FIELD, ""), salt=_SALT)
        except signing.BadSignature:
            return True
        elapsed = time.time() - float(served_at)
        return not settings.SPAM_MIN_SECONDS <= elapsed <= settings.SPAM_MAX_AGE_SECONDS


def client_ip(request):
    """The visitor's address; behind the HTTPS proxy, the one it appended last (it cannot be forged)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if settings.BEHIND_PROXY else ""
    return forwarded.rsplit(",", 1)[-1].strip() or request.META.get("REMOTE_ADDR", "")


def over_rate_limit(scope, key, limit, period):
    """Count one more use of `scope` by `key`; True once more than `limit` uses fall in `period` seconds.

    A cache that is down must not take the form with it: the limit is then not enforced.
    """
    cache_key = f"rate:{scope}:{key}"
    try:
        if cache.add(cache_key, 1, timeout=period):
            return False
        count = cache.incr(cache_key)
    except Exception:  # any cache backend error: let the person through rather than fail
        logger.warning("Rate limit cache unavailable for %s", scope, exc_info=True)
        return False
    # A Redis cache told to ignore its errors answers None instead of raising.
    return count is not None and count > limit


def ip_over_rate_limit(request, scope):
    limit, period = settings.FORM_RATE_LIMITS[scope]
    return over_rate_limit(scope, client_ip(request), limit, period)


def too_many_requests(request):
    """A readable answer in French, with Retry-After, for a visitor over the limit."""
    response = TemplateResponse(request, "429.html", status=429)
    response["Retry-After"] = "600"
    return response
