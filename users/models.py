from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff account (Rédacteur, Modérateur or Administrateur). Django's fields, for now; a model of
    the site's own from the first migration, because swapping the user model later is not supported."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
