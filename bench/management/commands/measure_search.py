import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from bench.explain import explain
from bench.server import cpu_seconds
from bench.synthetic import grow_to
from news.models import EditorialPage
from search.views import search

# A common word, a word of the generated text, two words with a hyphen, a typo, a word found nowhere.
QUERIES = ["territoire", "mesure", "codéveloppement tiers-lieux", "budjet participatif", "xylophone"]


class Command(BaseCommand):
    help = (
        "Mesure la page de résultats de recherche quand le site grandit : temps, CPU de Python et, sur "
        "PostgreSQL, CPU du serveur par requête, requêtes SQL ; --explain donne le plan de chaque SELECT à la "
        "plus grande taille. Ajoute des articles de mesure : à lancer sur une base jetable (DATABASE_URL), "
        "jamais en production."
    )

    def add_arguments(self, parser):
        parser.add_argument("sizes", nargs="+", type=int, help="Nombres de contenus éditoriaux, croissants.")
        parser.add_argument("--runs", type=int, default=15, help="Mesures par requête (la médiane est donnée).")
        parser.add_argument(
            "--explain", action="store_true", dest="show_plans", help="EXPLAIN ANALYZE des SELECT (PostgreSQL)."
        )

    def handle(self, *args, sizes, runs, show_plans, **options):
        site = Site.objects.get(is_default_site=True)
        requests = RequestFactory(headers={"host": site.hostname})
        self.stdout.write(
            "contenus | recherche                      | requêtes SQL | médiane (ms) | CPU Python (ms) | CPU BD (ms)"
        )
        for size in sorted(sizes):
            grow_to(size)
            for query in QUERIES:
                search(requests.get("/recherche/", {"q": query})).render()  # warm: caches, plans
                timings = []
                server = _server_pids()
                cpu_started, db_started = time.process_time(), cpu_seconds(server)
                for _ in range(runs):
                    reset_queries()  # the log keeps 9,000 queries: generating content would fill it
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        search(requests.get("/recherche/", {"q": query})).render()
                        timings.append((time.perf_counter() - started) * 1000)
                cpu_ms = (time.process_time() - cpu_started) * 1000 / runs
                db_ms = f"{(cpu_seconds(server) - db_started) * 1000 / runs:>11.2f}" if server else f"{'–':>11}"
                self.stdout.write(
                    f"{EditorialPage.objects.count():>8} | {query:<30} | {len(captured):>12} | "
                    f"{statistics.median(timings):>12.1f} | {cpu_ms:>15.2f} | {db_ms}"
                )
        if show_plans and connection.vendor == "postgresql":
            for query in QUERIES[:2]:
                with CaptureQueriesContext(connection) as captured:
                    search(requests.get("/recherche/", {"q": query})).render()
                self.stdout.write(f"\n=== EXPLAIN ANALYZE de /recherche/?q={query}")
                for sql in captured.captured_queries:
                    if sql["sql"].startswith("SELECT"):
                        self.stdout.write(explain(sql["sql"]).text() + "\n")


def _server_pids():
    """The PostgreSQL server process behind this connection, whose CPU is the database's cost; none on SQLite."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return [cursor.fetchone()[0]]
