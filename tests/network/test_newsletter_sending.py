"""Sending a letter: every confirmed subscriber once, personalised, resumable, previewable and testable first.

The suite's immediate backend runs the tasks inside the call that enqueues them: a send requested
here is over when the call returns. tests/worker sends letters through real workers.
"""

import smtplib
import time
from datetime import timedelta
from io import StringIO

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from core.models import OutgoingEmail
from core.outbox import deliver, send_batch, sweep_outbox
from network.newsletter import letters, sending
from network.newsletter.models import (
    LetterSending,
    NewsletterDelivery,
    NewsletterPage,
    Subscriber,
)
from news.factories import EventIndexPageFactory, EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience(home_page):
    """Three confirmed subscribers, and one of each other state who must get nothing."""
    confirmed = [
        Subscriber.objects.create(email=f"abonne{i}@exemple.org", status=Subscriber.Status.CONFIRMED) for i in range(3)
    ]
    Subscriber.objects.create(email="attente@exemple.org", status=Subscriber.Status.PENDING)
    Subscriber.objects.create(email="parti@exemple.org", status=Subscriber.Status.UNSUBSCRIBED)
    return confirmed


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_letter_goes_to_every_confirmed_subscriber_once(letter, audience):
    sending.request_send(letter)

    assert recipients() == ["abonne0@exemple.org", "abonne1@exemple.org", "abonne2@exemple.org"]
    letter.refresh_from_db()
    assert letter.sent_at is not None
    assert sending.letter_progress(letter) == {"state": "terminé", "total": 3, "sent": 3, "failed": 0, "waiting": 0}
    sending.request_send(letter)
    sending.start_letter.call(letter.pk)
    assert len(mail.outbox) == 3


def test_each_message_has_its_own_unsubscribe_link_and_headers(letter, audience):
    sending.request_send(letter)

    links = set()
    for message in mail.outbox:
        html = message.alternatives[0].content
        assert message.alternatives[0].mimetype == "text/html"
        assert "__LIEN_DE_DESINSCRIPTION__" not in message.body + html
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        one_click = message.extra_headers["List-Unsubscribe"].split(",")[0].strip("<> ")
        assert one_click.startswith("http://testserver/newsletter/desinscription/")
        page_link = one_click.removesuffix("un-clic/")
        assert page_link in message.body and page_link in html
        links.add(page_link)
    assert len(links) == 3


def test_the_html_part_uses_absolute_links_and_images(letter, audience):
    sending.request_send(letter)
    html = mail.outbox[0].alternatives[0].content
    assert 'src="http://testserver/media/' in html
    assert 'href="http://testserver/actualites/' in html
    assert "Un article récent" in html and "Bonne lecture !" in html
    assert "Un article récent" in mail.outbox[0].body


