"""The footer's subscription form is part of every cached page, and works from a cached copy."""

import re

import pytest

from django.core import mail
from django.test import Client

from network.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def test_every_page_carries_the_form_without_a_csrf_token_and_is_cached(client, site_with_listings):
    response = client.get("/")

    assert 'action="/newsletter/"' in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "public" in response["Cache-Control"] and not response.cookies


def test_a_visitor_subscribes_from_a_cached_page_with_csrf_checks_on(site_with_listings, settings):
    """The cached footer carries no token (it would be everyone's): its post is confirmed on /newsletter/."""
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/")
    cached = visitor.get("/")
    assert "public" in cached["Cache-Control"]
    assert 'name="jeton_formulaire" value=' not in cached.content.decode()

    to_confirm = visitor.post("/newsletter/", {"email": "lea@exemple.org", "consent": "on"})
    token = re.search(r'name="jeton_formulaire" value="([^"]+)"', to_confirm.content.decode()).group(1)
    settings.SPAM_MIN_SECONDS = 0  # the visitor confirms at once; the time trap's minimum is tested elsewhere
    response = visitor.post("/newsletter/", {"email": "lea@exemple.org", "consent": "on", "jeton_formulaire": token})

    assert response.status_code == 302 and response["Location"] == "/newsletter/merci/"
    assert Subscriber.objects.get().email == "lea@exemple.org"
    assert [message.to for message in mail.outbox] == [["lea@exemple.org"]]
