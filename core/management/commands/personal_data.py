import json

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from core import personal_data


class Command(BaseCommand):
    help = "Exporte (JSON) ou efface tout ce que le site conserve sur une adresse de courriel."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"], help="export : afficher ; erase : effacer.")
        parser.add_argument("email", help="L'adresse de la personne concernée.")

    def handle(self, *args, action, email, **options):
        try:
            validate_email(email)
        except Exception as error:
            raise CommandError(f"Adresse de courriel invalide : {email}") from error
        if action == "export":
            self.stdout.write(json.dumps(personal_data.export(email), ensure_ascii=False, indent=2, default=str))
            return
        with transaction.atomic():
            counts = personal_data.erase(email)
        for label, count in counts.items():
            self.stdout.write(f"{label} : {count} supprimé(s)")
