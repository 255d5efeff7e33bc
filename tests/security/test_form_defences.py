"""The public forms' spam defences never thank a person for a post they threw away.

Too fast or too old: the form comes back with what was typed, a French sentence and a fresh token.
Only the honeypot is discarded quietly. A token brings one post in: the same form posted again gets
the first answer and no second record. Every post set aside is counted on the staff dashboard.
"""

import re
from html import unescape

import pytest

from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.membership.models import MembershipRequest
from network.newsletter.factories import SubscriberFactory
from network.newsletter.models import Subscriber
from security.antispam import _SALT, HONEYPOT_FIELD, TIME_TRAP_FIELD
from security.models import DiscardedPosts
from tests.network.conftest import form_token, join_answers

pytestmark = pytest.mark.django_db

JOIN = "/reseau/rejoindre/"
JOIN_THANKS = "/reseau/rejoindre/merci/"


def token_in(html):
    return re.search(rf'name="{TIME_TRAP_FIELD}" value="([^"]+)"', html).group(1)


def discards():
    return {(row.form, row.reason): row.count for row in DiscardedPosts.objects.all()}


@pytest.mark.parametrize(
    ("token", "reason", "sentence"),
    [
        # Built when the test runs: a token signed at collection time would have aged by then.
        pytest.param(lambda: form_token(age_seconds=0), "trop_rapide", "arrivé trop vite", id="too-fast"),
        pytest.param(lambda: form_token(age_seconds=2 * 24 * 3600), "trop_ancien", "plus de 24 heures", id="too-old"),
        pytest.param(lambda: "1700000000:forged", "jeton_invalide", "pas pu être vérifié", id="forged"),
    ],
)
def test_a_join_post_held_by_the_time_trap_comes_back_filled_in_with_a_fresh_token(
    client, join_form, token, reason, sentence
):
    posted = token()
    response = client.post(JOIN, join_answers(**{TIME_TRAP_FIELD: posted}))

    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert sentence in html and "rien n'a été enregistré" in html
    assert 'value="Les Jardins partagés de Fives"' in html and 'value="camille@jardins.example"' in html
    fresh = token_in(html)
    assert fresh != posted and signing.loads(fresh, salt=_SALT)
    assert MembershipRequest.objects.count() == 0 and mail.outbox == []
    assert discards() == {("join", reason): 1}


def test_the_join_post_sent_again_with_its_fresh_token_is_recorded(client, join_form, settings):
    response = client.post(JOIN, join_answers(**{TIME_TRAP_FIELD: form_token(age_seconds=0)}))
    settings.SPAM_MIN_SECONDS = 0  # the person reads the sentence and sends again

    again = client.post(JOIN, join_answers(**{TIME_TRAP_FIELD: token_in(response.content.decode())}))

    assert again.status_code == 302 and again["Location"] == JOIN_THANKS
    assert MembershipRequest.objects.get().structure_name == "Les Jardins partagés de Fives"


def test_the_honeypot_is_discarded_quietly_and_counted(client, join_form):
    response = client.post(JOIN, join_answers(**{HONEYPOT_FIELD: "http://spam.example"}))

    assert response.status_code == 302 and response["Location"] == JOIN_THANKS
    assert MembershipRequest.objects.count() == 0
    assert discards() == {("join", "piege"): 1}


def test_one_token_brings_one_join_request_in_whatever_is_posted_with_it_again(client, join_form):
    token = form_token()
    first = client.post(JOIN, join_answers(**{TIME_TRAP_FIELD: token}))
    # A retry after a lost answer, then a bot reusing the token for other addresses.
    again = client.post(JOIN, join_answers(**{TIME_TRAP_FIELD: token}))
    others = [
        client.post(JOIN, join_answers(**{TIME_TRAP_FIELD: token, "courriel": f"cible{n}@exemple.org"}))
        for n in range(3)
    ]

    assert {(r.status_code, r["Location"]) for r in [first, again, *others]} == {(302, JOIN_THANKS)}
    assert list(MembershipRequest.objects.values_list("email", flat=True)) == ["camille@jardins.example"]
    assert discards() == {("join", "deja_recu"): 4}


