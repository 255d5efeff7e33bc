import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from bench.synthetic import grow_to
from news.models import EditorialPage
from search.views import search

QUERIES = ["territoire", "mesure", "codéveloppement tiers-lieux", "xylophone"]


class Command(BaseCommand):
    help = (
        "Mesure la page de résultats de recherche quand le site grandit. Ajoute des articles de mesure : "
        "à lancer sur une base jetable (DATABASE_URL), jamais en production."
    )

    def add_arguments(self, parser):
        parser.add_argument("sizes", nargs="+", type=int, help="Nombres de contenus éditoriaux, croissants.")
        parser.add_argument("--runs", type=int, default=15, help="Mesures par requête (la médiane est donnée).")

    def handle(self, *args, sizes, runs, **options):
        site = Site.objects.get(is_default_site=True)
        requests = RequestFactory(headers={"host": site.hostname})
        self.stdout.write("contenus | recherche                      | requêtes SQL | médiane (ms) | p90 (ms)")
        for size in sorted(sizes):
            grow_to(size)
            for query in QUERIES:
                timings = []
                for _ in range(runs):
                    reset_queries()  # the log keeps 9,000 queries: generating content would fill it
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        search(requests.get("/recherche/", {"q": query})).render()
                        timings.append((time.perf_counter() - started) * 1000)
                timings.sort()
                p90 = timings[max(0, int(len(timings) * 0.9) - 1)]
                self.stdout.write(
                    f"{EditorialPage.objects.count():>8} | {query:<30} | {len(captured):>12} | "
                    f"{statistics.median(timings):>12.1f} | {p90:>8.1f}"
                )
