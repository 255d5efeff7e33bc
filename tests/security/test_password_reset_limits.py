"""Password resets are limited per address and per IP: 8 reset emails once reached one person in a second."""

import pytest

from django.core import mail

pytestmark = pytest.mark.django_db

URL = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("camille", "camille@reseau.example", "mot-de-passe-solide")


def test_one_address_gets_three_reset_emails_an_hour_and_the_same_answer_after(client, editor):
    answers = [client.post(URL, {"email": "Camille@Reseau.example"}, REMOTE_ADDR=f"203.0.113.{n}") for n in range(8)]

    assert {(answer.status_code, answer["Location"]) for answer in answers} == {(302, DONE)}
    assert [message.to for message in mail.outbox] == [["camille@reseau.example"]] * 3


def test_one_ip_address_gets_a_429_past_ten_requests_an_hour(client, editor):
    statuses = [client.post(URL, {"email": f"inconnu{n}@exemple.org"}).status_code for n in range(11)]

    assert statuses == [302] * 10 + [429]
    assert "Retry-After" in client.post(URL, {"email": "camille@reseau.example"})
