"""Never overbooked: 60 people post the form of a 10-seat event at once to gunicorn with 4 workers on
PostgreSQL; then 5 cancel at once and exactly the first 5 on the waiting list get their seats."""

import re
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from news.factories import EventIndexPageFactory, EventPageFactory
from news.models import Registration
from news.registration_links import personal_path
from tests.faults.conftest import AppServer

from .conftest import wait_until

pytestmark = pytest.mark.worker

PEOPLE = 60
CAPACITY = 10
CANCELLING = 5


@pytest.fixture
def event(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=agenda, title="Atelier très demandé", registration_mode="site", capacity=CAPACITY, waiting_list=True
    )
    event.save_revision().publish()
    return event


@pytest.fixture
def site(tmp_path, smtp):
    server = AppServer(
        tmp_path / "gunicorn.log",
        workers=4,
        DJANGO_SETTINGS_MODULE="tests.worker.site_settings",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
    )
    server.wait_until_ready()
    yield server
    server.stop()


def hidden_fields(html, after="<main"):
    """The hidden fields of the first form after `after`: its CSRF token, and the time trap's token."""
    start = html.index("<form", html.index(after))
    form = html[start : html.index("</form>", start)]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def post_all(calls):
    """Run every call at the same instant (a barrier), each in its own thread; [(status, seconds)]."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        started = time.perf_counter()
        response = call()
        return response.status_code, time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def figures(label, results):
    seconds = sorted(duration for _status, duration in results)
    p99 = seconds[min(len(seconds) - 1, round(0.99 * (len(seconds) - 1)))]
    print(
        f"\n{label}: {len(seconds)} requêtes, médiane {statistics.median(seconds) * 1000:.0f} ms, "
        f"p99 {p99 * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms"
    )


def messages_to(smtp, address, subject_start):
    return [
        message
        for message in smtp.messages
        if message.envelope_recipients == [address] and str(message["Subject"]).strip().startswith(subject_start)
    ]


def test_sixty_at_once_fill_ten_seats_and_five_cancellations_promote_the_first_five(event, site, workers, smtp):
    # Each person opens the page (their own CSRF cookie and time-trap token), then all post together.
    visitors = []
    for number in range(PEOPLE):
        browser = requests.Session()
        page = browser.get(site.url + event.url, timeout=30)
        assert page.status_code == 200
        fields = {
            **hidden_fields(page.text, after='id="inscription"'),
            "name": f"Personne {number}",
            "email": f"personne{number:02d}@exemple.org",
            "consentement": "on",
        }
        visitors.append((browser, fields))
    time.sleep(3.1)  # the time trap wants at least 3 s between the page and its post
    url = f"{site.url}{event.url}inscription/"
    started = time.perf_counter()
    results = post_all(
        [
            lambda b=browser, d=data: b.post(url, data=d, timeout=120, allow_redirects=False)
            for browser, data in visitors
        ]
    )
    elapsed = time.perf_counter() - started
    figures(f"{PEOPLE} inscriptions simultanées (4 processus gunicorn), en {elapsed:.1f} s", results)

    assert sorted({status for status, _duration in results}) == [302], results
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status="inscrit").count() == CAPACITY
    waiting = list(registrations.waiting())
    assert len(waiting) == PEOPLE - CAPACITY
    # One order for the list: positions distinct, in the order the registrations were written.
    positions = [registration.waiting_position for registration in waiting]
    assert len(set(positions)) == len(positions)
    assert [r.pk for r in waiting] == [r.pk for r in sorted(waiting, key=lambda r: (r.created_at, r.pk))]
    assert [registration.waiting_rank() for registration in waiting] == list(range(1, PEOPLE - CAPACITY + 1))

    # The emails leave through a real worker: one each, confirmation or waiting list.
    workers("a")
    wait_until(lambda: len(smtp.messages) >= PEOPLE, 180, "les confirmations ne sont pas toutes parties")
    assert sorted(message.envelope_recipients[0] for message in smtp.messages) == sorted(
        f"personne{number:02d}@exemple.org" for number in range(PEOPLE)
    )

    # Five registered people cancel at once from their personal pages.
    cancelling = list(registrations.filter(status="inscrit").order_by("pk")[:CANCELLING])
    first_in_line = [registration.email for registration in waiting[:CANCELLING]]
    calls = []
    for registration in cancelling:
        browser = requests.Session()
        link = site.url + personal_path(registration, event)
        csrf = hidden_fields(browser.get(link, timeout=30).text)
        calls.append(
            lambda b=browser, u=link, c=csrf: b.post(
                u, data={**c, "action": "annuler"}, timeout=120, allow_redirects=False
            )
        )
    results = post_all(calls)
    figures(f"{CANCELLING} annulations simultanées", results)
    assert sorted({status for status, _duration in results}) == [302], results

    assert registrations.filter(status="inscrit").count() == CAPACITY
    promoted = registrations.filter(promoted_at__isnull=False)
    assert sorted(promoted.values_list("email", flat=True)) == sorted(first_in_line)
    assert [registration.waiting_rank() for registration in registrations.waiting()] == list(
        range(1, PEOPLE - CAPACITY - CANCELLING + 1)
    )
    expected = PEOPLE + 2 * CANCELLING  # plus a cancellation notice and a promotion each
    wait_until(lambda: len(smtp.messages) >= expected, 120, "les courriels des places libérées ne sont pas partis")
    time.sleep(1)  # anything sent twice would arrive now
    for address in first_in_line:
        assert len(messages_to(smtp, address, "Une place s'est libérée")) == 1, address
    assert len(smtp.messages) == expected
    assert "Internal Server Error" not in (site.log_path.read_text())