def test_an_interrupted_send_resumes_without_mailing_anyone_twice(letter, audience, monkeypatch, settings):
    extra = [
        Subscriber.objects.create(email=f"autre{i}@exemple.org", status=Subscriber.Status.CONFIRMED) for i in range(2)
    ]
    real_message = OutgoingEmail.message
    calls = {"n": 0}

    def message_then_crash(email, connection=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the worker is killed while the third message is on its way
        return real_message(email, connection)

    monkeypatch.setattr(sending, "start_batch", lambda batch, senders=1: None)  # written, no worker yet
    sending.request_send(letter)
    monkeypatch.setattr(OutgoingEmail, "message", message_then_crash)
    with pytest.raises(KeyboardInterrupt):
        send_batch.call(sending.batch_of(letter))
    monkeypatch.setattr(OutgoingEmail, "message", real_message)
    settings.OUTBOX_STALL_SECONDS = 0  # the interrupted claim is taken as stale at once

    sweep_outbox.call()  # the scheduler's next minute

    received = recipients()
    assert len(received) == len(set(received)) == 4
    unknown = OutgoingEmail.objects.get(status=OutgoingEmail.Status.FAILED)
    assert unknown.to not in received and "interrompu" in unknown.last_error
    assert set(received) | {unknown.to} == {s.email for s in [*audience, *extra]}


def test_a_refused_delivery_is_retried_then_marked_failed(letter, audience, monkeypatch, settings):
    settings.OUTBOX_RETRY_DELAYS = [60]
    real_message = OutgoingEmail.message

    def refuse_one(email, connection=None):
        message = real_message(email, connection)
        if email.to == "abonne1@exemple.org":
            message.send = lambda fail_silently=False: (_ for _ in ()).throw(
                smtplib.SMTPRecipientsRefused({email.to: (550, b"boite inconnue")})
            )
        return message

    monkeypatch.setattr(OutgoingEmail, "message", refuse_one)
    sending.request_send(letter)
    assert sending.letter_progress(letter) == {"state": "en cours", "total": 3, "sent": 2, "failed": 0, "waiting": 1}
    waiting = OutgoingEmail.objects.get(status=OutgoingEmail.Status.PENDING)
    assert "550" in waiting.last_error and waiting.next_attempt_at > timezone.now() + timedelta(seconds=50)

    OutgoingEmail.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    deliver(OutgoingEmail.objects.filter(batch=sending.batch_of(letter)))
    assert sending.letter_progress(letter)["failed"] == 1
    assert recipients().count("abonne1@exemple.org") == 0


def test_a_test_send_reaches_one_address_and_counts_for_nobody(letter, audience):
    sending.send_test(letter, "redaction@exemple.org")
    (message,) = mail.outbox
    assert message.to == ["redaction@exemple.org"] and message.subject == "[TEST] La lettre de novembre"
    assert not NewsletterDelivery.objects.exists()


def test_the_letter_lists_what_is_new_since_the_previous_one_and_upcoming_events(letter, news_index, home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    soon = timezone.now() + timedelta(days=5)
    EventPageFactory(parent=agenda, title="Atelier à venir", starts_at=soon, ends_at=soon + timedelta(hours=2))
    past = timezone.now() - timedelta(days=5)
    EventPageFactory(parent=agenda, title="Atelier passé", starts_at=past, ends_at=past + timedelta(hours=2))
    older = NewsPageFactory(parent=news_index, title="Article d'avant la lettre précédente")
    older.publication_date = timezone.now() - timedelta(days=20)
    older.save_revision().publish()
    previous = NewsletterPage(title="La lettre d'octobre", slug="octobre")
    letter.get_parent().add_child(instance=previous)
    NewsletterPage.objects.filter(pk=previous.pk).update(sent_at=timezone.now() - timedelta(days=10))

    sections = letters.letter_sections(letter)

    assert [item.title for item in sections["latest"]] == ["Un article récent"]
    assert [item.title for item in sections["events"]] == ["Atelier à venir"]


def test_the_command_queues_the_send(letter, audience):
    out = StringIO()
    call_command("send_newsletter", letter.slug, stdout=out)
    assert "mis en file" in out.getvalue()
    assert len(mail.outbox) == 3
    with pytest.raises(CommandError, match="Aucune lettre publiée"):
        call_command("send_newsletter", "inconnue", stdout=StringIO())


def test_staff_preview_the_letter_as_the_email_and_send_it_from_the_admin(admin_client, letter, audience):
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[letter.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[letter.pk])
    send = reverse("network_send_newsletter", args=[letter.pk])
    admin_client.post(
        preview,
        {
            "title": letter.title,
            "slug": letter.slug,
            "items-TOTAL_FORMS": 0,
            "items-INITIAL_FORMS": 0,
            "items-MIN_NUM_FORMS": 0,
            "items-MAX_NUM_FORMS": 8,
            "intro": '{"blocks":[],"entityMap":{}}',
            "include_latest": "on",
        },
    )
    assert "Se désinscrire" in admin_client.get(preview + "?mode=courriel").content.decode()
    assert send in admin_client.get(edit).content.decode()

    page = admin_client.get(send).content.decode()
    assert "3 abonnés confirmés" in page
    admin_client.post(send, {"action": "test", "address": "redaction@exemple.org"})
    assert recipients() == ["redaction@exemple.org"]
    admin_client.post(send, {"action": "send"})
    assert len(mail.outbox) == 4


def test_the_send_request_answers_at_once_at_5000_subscribers(admin_client, letter, settings):
    """The admin only records the request and enqueues: the workers write and send the 5,000 emails."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    Subscriber.objects.bulk_create(
        Subscriber(email=f"abonne{number}@exemple.org", status=Subscriber.Status.CONFIRMED) for number in range(5000)
    )
    send = reverse("network_send_newsletter", args=[letter.pk])

    started = time.perf_counter()
    response = admin_client.post(send, {"action": "send"})
    elapsed = time.perf_counter() - started

    assert response.status_code == 302 and elapsed < 1, f"{elapsed:.2f} s"
    print(f"\nDemande d'envoi à 5 000 abonnés : {elapsed * 1000:.0f} ms")  # the figure for the closing note
    assert LetterSending.objects.get(letter=letter).state == LetterSending.State.SCHEDULED  # until a worker starts it
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["network.newsletter.sending.start_letter"]
    assert not OutgoingEmail.objects.exists()


def test_staff_schedule_a_send_and_it_starts_when_its_time_comes(admin_client, letter, audience):
    send = reverse("network_send_newsletter", args=[letter.pk])
    when = timezone.localtime() + timedelta(hours=2)
    admin_client.post(send, {"action": "schedule", "when": when.strftime("%Y-%m-%dT%H:%M")})

    scheduled = LetterSending.objects.get(letter=letter)
    assert scheduled.state == LetterSending.State.SCHEDULED and mail.outbox == []
    page = admin_client.get(send).content.decode()
    assert "Envoi programmé le" in page and "js/letter-progress.js" in page
    sending.start_due_letters.call()
    assert mail.outbox == []

    LetterSending.objects.filter(pk=scheduled.pk).update(scheduled_for=timezone.now())
    sending.start_due_letters.call()  # the scheduler's minute
    assert len(mail.outbox) == 3


def test_a_paused_send_holds_its_emails_until_it_is_resumed(admin_client, letter, audience, monkeypatch):
    send = reverse("network_send_newsletter", args=[letter.pk])
    monkeypatch.setattr(sending, "start_batch", lambda batch, senders=1: None)  # no worker has started yet
    admin_client.post(send, {"action": "send"})
    admin_client.post(send, {"action": "pause"})

    progress = admin_client.get(reverse("network_newsletter_progress", args=[letter.pk])).json()
    assert progress == {"state": "en pause", "total": 3, "sent": 0, "failed": 0, "waiting": 3}
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {OutgoingEmail.Status.HELD}
    sweep_outbox.call()
    assert mail.outbox == []

    monkeypatch.undo()
    admin_client.post(send, {"action": "resume"})
    assert len(mail.outbox) == 3
    assert admin_client.get(reverse("network_newsletter_progress", args=[letter.pk])).json()["state"] == "terminé"


def test_the_dashboard_counts_subscribers_and_requests_waiting(admin_client, audience):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<span>3</span> abonné(s) confirmé(s)" in html
    assert "<span>1</span> inscription(s) en attente de confirmation" in html
    assert (
        "<span>0</span> demande(s) d&#x27;adhésion à traiter" in html or "<span>0</span> demande(s) d'adhésion" in html
    )


def test_staff_export_confirmed_subscribers_for_a_mailing_tool(admin_client, audience):
    url = reverse("newsletter_subscriber_modeladmin_index") + "?status__exact=confirme&export=csv"
    response = admin_client.get(url)
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "abonne0@exemple.org" in content and "attente@exemple.org" not in content
