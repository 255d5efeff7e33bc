from django.core.management.base import BaseCommand, CommandError

from network.newsletter.models import NewsletterPage
from network.newsletter.sending import request_send, send_test


class Command(BaseCommand):
    help = (
        "Met en file l'envoi d'une lettre d'information publiée à tous les abonnés confirmés, une seule fois "
        "chacun ; les processus de tâches (manage.py db_worker) l'envoient."
    )

    def add_arguments(self, parser):
        parser.add_argument("letter", help="Identifiant (id) ou adresse courte (slug) de la lettre.")
        parser.add_argument("--test", metavar="COURRIEL", help="N'envoyer qu'un exemplaire de test à cette adresse.")

    def handle(self, *args, letter, test=None, **options):
        lookup = {"pk": int(letter)} if letter.isdigit() else {"slug": letter}
        page = NewsletterPage.objects.live().filter(**lookup).first()
        if page is None:
            raise CommandError(f"Aucune lettre publiée ne correspond à « {letter} ».")
        if test:
            send_test(page, test)
            self.stdout.write(f"Exemplaire de test mis en file pour {test}.")
            return
        request_send(page)
        self.stdout.write(f"Envoi de « {page.title} » mis en file ; l'avancement est sur sa page d'envoi.")
