import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from background import periodic
from background.lock import RETRY_SECONDS, SchedulerLock
from background.models import Heartbeat
from background.scheduler import build_scheduler

CHECK_SECONDS = 30


class Command(BaseCommand):
    help = (
        "Planificateur : met en file les tâches périodiques à leur heure (cron). Un seul tourne à la fois ; "
        "lancé sur plusieurs machines, les autres attendent et prennent le relais."
    )

    def handle(self, *args, **options):
        lock = SchedulerLock()
        while not lock.acquire():
            self.stdout.write(f"Un autre planificateur tourne ; nouvel essai dans {RETRY_SECONDS} s.")
            time.sleep(RETRY_SECONDS)
        scheduler = build_scheduler()
        for entry in periodic.registered():
            self.stdout.write(f"  {entry.cron:<14} {entry.description}")
        scheduler.start()
        self.stdout.write(self.style.SUCCESS("Planificateur démarré."))
        try:
            while lock.still_held():
                Heartbeat.beat(Heartbeat.SCHEDULER, timezone.now())
                time.sleep(CHECK_SECONDS)
        finally:
            scheduler.shutdown(wait=False)
        # Exits so that the supervisor (honcho, systemd) starts it again: it then waits for the lock.
        raise CommandError("Verrou du planificateur perdu (base de données injoignable) : arrêt.")
