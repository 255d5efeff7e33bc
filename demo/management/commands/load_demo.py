from django.core.management.base import BaseCommand
from django.db import transaction

from demo.indexing import index_updates_at_the_end
from demo.steps import DEMO_STEPS
from home.models import HomePage


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (sans doublon : relancer la commande ne recrée rien)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Ne rien faire si le site a déjà une page d'accueil.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Contenu déjà présent : chargement de la démonstration ignoré.")
            return
        with transaction.atomic(), index_updates_at_the_end():
            for step in DEMO_STEPS:
                step(self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
