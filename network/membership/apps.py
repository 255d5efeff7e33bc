from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    """« Rejoindre le réseau »: the join form, the requests it records, their decision and retention."""

    name = "network.membership"
    label = "membership"
    verbose_name = _("Adhésions")

    def ready(self):
        from background import periodic
        from core import personal_data

        from .personal_data import MEMBERSHIP_REQUESTS
        from .retention import expire_old_requests

        personal_data.register(MEMBERSHIP_REQUESTS)
        periodic.register("0 4 * * *", expire_old_requests, _("demandes d'adhésion traitées anonymisées"))
