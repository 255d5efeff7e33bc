from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The newsletter: subscribers with double opt-in, letters and their sending."""

    name = "network.newsletter"
    label = "newsletter"
    verbose_name = _("Lettre d'information")

    def ready(self):
        from background import periodic
        from core import personal_data

        from .personal_data import SUBSCRIBERS
        from .sending import start_due_letters
        from .subscriptions import purge_pending_subscribers

        personal_data.register(SUBSCRIBERS)
        periodic.register("* * * * *", start_due_letters, _("envoi des lettres programmées"))
        periodic.register("10 3 * * *", purge_pending_subscribers, _("inscriptions non confirmées après 30 jours"))
