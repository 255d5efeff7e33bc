"""Demo newsletter: the archive of letters at /lettres/, one letter already sent, a few subscribers.

Like the other steps of `load_demo`, it creates what is missing and leaves the rest as it is.
"""

from datetime import timedelta

from django.utils import timezone

from core.models import SiteSettings
from home.models import HomePage
from network.newsletter.models import NewsletterIndexPage, NewsletterItem, NewsletterPage, Subscriber
from news.models import EditorialPage

from .tree import ensure_child

# Articles picked by the editors for the sample letter, by slug, in their order.
PICKED = ["lancement-reseau-regional-territoires-participatifs", "missions-ambassadeurs-reseau"]
# (address, first name, status): invented addresses on a reserved domain.
SUBSCRIBERS = [
    ("camille.lefebvre@exemple.example", "Camille", Subscriber.Status.CONFIRMED),
    ("karim.benali@exemple.example", "Karim", Subscriber.Status.CONFIRMED),
    ("sophie.martin@exemple.example", "", Subscriber.Status.CONFIRMED),
    ("en.attente@exemple.example", "", Subscriber.Status.PENDING),
]


def _archive(home):

    return ensure_child(
        home,
        NewsletterIndexPage(
            title="Lettres d'information",
            slug="lettres",
            intro="Toutes les lettres envoyées aux abonnés, à relire ou à partager.",
            listing_summary="Les lettres d'information du réseau, depuis la première.",
        ),
    )


def _letter(archive):
    existing = NewsletterPage.objects.child_of(archive).filter(slug="lettre-automne").first()
    if existing:
        return existing, False
    letter = NewsletterPage(
        title="La lettre d'automne des Territoires participatifs",
        slug="lettre-automne",
        intro=(
            "<p>Bonjour à toutes et à tous,</p><p>Cette saison, le réseau s'agrandit : de nouvelles communes "
            "et associations nous rejoignent, et les séances de codéveloppement reprennent. Voici ce qu'il ne "
            "fallait pas manquer.</p>"
        ),
    )
    picked = {page.slug: page for page in EditorialPage.objects.filter(slug__in=PICKED)}
    for order, slug in enumerate(PICKED):
        if slug in picked:
            letter.items.add(NewsletterItem(page=picked[slug], sort_order=order))
    archive.add_child(instance=letter)
    letter.save_revision().publish()
    # Sent a week ago, as the archive shows it; `sent_at` is set by sending, never by editors.
    NewsletterPage.objects.filter(pk=letter.pk).update(sent_at=timezone.now() - timedelta(days=7))
    return letter, True


def _subscribers(consent):
    now = timezone.now()
    created = 0
    for email, first_name, status in SUBSCRIBERS:
        confirmed = status == Subscriber.Status.CONFIRMED
        _subscriber, was_created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first_name,
                "status": status,
                "consent_text": consent,
                "subscribed_at": now - timedelta(days=20),
                "confirmation_sent_at": now - timedelta(days=20),
                "confirmed_at": now - timedelta(days=19) if confirmed else None,
            },
        )
        created += was_created
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
