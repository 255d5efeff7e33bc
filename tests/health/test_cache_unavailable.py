"""Redis down: the site runs without a cache, every page answers and nothing a visitor sends is lost.

The cache is the production one (django-redis set to ignore its errors), pointed at a port where no
Redis listens; the fault suite (tests/faults) stops the real server.
"""

import pytest

from django.core import mail

from core.models import OutgoingEmail
from network.membership.models import MembershipRequest
from network.newsletter.models import Subscriber
from news.factories import NewsPageFactory
from security.antispam import TIME_TRAP_FIELD
from tests.network.conftest import form_token, join_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index):
    return NewsPageFactory(parent=news_index, title="Territoires en transition")


def test_pages_answer_normally_without_the_cache(client, dead_redis_cache, article):
    for url, expected in [
        ("/", "Faire des transitions une affaire commune"),
        (article.url, "Territoires en transition"),
        ("/recherche/?q=territoires", f'href="{article.url}"'),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode(), url


def test_a_newsletter_subscription_is_saved_and_confirmed_without_the_cache(client, dead_redis_cache, home_page):
    response = client.post("/newsletter/", {"email": "lea@exemple.org", "consent": "on", TIME_TRAP_FIELD: form_token()})

    assert response.status_code == 302 and response["Location"] == "/newsletter/merci/"
    assert Subscriber.objects.get().email == "lea@exemple.org"
    assert [message.to for message in mail.outbox] == [["lea@exemple.org"]]


def test_a_join_request_is_saved_and_its_emails_sent_without_the_cache(client, dead_redis_cache, join_form):
    response = client.post(join_form.url, join_answers())

    assert response.status_code == 302
    assert MembershipRequest.objects.get().structure_name == "Les Jardins partagés de Fives"
    assert OutgoingEmail.objects.count() == 2 and not OutgoingEmail.objects.pending().exists()


def test_the_rate_limit_lets_people_through_rather_than_fail_without_the_cache(
    client, dead_redis_cache, join_form, settings
):
    # The limit is counted in the cache: without it, nobody is refused and no request is lost.
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "join": (1, 600)}

    statuses = [client.post(join_form.url, join_answers(), REMOTE_ADDR="203.0.113.7").status_code for _ in range(3)]

    assert statuses == [302, 302, 302]
    assert MembershipRequest.objects.count() == 3
