"""A letter's content: what it gathers from the editorial pages, rendered as subscribers receive it."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import make_msgid
from django.template.loader import render_to_string
from django.utils import timezone

from core.plain_text import rich_text_to_plain
from core.site_address import site_domain
from news.models import EditorialPage, EventPage, NewsPage, ResourcePage

# Stands for each subscriber's own link in the letter rendered once; replaced per message.
UNSUBSCRIBE_PLACEHOLDER = "__LIEN_DE_DESINSCRIPTION__"
FIRST_LETTER_WINDOW = timedelta(days=30)


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def letter_sections(letter, now=None):
    """The editors' picks, then news and resources published since the previous letter, then upcoming events."""
    now = now or letter.sent_at or timezone.now()
    previous = (
        type(letter).objects.filter(sent_at__lt=now).exclude(pk=letter.pk).order_by("-sent_at").values("sent_at")
    ).first()
    since = previous["sent_at"] if previous else now - FIRST_LETTER_WINDOW
    picked_ids = [item.page_id for item in letter.items.all()]
    picked = {page.pk: page for page in EditorialPage.objects.visible().filter(pk__in=picked_ids).for_cards()}
    sections = {"picked": [picked[pk] for pk in picked_ids if pk in picked], "latest": [], "events": []}
    if letter.include_latest:
        sections["latest"] = list(
            EditorialPage.objects.visible()
            .type(NewsPage, ResourcePage)
            .filter(publication_date__gt=since, publication_date__lte=now)
            .exclude(pk__in=picked_ids)
            .newest_first()
            .for_cards()[:10]
        )
    if letter.include_events:
        sections["events"] = list(
            EditorialPage.objects.visible()
            .type(EventPage)
            .exclude(pk__in=picked_ids)
            .upcoming_events(now)
            .for_cards()[:5]
        )
    return sections


def render_letter(letter, unsubscribe_url=UNSUBSCRIBE_PLACEHOLDER):
    """(subject, plain text, HTML) of the letter; links and images absolute, as mail clients need."""
    context = {
        "letter": letter,
        "sections": letter_sections(letter),
        "unsubscribe_url": unsubscribe_url,
        "web_url": absolute(letter.url or "/"),
        "base_url": absolute(""),
        "intro_text": rich_text_to_plain(letter.intro, absolute("/")),
    }
    return (
        " ".join(letter.title.split()),  # the subject header: a line break in the title must not end it
        render_to_string("emails/newsletter.txt", context),
        render_to_string("emails/newsletter.html", context),
    )


def letter_headers():
    """RFC 2919 List-Id, so that mail clients file and filter the letters as one list, and a
    Message-ID at the site's own domain: Django would take the sending machine's name, often
    `localhost`, which spam filters count against a message."""
    domain = site_domain()
    return {"List-Id": f"Lettre d'information <lettre.{domain}>", "Message-ID": make_msgid(domain=domain)}
