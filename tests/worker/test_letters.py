"""A letter through real workers: two at once, one killed mid-send, a mail server down then back."""

import time

import pytest
from django_tasks_db.models import DBTaskResult

from core.models import OutgoingEmail
from core.outbox import sweep_outbox
from network.newsletter import sending
from tests.network.test_join_form import closed_port
from tests.smtp import SMTPServer

from .conftest import wait_until

pytestmark = pytest.mark.worker


def letter_emails(letter):
    return OutgoingEmail.objects.filter(batch=sending.batch_of(letter))


def settled(letter):
    """Every email of the letter is sent or failed: nothing waits, nothing is in flight."""
    emails = letter_emails(letter)
    return emails.exists() and not emails.exclude(status__in=["envoye", "echec"]).exists()


def rate(messages):
    """Messages per second between the first and the last arrival at the server."""
    times = sorted(message.received_at for message in messages)
    return (len(times) - 1) / (times[-1] - times[0])


def test_two_workers_send_a_letter_of_2000_each_subscriber_exactly_once(letter, workers, smtp, confirmed_subscribers):
    everyone = confirmed_subscribers(2000)
    sending.request_send(letter)
    workers("a"), workers("b")

    wait_until(lambda: settled(letter), 240, "la lettre n'est pas partie")
    time.sleep(0.5)  # a duplicate would arrive now

    received = smtp.recipients()
    assert len(received) == len(set(received)) == 2000 and set(received) == everyone
    assert sending.letter_progress(letter) == {
        "state": "terminé",
        "total": 2000,
        "sent": 2000,
        "failed": 0,
        "waiting": 0,
    }

    senders = {
        worker
        for ids in DBTaskResult.objects.filter(task_path="core.outbox.send_batch").values_list("worker_ids", flat=True)
        for worker in ids
    }
    assert senders == {"a", "b"}
    print(f"\nDeux processus : 2000 messages à {rate(smtp.messages):.0f} messages/s")


def test_a_worker_killed_mid_send_is_replaced_and_nobody_gets_the_letter_twice(
    letter, workers, smtp, confirmed_subscribers
):
    everyone = confirmed_subscribers(600)
    # One sender, so that the letter stops with the worker; a claim older than 2 s is taken as interrupted.
    environment = {"NEWSLETTER_SENDERS": "1", "OUTBOX_STALL_SECONDS": "2"}
    sending.request_send(letter)
    first = workers("premier", **environment)
    wait_until(lambda: len(smtp.messages) >= 200, 120, "le premier processus n'envoie pas")
    first.kill()
    at_kill = len(smtp.messages)
    first_rate = rate(smtp.messages)

    workers("second", **environment)
    time.sleep(2.5)
    sweep_outbox.enqueue()  # the scheduler's next minute
    wait_until(lambda: settled(letter), 120, "l'envoi n'a pas repris")
    time.sleep(0.5)

    received = smtp.recipients()
    interrupted = list(letter_emails(letter).filter(status="echec").values_list("to", flat=True))
    assert len(received) == len(set(received)), "quelqu'un a reçu la lettre deux fois"
    assert len(interrupted) <= 1  # at most the message in flight at the kill, never sent again
    assert set(received) | set(interrupted) == everyone
    print(
        f"\nUn processus : {first_rate:.0f} messages/s ; tué après {at_kill} messages, {len(received) - at_kill} "
        f"envoyés après la reprise, {len(interrupted)} interrompu(s) et non renvoyé(s), 0 doublon"
    )


def test_with_the_mail_server_down_every_message_arrives_once_after_the_retries(letter, workers, confirmed_subscribers):
    everyone = confirmed_subscribers(30)
    port = closed_port()
    sending.request_send(letter)
    workers("w", smtp_port=port, OUTBOX_RETRY_DELAYS="1,1,2,2,3")

    wait_until(lambda: letter_emails(letter).filter(attempts__gte=2).exists(), 60, "aucun nouvel essai")
    assert not letter_emails(letter).filter(status="envoye").exists()
    server = SMTPServer(port=port).start()
    try:
        wait_until(lambda: settled(letter), 60, "les messages ne sont pas partis au retour du serveur")
        time.sleep(0.5)
    finally:
        server.stop()

    received = server.recipients()
    assert len(received) == len(set(received)) and set(received) == everyone
    assert letter_emails(letter).filter(status="envoye").count() == 30
