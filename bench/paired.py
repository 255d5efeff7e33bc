"""The site against another Wagtail site, page type by page type, in CPU time per request.

    python -m bench.paired OURS_DATABASE_URL PEER_FOLDER [PEER_SETTINGS] [--pairs 30]

Two processes, each with one site's WSGI application loaded (bench/wsgi_probe.py, the peer's with the
peer's own Python, `PEER_FOLDER/.venv/bin/python`), take turns request by request: for each page
type, a few warm-up requests each, then `--pairs` pairs, the order within a pair alternating, so that
whatever else the machine does falls on both alike. A request's cost is the CPU time of its process
around the WSGI call. Both are meant to run on SQLite with their demo content; ours with production
settings and the page cache off, its rendered fragments and remembered values in the Redis database
given with `--redis` (as in production; without it, every part of every page is rendered afresh).

With `--cache`, our pages are also measured as the page cache answers them (through that Redis
database), `--pairs` requests each after the first.

The default peer is wagtail/bakerydemo (`manage.py load_initial_data`), compared as: home ↔ home,
news ↔ blog index, article ↔ blog post, event ↔ bread, actor ↔ location, search ↔ search.
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "wsgi_probe.py"
WARM_UP = 5
# (label, our page, the peer's page): a path, or `=app_label.Model` for that model's first live page.
PAGES = (
    ("accueil", "/", "/"),
    ("liste", "/actualites/", "/blog/"),
    ("article", "=news.NewsPage", "=blog.BlogPage"),
    ("événement ↔ pain", "=news.EventPage", "=breads.BreadPage"),
    ("acteur ↔ lieu", "/reseau/annuaire/centre-ressources-developpement-durable/", "=locations.LocationPage"),
    ("recherche", "/recherche/?q=territoire", "/search/?q=bread"),
)


class Probe:
    def __init__(self, python, project, settings, environment):
        self.process = subprocess.Popen(  # noqa: S603 - fixed command
            [python, str(PROBE), str(project), settings],
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def get(self, path):
        answer = self.ask(path)
        if answer["status"] != 200:
            raise RuntimeError(f"{path} répond {answer['status']}")
        return answer

    def url(self, page):
        return self.ask(page)["url"] if page.startswith("=") else page

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def ours(database_url, cache_seconds="0", redis_url=""):
    environment = {
        **os.environ,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "PAGE_CACHE_SECONDS": cache_seconds,
        "REDIS_URL": redis_url,
    }
    return Probe(sys.executable, BASE_DIR, "config.settings.bench", environment)


def peer(folder, settings):
    # Plain HTTP, as ours (config.settings.bench).
    environment = {**os.environ, "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "SECURE_SSL_REDIRECT": "False"}
    environment.pop("DATABASE_URL", None)
    return Probe(str(Path(folder) / ".venv" / "bin" / "python"), folder, settings, environment)


def compare(ours_probe, peer_probe, pairs):
    rows = []
    for label, our_page, peer_page in PAGES:
        paths = ours_probe.url(our_page), peer_probe.url(peer_page)
        for _ in range(WARM_UP):
            ours_probe.get(paths[0])
            peer_probe.get(paths[1])
        cpu = ([], [])
        answers = [None, None]
        for number in range(pairs):
            order = (0, 1) if number % 2 == 0 else (1, 0)
            for side in order:
                answers[side] = (ours_probe, peer_probe)[side].get(paths[side])
                cpu[side].append(answers[side]["cpu_ms"])
        rows.append((label, paths, [statistics.median(times) for times in cpu], [a["queries"] for a in answers]))
    return rows


def through_the_page_cache(ours_probe, requests):
    """(label, path, median CPU ms, SQL) of our pages answered from the page cache, after a first visit stores them."""
    rows = []
    for label, our_page, _peer_page in PAGES:
        path = ours_probe.url(our_page)
        ours_probe.get(path)
        answers = [ours_probe.get(path) for _ in range(requests)]
        rows.append((label, path, statistics.median(a["cpu_ms"] for a in answers), answers[-1]["queries"]))
    return rows


def report(rows, pairs):
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        f"Comparaison par paires ({pairs} paires par page, médianes du temps CPU par requête), charge moyenne {load}",
        "",
        "| page (nous ↔ pair) | CPU ms nous / pair | rapport | SQL nous / pair |",
        "|---|---|---|---|",
    ]
    for label, _paths, (mine, theirs), (my_queries, their_queries) in rows:
        lines.append(f"| {label} | {mine:.1f} / {theirs:.1f} | {mine / theirs:.2f} | {my_queries} / {their_queries} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", help="notre base, avec le contenu de démonstration (sqlite:///…)")
    parser.add_argument("peer_folder", help="le projet comparé, avec son .venv")
    parser.add_argument("peer_settings", nargs="?", default="bakerydemo.settings.production")
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--redis", default="", help="notre cache partagé (redis://127.0.0.1:6379/N)")
    parser.add_argument("--cache", action="store_true", help="mesure aussi nos pages servies par le cache des pages")
    arguments = parser.parse_args()
    if arguments.cache:
        if not arguments.redis:
            parser.error("--cache demande --redis")
        cached_probe = ours(arguments.database_url, cache_seconds="600", redis_url=arguments.redis)
        try:
            cached_rows = through_the_page_cache(cached_probe, arguments.pairs)
        finally:
            cached_probe.close()
        print("Servies par le cache des pages (Redis), médiane du temps CPU par requête :")
        for label, path, cpu_ms, queries in cached_rows:
            print(f"  {label:<20} {cpu_ms:5.2f} ms  {queries} requête(s) SQL  {path}")
    ours_probe = ours(arguments.database_url, redis_url=arguments.redis)
    peer_probe = peer(arguments.peer_folder, arguments.peer_settings)
    try:
        rows = compare(ours_probe, peer_probe, arguments.pairs)
    finally:
        ours_probe.close()
        peer_probe.close()
    print(report(rows, arguments.pairs))


if __name__ == "__main__":
    main()
