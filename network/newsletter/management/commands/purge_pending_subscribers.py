from django.core.management.base import BaseCommand

from network.newsletter.subscriptions import purge_pending


class Command(BaseCommand):
    help = "Efface les inscriptions à la lettre jamais confirmées au bout de 30 jours."

    def handle(self, *args, **options):
        self.stdout.write(f"Inscriptions non confirmées effacées : {purge_pending()}.")
