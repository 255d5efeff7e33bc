"""`make bench`: what each page type costs to serve with 1,000, then 20,000 editorial pages.

How it measures
    A benchmark database (PostgreSQL `territoires_bench` when `pg_isready -h 127.0.0.1` answers, else
    bench/tmp/bench.sqlite3) is recreated, migrated, given the demo (every page type), then grown in
    bulk (bench/generate.py). At each size the site is served by gunicorn under config.settings.bench
    (production settings over plain HTTP), once with the page cache off (PAGE_CACHE_SECONDS=0), once
    on (600, shared through Redis database 15, flushed before each run), and once more with the page
    cache on behind the front cache: nginx with deploy/nginx/ (bench.front_cache), whose cache starts
    empty. Each URL gets a 1 s wrk warm-up, one probe request, then 5 s of wrk with 8 connections.
    Behind the front cache, the article is measured a second time as a static file of the same bytes
    served by the same nginx: the front cache's ceiling on this machine.

How to read a table (one per size and cache setting)
    req/s       requests completed per second: depends on the machine and on whatever else runs on it.
    p50, p99    median and 99th percentile latency seen by wrk, in ms. With 8 connections on 2 workers
                a request waits for about three others, so p50 is about four times the service time.
    CPU ms      user + system CPU of the gunicorn workers (/proc/<pid>/stat), and of nginx's behind
                the front cache, read before and after the load once the server is idle, divided by the
                requests served: what one request costs the server, whatever the waiting. The steadiest
                figure.
    ×plancher   CPU ms over the floor's (/bench/floor/, a small template and no database): how many
                times dearer than the cheapest page this stack serves. Compare ratios, not milliseconds,
                between machines or runs.
    p99/p50     latency spread: near 1, every request costs about the same; high, some requests stall.
    CPU BD ms   the same for PostgreSQL's server processes serving the workers' connections, apart
                because it is not Python's time ("–" on SQLite, whose work is inside CPU ms).
    SQL         queries one request runs once caches are warm, counted by the server itself: the probe
                sends an opt-in header that bench.middleware (bench settings only) answers with the
                count. Counting in the served process rather than with the test client means the count
                is taken under exactly the load's settings and cache state, so the cached table shows
                what a cache hit costs. "–": the front cache answered, Django never saw the request.
    octets      size of the response body.

The end of the report compares the two sizes: a page type is flat when its query count is equal and its
×plancher within ±20 %; then where the site stands against its targets. On PostgreSQL, bench/results/
also receives the plans of the slowest queries of a few pages at the largest size (EXPLAIN ANALYZE).
Timings depend on the load of the machine: the report starts with its load average.
"""

import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager, nullcontext
from io import StringIO
from pathlib import Path

from .report import ARTICLE, FRONT, STATIC_COPY, Row, flatness, table, targets
from .server import WORKERS, Gunicorn, probe, settled_cpu_seconds
from .wrk import CONNECTIONS, run_wrk

BASE_DIR = Path(__file__).resolve().parent.parent
TMP = BASE_DIR / "bench" / "tmp"
RESULTS = BASE_DIR / "bench" / "results"
SIZES = (1_000, 20_000)
# Page cache lifetime of each mode; behind the front cache, nginx keeps what the page cache marks public.
CACHE_MODES = {"sans cache": "0", "avec cache": "600", FRONT: "600"}
STATIC_COPY_PATH = "/static/bench/article.html"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
DATABASE_NAME = "territoires_bench"
REDIS_URL = "redis://127.0.0.1:6379/15"
WARM_UP, DURATION = "1s", "5s"
EXPLAINED = ("article", "actualités", "agenda", "annuaire", "recherche")