def test_one_token_subscribes_one_address_to_the_newsletter(client, home_page):
    token = form_token()
    for address in ["lea@exemple.org", "cible@exemple.org", "lea@exemple.org"]:
        response = client.post("/newsletter/", {"email": address, "consent": "on", TIME_TRAP_FIELD: token})
        assert response.status_code == 302 and response["Location"] == "/newsletter/merci/"

    assert list(Subscriber.objects.values_list("email", flat=True)) == ["lea@exemple.org"]
    assert [message.to for message in mail.outbox] == [["lea@exemple.org"]]


def test_a_newsletter_post_too_fast_comes_back_filled_in(client, home_page):
    data = {"email": "lea@exemple.org", "first_name": "Léa", "consent": "on", TIME_TRAP_FIELD: form_token(0)}
    response = client.post("/newsletter/", data)

    html = response.content.decode()
    assert response.status_code == 200 and "arrivé trop vite" in html
    assert 'value="lea@exemple.org"' in html and 'value="Léa"' in html
    assert not Subscriber.objects.exists()
    assert discards() == {("newsletter", "trop_rapide"): 1}


def test_the_footer_form_of_cached_pages_shares_no_token_and_its_post_is_confirmed_here(client, home_page, settings):
    """A token in a page served to every visitor would be neither single-use nor anyone's typing time."""
    footer = client.get("/").content.decode()
    assert 'action="/newsletter/"' in footer and f'name="{TIME_TRAP_FIELD}" value=' not in footer

    response = client.post("/newsletter/", {"email": "lea@exemple.org", "consent": "on"})
    html = response.content.decode()
    assert response.status_code == 200 and "confirmez votre envoi" in html and 'value="lea@exemple.org"' in html
    assert "no-store" in response["Cache-Control"]
    assert not Subscriber.objects.exists() and discards() == {}

    settings.SPAM_MIN_SECONDS = 0
    confirmed = client.post(
        "/newsletter/", {"email": "lea@exemple.org", "consent": "on", TIME_TRAP_FIELD: token_in(html)}
    )
    assert confirmed.status_code == 302 and Subscriber.objects.get().email == "lea@exemple.org"


def test_the_subscription_page_with_its_own_token_is_never_cached(client, home_page):
    first, second = client.get("/newsletter/"), client.get("/newsletter/")
    assert "no-store" in first["Cache-Control"]
    assert token_in(first.content.decode()) != token_in(second.content.decode())


def test_discards_are_counted_on_the_staff_dashboard(admin_client, client, join_form):
    client.post(JOIN, join_answers(**{HONEYPOT_FIELD: "x"}))
    client.post(JOIN, join_answers(**{HONEYPOT_FIELD: "x"}))
    client.post(JOIN, join_answers(**{TIME_TRAP_FIELD: form_token(age_seconds=0)}))

    html = unescape(admin_client.get("/admin/").content.decode())
    assert "Envois écartés par l'anti-spam" in html
    assert re.search(r"Rejoindre le réseau</td><td>champ piège rempli[^<]*</td><td>2<", html)
    assert re.search(r"Rejoindre le réseau</td><td>envoyé trop vite[^<]*</td><td>1<", html)


def subscribe_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        client.post("/newsletter/", {"email": address, "consent": "on", TIME_TRAP_FIELD: form_token()})
    # The email work (the outbox and the savepoint it is written in) is not the subscription's: in the
    # tests' immediate task backend it runs inside the request, in production a worker does it.
    statements = [
        query["sql"]
        for query in queries
        if "outgoingemail" not in query["sql"].lower() and query["sql"].split()[0] not in ("SAVEPOINT", "RELEASE")
    ]
    # The kind of each statement and the first table it names: the work, whatever the values.
    return [(sql.split()[0], next(iter(re.findall(r'"([a-z]+_[a-z_]+)"', sql)), "")) for sql in statements]


def test_the_subscription_does_the_same_database_work_for_a_confirmed_and_a_new_address(client, home_page):
    SubscriberFactory(email="abonnee@exemple.org", status=Subscriber.Status.CONFIRMED)
    client.get("/newsletter/")  # site settings and the like, read once

    assert subscribe_queries(client, "abonnee@exemple.org") == subscribe_queries(client, "nouvelle@exemple.org")
