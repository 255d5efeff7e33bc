import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .files import read


def ensure_superuser(stdout):
    """The admin account: from the environment when set, else `admin` with a password shown once."""
    username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
    password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        stdout.write(f"Administrateur « {username} » : déjà présent.")
        return
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    user_model.objects.create_superuser(username=username, email="", password=password)
    if generated:
        stdout.write(
            f"Administrateur créé : identifiant « {username} », mot de passe « {password} » "
            "(affiché cette fois seulement ; changez-le avec `manage.py changepassword`)."
        )
    else:
        stdout.write(f"Administrateur « {username} » créé avec le mot de passe de DJANGO_SUPERUSER_PASSWORD.")


def ensure_role_users(stdout):
    """A Rédacteur and a Modérateur, with DJANGO_DEMO_PASSWORD or a password shown once."""
    user_model = get_user_model()
    shared_password = os.environ.get("DJANGO_DEMO_PASSWORD")
    # One account per editorial role, to try the review workflow.
    for account in read("site")["role_users"]:
        username, first_name, group_name = account["username"], account["first_name"], account["group"]
        if user_model.objects.filter(username=username).exists():
            stdout.write(f"Compte « {username} » ({group_name}) : déjà présent.")
            continue
        password = shared_password or secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username=username, first_name=first_name, email=f"{username}@territoires.example", password=password
        )
        user.groups.add(Group.objects.get(name=group_name))
        shown = "celui de DJANGO_DEMO_PASSWORD" if shared_password else f"« {password} » (affiché cette fois seulement)"
        stdout.write(f"Compte « {username} » ({group_name}) créé, mot de passe {shown}.")
