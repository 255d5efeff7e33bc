"""Sending a letter: rendered once, personalised per subscriber, in batches, resumable without duplicates."""

from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone

from pagecache.generation import bump_generation

from .letters import UNSUBSCRIBE_PLACEHOLDER, letter_headers, render_letter
from .models import NewsletterDelivery, NewsletterPage, Subscriber
from .subscriptions import list_unsubscribe_headers, unsubscribe_links

BATCH_SIZE = 200


def personalised_message(rendered, subscriber, connection):
    subject, text, html = rendered
    page_link, _one_click = unsubscribe_links(subscriber)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text.replace(UNSUBSCRIBE_PLACEHOLDER, page_link),
        to=[subscriber.email],
        headers={**letter_headers(), **list_unsubscribe_headers(subscriber)},
        connection=connection,
    )
    message.attach_alternative(html.replace(UNSUBSCRIBE_PLACEHOLDER, page_link), "text/html")
    return message


def send_test(letter, address):
    """One copy to a staff address before the real send; it is not recorded as a delivery."""
    subject, text, html = render_letter(letter)
    message = EmailMultiAlternatives(subject=f"[TEST] {subject}", body=text, to=[address], headers=letter_headers())
    message.attach_alternative(html, "text/html")
    message.send(fail_silently=False)


def recipients_left(letter):
    """Confirmed subscribers this letter has not been sent to (failed attempts are tried again)."""
    done = NewsletterDelivery.objects.filter(letter=letter).exclude(status=NewsletterDelivery.Status.FAILED)
    return Subscriber.objects.confirmed().exclude(pk__in=done.values("subscriber_id")).order_by("pk")


def send_letter(letter, batch_size=BATCH_SIZE, progress=None):
    """Mail every confirmed subscriber once; returns {"sent": n, "failed": n}.

    Each delivery is claimed before its message leaves and marked right after, so an interrupted
    send resumes where it stopped: at most the one message in flight when it stopped is left
    unknown, and it is not sent again. Refused deliveries are tried again by the next run.
    """
    if letter.sent_at is None:
        letter.sent_at = timezone.now()
        NewsletterPage.objects.filter(pk=letter.pk).update(sent_at=letter.sent_at)
        # The update sends no signal, and the newsletter pages list the letters sent.
        bump_generation()
    rendered = render_letter(letter)
    counts = {"sent": 0, "failed": 0}
    last_pk = 0
    while batch := list(recipients_left(letter).filter(pk__gt=last_pk)[:batch_size]):
        last_pk = batch[-1].pk
        NewsletterDelivery.objects.filter(letter=letter, subscriber__in=batch).delete()  # earlier failures
        with get_connection() as connection:
            for subscriber in batch:
                delivery = NewsletterDelivery.objects.create(letter=letter, subscriber=subscriber)
                try:
                    personalised_message(rendered, subscriber, connection).send(fail_silently=False)
                except Exception as error:  # a refused address must not stop the others
                    delivery.status, delivery.error = NewsletterDelivery.Status.FAILED, str(error)[:500]
                    counts["failed"] += 1
                else:
                    delivery.status = NewsletterDelivery.Status.SENT
                    counts["sent"] += 1
                delivery.save(update_fields=["status", "error", "updated_at"])
        if progress:
            progress(counts)
    return counts
