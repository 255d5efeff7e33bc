"""Subscribing with double opt-in: one answer for every address, links that only a button can use."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.factories import ThemeFactory
from core.models import SiteSettings
from network.newsletter import subscriptions
from network.newsletter.models import Subscriber
from security.antispam import HONEYPOT_FIELD, TIME_TRAP_FIELD
from tests.network.conftest import form_token

pytestmark = pytest.mark.django_db

URL = "/newsletter/"


def subscription(**overrides):
    data = {"email": "Lea@Exemple.org", "first_name": "Léa", "consent": "on", TIME_TRAP_FIELD: form_token()}
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def link_in(message, kind):
    return re.search(rf"http://testserver(/newsletter/{kind}/[^/\s]+/)", message.body).group(1)


@pytest.fixture
def subscriber_states(home_page):
    """One address in each state, as staff would find them."""
    now = timezone.now()
    return {
        status: Subscriber.objects.create(email=f"{status}@exemple.org", status=status, subscribed_at=now)
        for status in Subscriber.Status.values
    }


def test_subscribing_records_a_pending_subscriber_with_the_consent_text(client, home_page):
    climat = ThemeFactory(name="Climat", slug="climat")

    response = client.post(URL, subscription(themes=["climat"]))

    assert response.status_code == 302 and response["Location"] == "/newsletter/merci/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lea@exemple.org" and subscriber.first_name == "Léa"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_text == SiteSettings.for_site(home_page.get_site()).newsletter_consent
    assert subscriber.subscribed_at is not None and subscriber.confirmed_at is None
    assert list(subscriber.themes.all()) == [climat]
    (message,) = mail.outbox
    assert message.to == ["lea@exemple.org"]
    assert "/newsletter/confirmer/" in message.body


def without_tokens(html):
    """The page without the values that change at every rendering (CSRF and time-trap tokens)."""
    return re.sub(r'name="(csrfmiddlewaretoken|jeton_formulaire)" value="[^"]*"', "", html)


def test_the_answer_is_the_same_whatever_the_state_of_the_address(client, subscriber_states):
    addresses = [subscriber.email for subscriber in subscriber_states.values()] + ["inconnue@exemple.org"]
    answers = set()
    for address in addresses:
        response = client.post(URL, subscription(email=address), follow=True)
        answers.add((response.redirect_chain[0], response.status_code, without_tokens(response.content.decode())))
    assert len(answers) == 1


def test_the_request_does_the_same_work_for_a_new_and_a_confirmed_address(
    client, subscriber_states, settings, django_assert_num_queries
):
    """Timing tells nobody who subscribes: the request only enqueues, the same task for every address."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    confirmed = subscriber_states[Subscriber.Status.CONFIRMED].email
    client.post(URL, subscription(email="inconnue@exemple.org"))  # sessions, site and settings now cached
    DBTaskResult.objects.all().delete()
    queries = {}
    for address in ["nouvelle@exemple.org", confirmed]:
        with CaptureQueriesContext(connection) as captured:
            client.post(URL, subscription(email=address))
        queries[address] = [re.sub(r"'[^']*'|\d+", "?", query["sql"]) for query in captured]

    assert queries["nouvelle@exemple.org"] == queries[confirmed]
    assert not Subscriber.objects.filter(email="nouvelle@exemple.org").exists() and mail.outbox == []
    tasks = DBTaskResult.objects.values_list("task_path", flat=True)
    assert list(tasks) == ["network.newsletter.subscriptions.record_subscription_request"] * 2


def test_a_confirmed_address_stays_confirmed_and_gets_no_email(client, subscriber_states):
    confirmed = subscriber_states[Subscriber.Status.CONFIRMED]
    client.post(URL, subscription(email=confirmed.email))
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED
    assert mail.outbox == []


def test_an_unsubscribed_address_goes_through_double_opt_in_again(client, subscriber_states):
    gone = subscriber_states[Subscriber.Status.UNSUBSCRIBED]
    client.post(URL, subscription(email=gone.email))
    gone.refresh_from_db()
    assert gone.status == Subscriber.Status.PENDING
    assert [message.to for message in mail.outbox] == [[gone.email]]


def test_at_most_one_confirmation_email_per_address_every_ten_minutes(client, home_page):
    for _ in range(3):
        client.post(URL, subscription())
    assert len(mail.outbox) == 1
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=11))
    client.post(URL, subscription())
    assert len(mail.outbox) == 2


