"""`manage.py profile_page URL`: where an uncached page's CPU time goes, measured in this process.

The page is requested through the WSGI handler (as gunicorn would call it) a few times to warm the
caches, then `--requests` times under cProfile. The page cache is bypassed (PAGE_CACHE_SECONDS=0);
the rendered fragments and remembered values stay, as on a site whose pages are not kept whole.
Printed: the CPU time per request without the profiler, the share of a few named parts (inclusive
time under the profiler, which slows every call alike), then the functions costing the most.
"""

import cProfile
import io
import pstats
import time

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import override_settings

from bench.wsgi_probe import environ_for

WARM_UP = 5
# Named parts of a request: (label, file path fragment, function name).
PARTS = (
    ("rendu des gabarits", "django/template/base.py", "render"),
    ("construction du SQL", "django/db/models/sql/compiler.py", "as_sql"),
    ("exécution du SQL", "django/db/backends/utils.py", "_execute"),
    ("menu", "core/templatetags/site_tags.py", "main_menu"),
    ("fil d'Ariane", "core/templatetags/site_tags.py", "breadcrumbs"),
    ("liens légaux", "core/templatetags/site_tags.py", "footer_legal_links"),
    ("formulaire du pied de page", "newsletter/templatetags/newsletter_tags.py", "footer_newsletter_form"),
    ("contenus similaires", "news/recommendations.py", "recommend"),
    ("images", "wagtail/images/models.py", "get_rendition"),
    ("fragments gardés (lecture)", "pagecache/fragments.py", "remembered"),
)


class Command(BaseCommand):
    help = "Profile un affichage non mis en cache d'une page (cProfile, dans ce processus)."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--top", type=int, default=30)
        parser.add_argument("--sql", action="store_true", help="affiche aussi les requêtes SQL d'un affichage")

    def handle(self, url, requests, top, sql, **options):
        with override_settings(PAGE_CACHE_SECONDS=0):
            handler = WSGIHandler()
            status = []

            def serve():
                result = handler(environ_for(url), lambda code, headers, exc_info=None: status.append(code))
                b"".join(result)
                result.close()

            for _ in range(WARM_UP):
                serve()
            if not status[-1].startswith("200"):
                self.stderr.write(f"{url} répond {status[-1]}")
                return
            started = time.process_time()
            for _ in range(requests):
                serve()
            cpu_ms = (time.process_time() - started) * 1000 / requests
            executed = []

            def record(execute, statement, *args):
                executed.append(statement)
                return execute(statement, *args)

            with connection.execute_wrapper(record):
                serve()
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(requests):
                serve()
            profiler.disable()
        stats = pstats.Stats(profiler)
        total = sum(entry[2] for entry in stats.stats.values())
        self.stdout.write(f"{url} : {cpu_ms:.1f} ms de CPU par requête sans profileur, {len(executed)} requêtes SQL")
        if sql:
            self.stdout.write("\n".join(f"  {statement[:100]} … {statement[-200:]}" for statement in executed))
        self.stdout.write(f"Sous le profileur ({total * 1000 / requests:.1f} ms par requête), temps inclusif :")
        for label, path, name in PARTS:
            # The outermost of the functions so named: a nested one's time is inside it already.
            matching = [entry for (file, _, func), entry in stats.stats.items() if path in file and func == name]
            inclusive = max((entry[3] for entry in matching), default=0)
            self.stdout.write(f"  {label:<28} {inclusive * 1000 / requests:6.2f} ms  {inclusive / total:5.1%}")
        output = io.StringIO()
        # The site's own functions by inclusive time (what to look at first), then every function by its own.
        site_code = rf"^{settings.BASE_DIR}/(?!\.venv)"
        pstats.Stats(profiler, stream=output).sort_stats("cumulative").print_stats(site_code, top)
        pstats.Stats(profiler, stream=output).sort_stats("tottime").print_stats(top)
        self.stdout.write(output.getvalue())
