from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    """The site's user model, owned here so that it can grow without a migration of Django's."""

    name = "users"
    verbose_name = _("Comptes")
