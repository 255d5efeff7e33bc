"""Guessing an editor's password on the admin login form is stopped after a few tries."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from django.core.management import call_command
from django.urls import reverse

PASSWORD = "mot-de-passe-solide"
ADDRESS = "203.0.113.7"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaction", "redaction@example.org", PASSWORD)


def log_in(client, username, password, address=ADDRESS, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def fail_five_times(client, username, address=ADDRESS, **headers):
    return [log_in(client, username, "pas-le-bon", address, **headers) for _ in range(5)]


def is_logged_in(client):
    return "_auth_user_id" in client.session


def main_text(response):
    """The page's own message; the footer's newsletter form carries a fresh anti-spam token each time."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def move_attempts_back(minutes):
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=minutes))


def test_four_wrong_passwords_only_redisplay_the_form(client, editor):
    for _ in range(4):
        response = log_in(client, "redaction", "pas-le-bon")
        assert response.status_code == 200
    assert log_in(client, "redaction", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_five_wrong_passwords_lock_out_even_the_right_one(client, editor):
    responses = fail_five_times(client, "redaction")
    assert [response.status_code for response in responses] == [200, 200, 200, 200, 429]

    response = log_in(client, "redaction", PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)
    content = response.content.decode()
    assert "Trop de tentatives de connexion" in content
    assert "Après 5 essais infructueux" in content
    assert "Patientez 15 minutes" in content
    assert response["Retry-After"] == "900"


def test_an_unknown_username_gets_the_very_same_lockout_page(client, editor):
    fail_five_times(client, "redaction")
    fail_five_times(client, "personne-inconnue")

    known = log_in(client, "redaction", PASSWORD)
    unknown = log_in(client, "personne-inconnue", PASSWORD)

    assert known.status_code == unknown.status_code == 429
    assert main_text(known) == main_text(unknown)
    assert "redaction" not in known.content.decode()


def test_another_address_or_another_account_is_not_locked(client, editor, django_user_model):
    django_user_model.objects.create_superuser("moderation", "moderation@example.org", PASSWORD)
    fail_five_times(client, "redaction")

    assert log_in(client, "moderation", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "redaction", PASSWORD, address="198.51.100.4").status_code == 302
    assert is_logged_in(client)


def test_the_lockout_lasts_fifteen_minutes(client, editor):
    fail_five_times(client, "redaction")

    move_attempts_back(minutes=14)
    assert log_in(client, "redaction", PASSWORD).status_code == 429

    # That refused try started the 15 minutes again: they are counted from the last try.
    move_attempts_back(minutes=16)
    assert log_in(client, "redaction", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_the_reset_command_unlocks_the_account(client, editor):
    fail_five_times(client, "redaction")

    call_command("axes_reset_username", "redaction")

    assert log_in(client, "redaction", PASSWORD).status_code == 302


def test_a_successful_login_wipes_the_earlier_failures(client, editor):
    for _ in range(4):
        log_in(client, "redaction", "pas-le-bon")
    log_in(client, "redaction", PASSWORD)
    client.logout()

    for _ in range(4):
        log_in(client, "redaction", "pas-le-bon")

    assert log_in(client, "redaction", PASSWORD).status_code == 302


def test_behind_the_proxy_the_address_it_appended_is_the_one_locked(client, editor, settings):
    settings.TRUSTED_PROXIES = 1
    fail_five_times(client, "redaction", address="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")

    # A forged first address changes nothing: the proxy's own entry is still the visitor's.
    response = log_in(client, "redaction", PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="8.8.8.8, 203.0.113.7")

    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
