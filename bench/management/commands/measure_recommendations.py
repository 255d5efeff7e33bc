import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from bench.synthetic import grow_to
from news.models import EditorialPage
from news.recommendations import recommend


class Command(BaseCommand):
    help = (
        "Mesure le temps des recommandations quand le site grandit. Ajoute des articles de mesure : "
        "à lancer sur une base jetable (DATABASE_URL), jamais en production."
    )

    def add_arguments(self, parser):
        parser.add_argument("sizes", nargs="+", type=int, help="Nombres de contenus éditoriaux, croissants.")
        parser.add_argument("--runs", type=int, default=30, help="Mesures par taille (la médiane est donnée).")

    def handle(self, *args, sizes, runs, **options):
        self.stdout.write("contenus | requêtes | médiane (ms) | p90 (ms)")
        for size in sorted(sizes):
            grow_to(size)
            sources = list(EditorialPage.objects.live().order_by("?")[:runs])
            timings = []
            for source in sources:
                reset_queries()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    items = recommend(source)
                    timings.append((time.perf_counter() - started) * 1000)
                queries = len(captured)
            timings.sort()
            p90 = timings[int(len(timings) * 0.9) - 1]
            self.stdout.write(
                f"{EditorialPage.objects.count():>8} | {queries:>8} | {statistics.median(timings):>12.1f} | {p90:>8.1f}"
                f"   ({len(items)} suggestions)"
            )
