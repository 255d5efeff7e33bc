from django.core.management.base import BaseCommand, CommandError

from network.newsletter.models import NewsletterPage, Subscriber
from network.newsletter.sending import BATCH_SIZE, send_letter, send_test


class Command(BaseCommand):
    help = (
        "Envoie une lettre d'information publiée à tous les abonnés confirmés, une seule fois chacun. "
        "Relancée après une interruption, elle reprend là où elle s'était arrêtée."
    )

    def add_arguments(self, parser):
        parser.add_argument("letter", help="Identifiant (id) ou adresse courte (slug) de la lettre.")
        parser.add_argument("--test", metavar="COURRIEL", help="N'envoyer qu'un exemplaire de test à cette adresse.")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, letter, test=None, batch_size=BATCH_SIZE, **options):
        lookup = {"pk": int(letter)} if letter.isdigit() else {"slug": letter}
        page = NewsletterPage.objects.live().filter(**lookup).first()
        if page is None:
            raise CommandError(f"Aucune lettre publiée ne correspond à « {letter} ».")
        if test:
            send_test(page, test)
            self.stdout.write(f"Exemplaire de test envoyé à {test}.")
            return
        total = Subscriber.objects.confirmed().count()
        self.stdout.write(f"Envoi de « {page.title} » aux abonnés confirmés ({total})…")
        counts = send_letter(
            page,
            batch_size=batch_size,
            progress=lambda counts: self.stdout.write(f"  {counts['sent']} envoyé(s), {counts['failed']} en échec"),
        )
        self.stdout.write(f"Terminé : {counts['sent']} envoyé(s), {counts['failed']} en échec.")
        if counts["failed"]:
            self.stderr.write("Relancez la commande plus tard pour réessayer les envois en échec.")
