from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    """« Rejoindre le réseau »: the join form, the requests it records, their decision and retention."""

    name = "network.membership"
    label = "membership"
    verbose_name = _("Adhésions")

    def ready(self):
        from core import personal_data

        from .personal_data import MEMBERSHIP_REQUESTS

        personal_data.register(MEMBERSHIP_REQUESTS)
