"""Newsletter subscriptions: double opt-in, signed links, one-click unsubscribe.

A subscription request answers the same whatever the state of the address, and only the POST of
a button changes a state: mail scanners that follow links subscribe or unsubscribe nobody.
"""

import hashlib
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Theme
from core.outbox import queue_email

from .letters import absolute
from .models import Subscriber

CONFIRMATION_MAX_AGE = timedelta(days=7)
CONFIRMATION_INTERVAL = timedelta(minutes=10)  # at most one confirmation email per address in this time
PENDING_RETENTION = timedelta(days=30)
_CONFIRM_SALT = "network.newsletter.confirm"
_UNSUBSCRIBE_SALT = "network.newsletter.unsubscribe"


def _address_digest(email):
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def confirmation_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "n": subscriber.token_nonce}, salt=_CONFIRM_SALT)


def unsubscribe_token(subscriber):
    """Never expires (letters stay in inboxes for years) but only ever names this address."""
    return signing.dumps({"s": subscriber.pk, "e": _address_digest(subscriber.email)}, salt=_UNSUBSCRIBE_SALT)


class InvalidLink(Exception):
    """A link that was altered, has expired or was already used; `expired` tells which case it is."""

    def __init__(self, expired=False):
        super().__init__()
        self.expired = expired


def subscriber_to_confirm(token):
    try:
        data = signing.loads(token, salt=_CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise InvalidLink(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidLink() from error
    subscriber = Subscriber.objects.filter(pk=data.get("s"), token_nonce=data.get("n")).first()
    if subscriber is None or subscriber.status != Subscriber.Status.PENDING:
        raise InvalidLink()
    return subscriber


def subscriber_to_unsubscribe(token):
    try:
        data = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidLink() from error
    subscriber = Subscriber.objects.filter(pk=data.get("s")).first()
    if subscriber is None or _address_digest(subscriber.email) != data.get("e"):
        raise InvalidLink()
    return subscriber


def unsubscribe_links(subscriber):
    """The page with the button, and the RFC 8058 one-click endpoint, both absolute."""
    token = unsubscribe_token(subscriber)
    return (
        absolute(reverse("newsletter:unsubscribe", args=[token])),
        absolute(reverse("newsletter:one_click_unsubscribe", args=[token])),
    )


def list_unsubscribe_headers(subscriber):
    """RFC 2369 and RFC 8058 headers: mail clients show their own « Se désabonner » button."""
    page, one_click = unsubscribe_links(subscriber)
    mailto = settings.NEWSLETTER_UNSUBSCRIBE_MAILTO
    targets = [f"<{one_click}>"] + ([f"<mailto:{mailto}?subject=unsubscribe>"] if mailto else [])
    return {"List-Unsubscribe": ", ".join(targets), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def request_subscription(email, first_name, themes, consent_text, now=None):
    """Record a subscription request and send the confirmation link, whatever the address's state.

    A confirmed address stays confirmed and gets nothing; others become pending and get one link,
    at most once every ten minutes. The caller answers the visitor the same way in every case, and
    the database work is the same too (one insert that may find the address there, one read, one
    update, one read of the themes), so that timing the answer tells nobody who subscribes.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    Subscriber.objects.bulk_create([Subscriber(email=email)], ignore_conflicts=True)
    subscriber = Subscriber.objects.get(email=email)
    if subscriber.status == Subscriber.Status.CONFIRMED:
        # The same statements as below, changing nothing: a stranger may not edit a subscription.
        Subscriber.objects.filter(pk=subscriber.pk).update(status=subscriber.status)
        list(subscriber.themes.values_list("pk", flat=True))  # what themes.set() reads first
        return subscriber
    subscriber.status = Subscriber.Status.PENDING
    subscriber.first_name = first_name
    subscriber.consent_text = consent_text
    subscriber.subscribed_at = now
    subscriber.unsubscribed_at = None
    recently_sent = subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < CONFIRMATION_INTERVAL
    if not recently_sent:
        subscriber.confirmation_sent_at = now
    subscriber.save(update_fields=_REQUEST_FIELDS)
    subscriber.themes.set(themes)
    if not recently_sent:
        send_confirmation(subscriber)
    return subscriber


@task()
def record_subscription_request(email, first_name, theme_ids, consent_text):
    """The subscription form's work, done by a worker: the form's answer then costs the same for every
    address, new or already confirmed, and its timing tells nobody who subscribes."""
    request_subscription(email, first_name, Theme.objects.filter(pk__in=theme_ids), consent_text)


_REQUEST_FIELDS = ["status", "first_name", "consent_text", "subscribed_at", "unsubscribed_at", "confirmation_sent_at"]


def send_confirmation(subscriber):
    link = absolute(reverse("newsletter:confirm", args=[confirmation_token(subscriber)]))
    unsubscribe_page, _one_click = unsubscribe_links(subscriber)
    queue_email(
        subscriber.email,
        _("Confirmez votre inscription à la lettre d'information"),
        render_to_string(
            "emails/newsletter_confirmation.txt",
            {"subscriber": subscriber, "link": link, "unsubscribe_url": unsubscribe_page, "days": 7},
        ),
        headers=list_unsubscribe_headers(subscriber),
    )


@task()
def purge_pending_subscribers():
    return purge_pending()


def purge_pending(now=None):
    """Delete subscriptions never confirmed within 30 days; returns how many."""
    cutoff = (now or timezone.now()) - PENDING_RETENTION
    stale = Subscriber.objects.filter(status=Subscriber.Status.PENDING, subscribed_at__lt=cutoff)
    return stale.delete()[1].get(Subscriber._meta.label, 0)