def main(sizes):
    if shutil.which("wrk") is None:
        sys.exit("make bench demande wrk, le générateur de charge : apt-get install -y wrk")
    started = time.monotonic()
    shutil.rmtree(TMP, ignore_errors=True)
    TMP.mkdir(parents=True)
    RESULTS.mkdir(exist_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=fresh_database(),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        PAGE_CACHE_SECONDS="0",  # for this process's own renders (EXPLAIN); each server run sets its own
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from .explain import explain_pages
    from .generate import grow

    report = [header(connection.vendor)]
    print(report[0], flush=True)
    with step("Migrations"):
        call_command("migrate", verbosity=0)
    with step("Démonstration"):
        call_command("load_demo", stdout=StringIO())
    with step("Fichiers statiques"):
        call_command("collectstatic", interactive=False, verbosity=0)
    from pagecache.nginx import missing

    modes = list(CACHE_MODES)
    if absent := missing():
        modes.remove(FRONT)
        print(f"Cache frontal NON mesuré : {', '.join(absent)} absent (apt-get install -y {' '.join(absent)}).")
    stamp = time.strftime("%Y-%m-%d")
    measured = {}
    for size in sizes:
        generating = time.monotonic()
        with step(f"Contenus portés à {size}"):
            count = grow(size)
        generated = time.monotonic() - generating
        measured[size] = {}
        for mode in modes:
            with step(f"Mesure {mode}"):
                measured[size][mode] = measure(page_paths(), mode)
        title = f"{count} contenus éditoriaux (générés en {generated:.0f} s)"
        text = "\n\n".join(table(f"{title} — {mode}", rows) for mode, rows in measured[size].items())
        if size == sizes[-1]:
            small, large = measured[sizes[0]], measured[size]
            text += f"\n\n{flatness(small, large, sizes)}\n\n{targets(small, large, sizes)}"
        (RESULTS / f"{stamp}-{size}.txt").write_text(f"{report[0]}\n\n{text}\n")
        print(f"\n{text}\n", flush=True)
        report.append(text)
    if connection.vendor == "postgresql":
        explained = f"bench/results/{stamp}-{sizes[-1]}-explain.txt"
        with step(f"EXPLAIN ANALYZE à {sizes[-1]} contenus"):
            paths = {label: path for label, path, _status in page_paths() if label in EXPLAINED}
            (BASE_DIR / explained).write_text(explain_pages(paths) + "\n")
        report.append(f"Plans des requêtes les plus lentes : {explained}")
    report.append(f"Durée totale : {time.monotonic() - started:.0f} s")
    print("\n".join(report[-2:]))
    (RESULTS / "latest.txt").write_text("\n\n".join(report) + "\n")


@contextmanager
def step(label):
    """Show progress: the run lasts minutes."""
    print(f"{label}…", end=" ", flush=True)
    started = time.monotonic()
    yield
    print(f"{time.monotonic() - started:.0f} s", flush=True)


def fresh_database():
    """An empty benchmark database: PostgreSQL when it answers on 127.0.0.1, else a SQLite file."""
    if shutil.which("pg_isready") and subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:  # noqa: S603, S607
        import psycopg

        with psycopg.connect(POSTGRES + "postgres", autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
            server.execute(f"CREATE DATABASE {DATABASE_NAME}")
        return POSTGRES + DATABASE_NAME
    return f"sqlite:///{TMP / 'bench.sqlite3'}"


def header(vendor):
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"make bench du {time.strftime('%d/%m/%Y %H:%M')} — base {vendor}, {os.cpu_count()} cœurs, "
        f"charge moyenne au départ {load}\n"
        f"gunicorn {WORKERS} processus, wrk 2 fils × {CONNECTIONS} connexions, {DURATION} par adresse"
    )


def page_paths():
    """(label, path, expected status) of each page type, the same pages at every size."""
    from django.utils import timezone

    from core.models import Theme
    from network.directory.models import Actor, ActorDirectoryPage
    from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, ResourcePage, TopicPage

    news = NewsIndexPage.objects.get().url
    agenda = EventIndexPage.objects.get().url
    directory = ActorDirectoryPage.objects.get().url
    upcoming = EventPage.objects.live().filter(ends_at__gt=timezone.now())
    return [
        ("plancher", "/bench/floor/", 200),
        ("accueil", "/", 200),
        ("actualités", news, 200),
        ("actualités ?theme=", f"{news}?theme={Theme.objects.order_by('pk').first().slug}", 200),
        ("article", NewsPage.objects.live().order_by("path").first().url, 200),
        ("agenda", agenda, 200),
        ("événement", (upcoming.order_by("path").first() or EventPage.objects.order_by("path").first()).url, 200),
        ("ressource", ResourcePage.objects.live().order_by("path").first().url, 200),
        ("dossier", TopicPage.objects.get(slug="territoires-participatifs").url, 200),
        ("annuaire", directory, 200),
        ("acteur", f"{directory}{Actor.objects.published().order_by('pk').first().slug}/", 200),
        ("recherche", "/recherche/?q=territoire", 200),
        ("flux RSS", f"{news}rss/", 200),
        ("agenda iCal", f"{agenda}ical/", 200),
        ("404", "/cette-page-n-existe-pas/", 404),
    ]


def measure(paths, mode):
    """Serve the site and load each path; {label: Row}. Fails on any unexpected status."""
    from django.conf import settings
    from django.db import connection

    from .front_cache import FrontCache  # reads the site's settings, set up by main()

    behind_nginx = mode == FRONT
    environment = {
        **os.environ,
        "PAGE_CACHE_SECONDS": CACHE_MODES[mode],
        "REDIS_URL": REDIS_URL,
        # Behind nginx, the visitor's address is the one it forwards.
        "DJANGO_TRUSTED_PROXIES": "1" if behind_nginx else "0",
    }
    flush_redis()
    rows = {}
    with Gunicorn(environment, TMP / "gunicorn.log") as server:
        front = FrontCache(TMP / "nginx", f"127.0.0.1:{server.port}", workers=WORKERS) if behind_nginx else None
        with front or nullcontext():
            port = front.port if front else server.port
            processes = server.worker_pids() + (front.pids() if front else [])

            def load(label, path, status):
                url = f"http://127.0.0.1:{port}{path}"
                run_wrk(url, WARM_UP)
                answer = probe(port, path)
                if answer.status != status:
                    raise RuntimeError(f"{label} : {path} répond {answer.status} au lieu de {status}")
                groups = processes, database_pids(connection)
                before = settled_cpu_seconds(groups)
                result = run_wrk(url, DURATION)
                after = settled_cpu_seconds(groups)
                if status == 200 and result.failed:
                    raise RuntimeError(f"{label} : {result.failed} réponses en erreur sous charge ({path})")
                # wrk stops with one request in flight on each connection, which the server still serves
                # (and the CPU reading above waited for): counted, they weigh on slow pages' figures.
                served = result.requests + CONNECTIONS
                cpu_ms, db_cpu_ms = ((end - start) * 1000 / served for start, end in zip(before, after, strict=True))
                rows[label] = Row(label, result, cpu_ms, db_cpu_ms if groups[1] else None, answer.queries, answer.size)

            for label, path, status in paths:
                load(label, path, status)
                if front and label == ARTICLE:
                    # The same bytes as a file on disk, served by the same nginx: the rate to compare with.
                    copy = Path(settings.STATIC_ROOT) / STATIC_COPY_PATH.removeprefix("/static/")
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as page:  # noqa: S310 - local
                        copy.write_bytes(page.read())
                    load(STATIC_COPY, STATIC_COPY_PATH, 200)
    return rows


def database_pids(connection):
    """PostgreSQL's processes serving the other connections to the benchmark database (the workers')."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


if __name__ == "__main__":
    # Two other sizes can be given for a quick look, e.g. `python -m bench.run 100 500`.
    try:
        main(tuple(sorted(int(size) for size in sys.argv[1:3])) or SIZES)
    except Exception as error:
        print(f"make bench a échoué : {error}", file=sys.stderr)
        raise
