"""Scheduled publishing through a real worker, and a mail server that hangs without slowing the site."""

import socket
import time
from datetime import timedelta

import pytest

from django.utils import timezone

from background import periodic, scheduler
from background.models import Heartbeat
from background.tasks import heartbeat
from news.factories import NewsPageFactory
from tests.network.conftest import join_answers

from .conftest import wait_until

pytestmark = pytest.mark.worker


def test_an_article_scheduled_ahead_goes_live_on_time_with_nobody_touching_anything(client, news_index, workers):
    article = NewsPageFactory(parent=news_index, title="Annoncé pour plus tard")
    article.unpublish()
    article.go_live_at = timezone.now() + timedelta(seconds=2)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    workers("w")
    (publishing,) = [entry for entry in periodic.registered() if entry.name.endswith("publish_scheduled")]
    assert publishing.cron == "* * * * *"

    time.sleep(2)
    scheduler.enqueue(publishing)  # what the scheduler does each minute

    wait_until(lambda: type(article).objects.get(pk=article.pk).live, 30, "l'article n'est pas publié")
    assert "Annoncé pour plus tard" in client.get(news_index.url).content.decode()


@pytest.fixture
def hanging_mail_server():
    """Accepts connections and never says a word: clients wait for a greeting that never comes."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield server.getsockname()[1]


def test_a_mail_server_that_never_answers_slows_no_request_and_no_other_task(
    client, join_form, workers, hanging_mail_server
):
    timeout = 4
    workers("w", smtp_port=hanging_mail_server, EMAIL_TIMEOUT=str(timeout))
    for number in range(3):
        started = time.perf_counter()
        response = client.post(join_form.url, join_answers(courriel=f"personne{number}@jardins.example"))
        assert response.status_code == 302 and time.perf_counter() - started < 1
    started = time.perf_counter()
    assert client.get("/healthz").status_code == 200 and time.perf_counter() - started < 1

    # Six emails hang one after the other (24 s in all); another task waits behind one of them at most.
    time.sleep(1)
    enqueued = time.monotonic()
    heartbeat.enqueue()
    wait_until(lambda: Heartbeat.objects.filter(process=Heartbeat.WORKER).exists(), 20, "la tâche attend")
    assert time.monotonic() - enqueued < timeout + 3  # a margin for a busy machine, far below 6 timeouts
