"""Admin accounts get passwords of at least 12 characters, and are told so in French."""

from django.contrib.auth import get_user_model
from django.urls import reverse

TOO_SHORT = "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères."
ELEVEN_CHARACTERS = "bocage-2024"
TWELVE_CHARACTERS = "bocage-2024!"


def new_user_form(password):
    return {
        "username": "nouvelle",
        "email": "nouvelle@example.org",
        "first_name": "Nadia",
        "last_name": "Lemoine",
        "password1": password,
        "password2": password,
    }


def test_creating_an_account_with_an_eleven_character_password_is_refused(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), new_user_form(ELEVEN_CHARACTERS))

    assert response.status_code == 200
    assert TOO_SHORT in response.content.decode()
    assert not get_user_model().objects.filter(username="nouvelle").exists()


def test_creating_an_account_with_a_twelve_character_password_is_accepted(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), new_user_form(TWELVE_CHARACTERS))

    assert response.status_code == 302
    assert get_user_model().objects.get(username="nouvelle").check_password(TWELVE_CHARACTERS)


def test_changing_ones_password_to_eleven_characters_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtailadmin_account"),
        {
            "password-old_password": "mot-de-passe-solide",
            "password-new_password1": ELEVEN_CHARACTERS,
            "password-new_password2": ELEVEN_CHARACTERS,
        },
    )

    assert response.status_code == 200
    assert TOO_SHORT in response.content.decode()
    assert get_user_model().objects.get(username="redaction").check_password("mot-de-passe-solide")
