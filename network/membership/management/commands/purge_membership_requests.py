from django.conf import settings
from django.core.management.base import BaseCommand

from network.membership.retention import expire_membership_requests


class Command(BaseCommand):
    help = (
        "Anonymise (ou supprime avec --delete) les demandes d'adhésion traitées depuis plus de "
        "MEMBERSHIP_RETENTION_MONTHS mois."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=settings.MEMBERSHIP_RETENTION_MONTHS)
        parser.add_argument("--delete", action="store_true", help="Supprimer au lieu d'anonymiser.")

    def handle(self, *args, months, delete, **options):
        count = expire_membership_requests(months, delete=delete)
        verb = "supprimée(s)" if delete else "anonymisée(s)"
        self.stdout.write(f"Demandes d'adhésion traitées depuis plus de {months} mois : {count} {verb}.")
