from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The newsletter: subscribers with double opt-in, letters and their sending."""

    name = "network.newsletter"
    label = "newsletter"
    verbose_name = _("Lettre d'information")

    def ready(self):
        from core import personal_data

        from .personal_data import SUBSCRIBERS

        personal_data.register(SUBSCRIBERS)
