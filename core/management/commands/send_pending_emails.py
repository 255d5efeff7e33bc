from django.core.management.base import BaseCommand

from core.models.outbox import send_pending_emails


class Command(BaseCommand):
    help = "Envoie les courriels restés en attente (serveur de messagerie indisponible au moment de l'envoi)."

    def handle(self, *args, **options):
        sent, failed = send_pending_emails()
        self.stdout.write(f"Courriels envoyés : {sent} ; toujours en échec : {failed}.")
        if failed:
            self.stderr.write("Des courriels n'ont pas pu partir ; l'erreur est notée sur chacun, relancez plus tard.")
