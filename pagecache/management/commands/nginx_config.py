"""Write the front cache's nginx configuration (deploy/nginx/territoires.conf) for this server."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pagecache.nginx import site_config


class Command(BaseCommand):
    help = (
        "Écrit la configuration nginx du cache frontal (deploy/nginx/territoires.conf) avec les réglages du site : "
        "à placer dans /etc/nginx/sites-enabled/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--listen",
            action="append",
            metavar="ADRESSE",
            help="adresse d'écoute des visiteurs, répétable (« 443 ssl » avec un certificat ; défaut : 80)",
        )
        parser.add_argument("--certificate", help="certificat TLS (chaîne complète), pour une adresse « ssl »")
        parser.add_argument("--certificate-key", help="clé privée du certificat TLS")
        parser.add_argument("--upstream", default="127.0.0.1:8000", help="adresse de gunicorn")
        parser.add_argument(
            "--purge-listen",
            default="127.0.0.1:6081",
            help="adresse où Wagtail envoie ses PURGE, FRONTEND_CACHE_PURGE_URL (défaut : 127.0.0.1:6081)",
        )
        parser.add_argument(
            "--purge-allow",
            action="append",
            default=[],
            metavar="ADRESSE",
            help="adresse ou réseau d'un autre processus de tâches autorisé à purger (répétable)",
        )
        parser.add_argument("--server-name", default="_", help="nom d'hôte du site (défaut : tous)")
        parser.add_argument("--cache-dir", default="/var/cache/nginx/territoires", help="dossier du cache")
        parser.add_argument("--cache-max-size", default="1g", help="taille maximale du cache sur disque")

    def handle(self, **options):
        if bool(options["certificate"]) != bool(options["certificate_key"]):
            raise CommandError("--certificate et --certificate-key vont ensemble.")
        if settings.STATIC_ROOT is None:
            raise CommandError("STATIC_ROOT n'est pas défini : lancez la commande avec les réglages de production.")
        self.stdout.write(
            site_config(
                listen=options["listen"] or ["80"],
                certificate=options["certificate"],
                certificate_key=options["certificate_key"],
                upstream=options["upstream"],
                purge_listen=options["purge_listen"],
                purge_allowed=options["purge_allow"],
                server_name=options["server_name"],
                cache_dir=options["cache_dir"],
                cache_max_size=options["cache_max_size"],
            ),
            ending="",
        )