def test_past_the_rate_limit_an_address_gets_a_readable_429(client, home_page, settings):
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "newsletter": (2, 600)}
    statuses = [client.post(URL, subscription(email=f"n{i}@exemple.org")).status_code for i in range(3)]
    assert statuses == [302, 302, 429]
    assert Subscriber.objects.count() == 2


def test_bots_that_fill_the_honeypot_are_thanked_and_forgotten(client, home_page):
    response = client.post(URL, subscription(**{HONEYPOT_FIELD: "x"}))
    assert response.status_code == 302 and response["Location"] == "/newsletter/merci/"
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_errors_are_shown_in_french_next_to_the_fields(client, home_page):
    response = client.post(URL, subscription(email="pas-une-adresse", consent=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="newsletter_email_error"' in html and 'aria-describedby="newsletter_email_error"' in html
    assert "Cochez cette case pour recevoir la lettre." in html
    assert not Subscriber.objects.exists()


def test_every_page_carries_the_subscription_form_in_its_footer(client, home_page):
    html = client.get("/").content.decode()
    assert 'action="/newsletter/"' in html and 'id="footer-newsletter_email"' in html


def test_opening_the_confirmation_link_changes_nothing_until_the_button_is_pressed(client, home_page):
    client.post(URL, subscription())
    link = link_in(mail.outbox[0], "confirmer")

    page = client.get(link)
    assert page.status_code == 200 and "Confirmer mon inscription" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    assert client.post(link).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.confirmed_at is not None


def test_a_confirmation_link_works_once(client, home_page):
    client.post(URL, subscription())
    link = link_in(mail.outbox[0], "confirmer")
    client.post(link)
    reused = client.post(link)
    assert reused.status_code == 410 and "déjà servi" in reused.content.decode()


def test_an_expired_confirmation_link_explains_what_to_do(client, home_page, monkeypatch):
    client.post(URL, subscription())
    link = link_in(mail.outbox[0], "confirmer")
    monkeypatch.setattr(subscriptions, "CONFIRMATION_MAX_AGE", timedelta(seconds=-1))
    response = client.get(link)
    assert response.status_code == 410 and "Ce lien a expiré" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_tampered_link_is_refused(client, home_page):
    client.post(URL, subscription())
    link = link_in(mail.outbox[0], "confirmer")
    assert client.post(link.replace("/confirmer/", "/confirmer/x")).status_code == 410


def test_unsubscribing_takes_the_button_and_keeps_only_the_address(client, subscriber_states):
    subscriber = subscriber_states[Subscriber.Status.CONFIRMED]
    subscriber.first_name = "Léa"
    subscriber.save()
    page_link, _one_click = subscriptions.unsubscribe_links(subscriber)
    path = page_link.removeprefix("http://testserver")

    assert client.get(path).status_code == 200
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.CONFIRMED

    assert client.post(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.unsubscribed_at is not None
    assert subscriber.first_name == "" and subscriber.consent_text == "" and subscriber.email == "confirme@exemple.org"


def test_one_click_unsubscribe_needs_no_token_cookie_or_login(home_page, subscriber_states):
    from django.test import Client

    subscriber = subscriber_states[Subscriber.Status.CONFIRMED]
    _page, one_click = subscriptions.unsubscribe_links(subscriber)
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        one_click.removeprefix("http://testserver"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_confirmation_email_carries_unsubscribe_headers(client, home_page):
    client.post(URL, subscription())
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/un-clic/>" in headers["List-Unsubscribe"] and "<mailto:" in headers["List-Unsubscribe"]


def test_pending_subscriptions_older_than_30_days_are_purged(home_page, subscriber_states):
    Subscriber.objects.filter(status=Subscriber.Status.PENDING).update(
        subscribed_at=timezone.now() - timedelta(days=31)
    )
    Subscriber.objects.create(email="recent@exemple.org", subscribed_at=timezone.now())
    out = StringIO()
    call_command("purge_pending_subscribers", stdout=out)
    assert "effacées : 1" in out.getvalue()
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "confirme@exemple.org",
        "desinscrit@exemple.org",
        "recent@exemple.org",
    ]


def test_a_subscriber_can_be_exported_and_erased(home_page, client):
    client.post(URL, subscription())
    out = StringIO()
    call_command("personal_data", "export", "lea@exemple.org", stdout=out)
    assert '"prénom": "Léa"' in out.getvalue()
    call_command("personal_data", "erase", "lea@exemple.org", stdout=StringIO())
    assert not Subscriber.objects.exists()
