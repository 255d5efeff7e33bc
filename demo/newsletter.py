"""Demo newsletter: the archive of letters at /lettres/, one letter already sent, a few subscribers.

The content is in demo/data/newsletter.yaml. Like the other steps of `load_demo`, it creates what is missing
and leaves the rest as it is.
"""

from datetime import timedelta

from django.utils import timezone

from core.models import SiteSettings
from home.models import HomePage
from network.newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory, SubscriberFactory
from network.newsletter.models import NewsletterItem, NewsletterPage, Subscriber
from news.models import EditorialPage

from .files import read
from .tree import ensure_child


def _archive(home):

    return ensure_child(home, NewsletterIndexPageFactory.build(**read("newsletter")["archive"]))


def _letter(archive):
    existing = NewsletterPage.objects.child_of(archive).filter(slug=read("newsletter")["letter"]["slug"]).first()
    if existing:
        return existing, False
    letter = NewsletterPageFactory.build(**read("newsletter")["letter"])
    # Articles picked by the editors, by slug, in their order.
    slugs = read("newsletter")["picked"]
    picked = {page.slug: page for page in EditorialPage.objects.filter(slug__in=slugs)}
    for order, slug in enumerate(slugs):
        if slug in picked:
            letter.items.add(NewsletterItem(page=picked[slug], sort_order=order))
    archive.add_child(instance=letter)
    letter.save_revision().publish()
    # Sent a week ago, as the archive shows it; `sent_at` is set by sending, never by editors.
    NewsletterPage.objects.filter(pk=letter.pk).update(sent_at=timezone.now() - timedelta(days=7))
    return letter, True


def _subscribers(consent):
    now = timezone.now()
    existing = set(Subscriber.objects.values_list("email", flat=True))
    created = 0
    for subscriber in read("newsletter")["subscribers"]:
        if subscriber["email"] in existing:
            continue
        confirmed = subscriber["status"] == Subscriber.Status.CONFIRMED
        SubscriberFactory(
            **subscriber,
            consent_text=consent,
            subscribed_at=now - timedelta(days=20),
            confirmed_at=now - timedelta(days=19) if confirmed else None,
        )
        created += 1
    return created


def load_newsletter(stdout):
    home = HomePage.objects.get()
    archive = _archive(home)
    _letter_page, letter_created = _letter(archive)
    consent = SiteSettings.for_site(home.get_site()).newsletter_consent
    created = _subscribers(consent)
    stdout.write(
        f"Lettre d'information : {int(letter_created)} lettre créée, {created} abonné(s) d'exemple ; "
        "archives sur /lettres/, inscription sur /newsletter/."
    )
