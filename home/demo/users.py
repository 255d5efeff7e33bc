import os
import secrets

from django.contrib.auth import get_user_model


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
