"""Spam defences that need no third party, shared by every public form (join, newsletter).

- a honeypot: a field hidden from people that bots fill in; such a post gets the normal thank-you
  answer and is dropped, so a bot learns nothing (no person sees that field);
- a signed time trap: the form carries the signed time it was served. A post that comes back too
  fast (under SPAM_MIN_SECONDS: autofill, a fast typist, a bot) or too late (a tab left open past
  SPAM_MAX_AGE_SECONDS) is a person as often as a bot: the form comes back with what was typed, a
  sentence saying why, and a fresh token. Never « merci » for something thrown away;
- the token is used once: the same form posted again (a refresh, a retry after an error while the
  first post was in fact saved, a bot sending many addresses with one token) gets the first post's
  answer and records nothing;
- a rate limit per IP address, counted in Django's cache: 429, because a person can hit it too.

Every post set aside is counted per form, reason and day (DiscardedPosts), on the staff dashboard.
"""

import hashlib
import logging
import time
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DiscardedPosts, DiscardReason, UsedFormToken

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "site_internet_verification"
TIME_TRAP_FIELD = "jeton_formulaire"
_SALT = "security.antispam.time-trap"


# Why a form comes back instead of being recorded, said to the person who sent it.
MISSING = "sans_jeton"
RESEND_MESSAGES = {
    DiscardReason.TOO_FAST: _(
        "Votre envoi est arrivé trop vite pour que nous le distinguions d'un envoi automatique : rien n'a "
        "été enregistré. Vérifiez vos réponses ci-dessous puis envoyez de nouveau le formulaire."
    ),
    DiscardReason.TOO_OLD: _(
        "Ce formulaire était ouvert depuis plus de 24 heures : rien n'a été enregistré. Vérifiez vos "
        "réponses ci-dessous puis envoyez de nouveau le formulaire."
    ),
    DiscardReason.FORGED: _(
        "Ce formulaire n'a pas pu être vérifié : rien n'a été enregistré. Vérifiez vos réponses "
        "ci-dessous puis envoyez de nouveau le formulaire."
    ),
    MISSING: _("Vérifiez les informations ci-dessous puis confirmez votre envoi."),
}


def fresh_token():
    return signing.dumps(time.time(), salt=_SALT)


class SpamDefenceForm(forms.Form):
    """The two hidden fields, and the time trap's verdict on a post (`time_trap_problem`).

    `with_token=False` for a copy of the form served to every visitor of a cached page: a shared
    token would be neither single-use nor a measure of anyone's typing time. Its posts are shown
    again, filled in, with a token of their own to confirm (MISSING).
    """

    def __init__(self, *args, with_token=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(label=_("Laissez ce champ vide"), required=False, max_length=200)
        self.fields[TIME_TRAP_FIELD] = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
        self.resend_message = ""
        if not self.is_bound and with_token:
            self.initial[TIME_TRAP_FIELD] = fresh_token()

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    def time_trap_problem(self):
        """None for a post made between SPAM_MIN_SECONDS and SPAM_MAX_AGE_SECONDS after the form was served."""
        token = self.data.get(TIME_TRAP_FIELD, "")
        if not token:
            return MISSING
        try:
            served_at = float(signing.loads(token, salt=_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return DiscardReason.FORGED
        elapsed = time.time() - served_at
        if elapsed < settings.SPAM_MIN_SECONDS:
            return DiscardReason.TOO_FAST
        if elapsed > settings.SPAM_MAX_AGE_SECONDS:
            return DiscardReason.TOO_OLD
        return None

    def ask_to_send_again(self, problem):
        """The form as posted, with a sentence saying why and a fresh token."""
        self.data = self.data.copy()
        self.data[TIME_TRAP_FIELD] = fresh_token()
        self.resend_message = RESEND_MESSAGES[problem]


def accept_post(form, scope, save):
    """Screen a post of `form`; True when the visitor is to be thanked, False to show the form again.

    Thanked: the post is saved now by `save()`, or was by an earlier post of this very
    form (same token: nothing more is saved), or filled the honeypot. Shown again: its errors, or
    the time trap's sentence with a fresh token. The token is claimed in the transaction that saves
    the post: a worker killed after the commit leaves it claimed, and the visitor's retry is thanked.
    """
    if form.honeypot_filled():
        count_discard(scope, DiscardReason.HONEYPOT)
        return True
    if not form.is_valid():
        return False
    problem = form.time_trap_problem()
    if problem is not None:
        if problem != MISSING:
            count_discard(scope, problem)
        form.ask_to_send_again(problem)
        return False
    with transaction.atomic():
        if claim_token(form.data[TIME_TRAP_FIELD]):
            save()
            return True
    count_discard(scope, DiscardReason.REPEATED)
    return True


def claim_token(token):
    """True the first time `token` is claimed; tokens too old to be accepted are forgotten meanwhile."""
    now = timezone.now()
    UsedFormToken.objects.filter(used_at__lt=now - timedelta(seconds=settings.SPAM_MAX_AGE_SECONDS)).delete()
    digest = hashlib.sha256(token.encode()).hexdigest()
    try:
        with transaction.atomic():
            UsedFormToken.objects.create(digest=digest, used_at=now)
    except IntegrityError:
        return False
    return True


def count_discard(scope, reason):
    logger.info("Post of the %s form set aside: %s", scope, reason)
    day = timezone.localdate()
    counted = DiscardedPosts.objects.filter(form=scope, reason=reason, day=day).update(count=F("count") + 1)
    if not counted:
        try:
            with transaction.atomic():
                DiscardedPosts.objects.create(form=scope, reason=reason, day=day, count=1)
        except IntegrityError:  # created meanwhile by another request
            DiscardedPosts.objects.filter(form=scope, reason=reason, day=day).update(count=F("count") + 1)


def client_ip(request):
    """The visitor's address: behind proxies, the one they vouch for (security.proxy sets it)."""
    return request.META.get("REMOTE_ADDR", "")


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
