"""Form posts under injected faults, against gunicorn with several workers: what was lost, what failed.

    .venv/bin/python -m tests.faults.measure [seconds per fault]

A measurement, not a test (nothing asserts): it starts a PostgreSQL, a Redis and an SMTP server of
its own (never the machine's), serves the site with gunicorn (3 workers, the development settings
with real SMTP), then for each fault posts join requests and newsletter subscriptions from 4 clients
for a while (each client's join form loaded before the fault starts, as a visitor's would be), and
counts per fault: posts made, acknowledged (the thank-you redirect), stored (found in the database
afterwards: a join request, a subscriber, or a subscription waiting for its task worker), lost
(acknowledged, not stored), 5xx, and the worst latency. The time-trap tokens are signed here, as if
each form had been served a minute earlier. KILLED kills a gunicorn worker every second; each client
retries a failed post once with the same token, as a person would press the button again, and
duplicates are counted.
"""

import collections
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager, nullcontext
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django.setup()

import psycopg  # noqa: E402
import requests  # noqa: E402

from django.conf import settings  # noqa: E402
from django.core import signing  # noqa: E402

from security.antispam import _SALT, TIME_TRAP_FIELD  # noqa: E402
from tests.smtp import SMTPServer  # noqa: E402

from .services import PostgreSQL, Redis, free_port, wait_until  # noqa: E402

CLIENTS = 4
KILLED = "un processus gunicorn tué chaque seconde"
WORKERS = 3
SETUP = """
from home.factories import make_site_home
from home.factories import StandardPageFactory
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
home = make_site_home()
network = StandardPageFactory(parent=home, title="Le réseau", slug="reseau")
add_join_form_fields(JoinFormPageFactory(parent=network))
"""


def token():
    return signing.dumps(time.time() - 60, salt=_SALT)


@contextmanager
def hanging_smtp(environment):
    """A listener that accepts connections and never says a word: a mail server that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(100)
        environment["EMAIL_PORT"] = str(listener.getsockname()[1])
        yield


class Site:
    def __init__(self, environment, log):
        self.environment = environment
        self.address = f"127.0.0.1:{free_port()}"
        command = [Path(sys.executable).with_name("gunicorn"), "config.wsgi", "--bind", self.address]
        command += ["--workers", str(WORKERS), "--timeout", "30"]
        self.process = subprocess.Popen(command, env=environment, stdout=log, stderr=log)  # noqa: S603
        wait_until(self.answers, 90, "gunicorn ne répond pas")

    def answers(self):
        try:
            return requests.get(f"http://{self.address}/healthz", timeout=5).status_code < 500
        except requests.RequestException:
            return False

    def workers(self):
        children = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True)  # noqa: S603, S607
        return [int(pid) for pid in children.stdout.split()]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.made = self.acknowledged = self.unavailable = self.server_errors = self.failures = 0
        self.worst = 0.0
        self.statuses = collections.Counter()
        self.acknowledged_emails = {"join": set(), "newsletter": set()}

    def post(self, session, url, data, kind, email):
        started = time.monotonic()
        try:
            # A visitor address of its own for each post (through the one trusted proxy): the per-IP
            # rate limits would otherwise answer 429 to the measurement itself.
            address = f"198.51.{random.randrange(256)}.{random.randrange(1, 255)}"
            headers = {"X-Forwarded-For": address}
            response = session.post(url, data=data, timeout=15, allow_redirects=False, headers=headers)
            status = response.status_code
        except requests.RequestException:
            status = None
        elapsed = time.monotonic() - started
        with self.lock:
            self.made += 1
            self.worst = max(self.worst, elapsed)
            self.statuses[status] += 1
            if status is None:
                self.failures += 1
            elif status == 503:
                self.unavailable += 1
            elif status >= 500:
                self.server_errors += 1
            elif status == 302 and "merci" in response.headers.get("Location", ""):
                self.acknowledged += 1
                self.acknowledged_emails[kind].add(email)
        return status


def open_join_form(site):
    """A visitor's browser with the join form loaded: its CSRF cookie, and the token the form carries."""
    session = requests.Session()
    page = session.get(f"http://{site.address}/reseau/rejoindre/", timeout=30)
    return session, dict(re.findall(r'name="(csrfmiddlewaretoken)" value="([^"]+)"', page.text))


def client(site, tally, until, retry, browser):
    session, csrf = browser
    while time.monotonic() < until:
        email = f"{uuid.uuid4().hex[:12]}@exemple.org"
        join = {
            **csrf,
            "nom_de_la_structure": "Structure de mesure",
            "type_de_structure": "Association",
            "commune": "Lille",
            "departement": "Nord",
            "nom_et_prenom_du_contact": "Camille Mesure",
            "courriel": email,
            "motivation": "Mesure sous panne.",
            "consentement": "on",
            TIME_TRAP_FIELD: token(),
        }
        newsletter = {"email": email, "consent": "on", TIME_TRAP_FIELD: token()}
        for kind, url, data in (
            ("join", f"http://{site.address}/reseau/rejoindre/", join),
            ("newsletter", f"http://{site.address}/newsletter/", newsletter),
        ):
            status = tally.post(session, url, data, kind, email)
            if retry and (status is None or status >= 500):
                tally.post(session, url, data, kind, email)  # the same form, sent again


# A subscription is recorded by a task worker (none runs here): until then it waits in the task queue,
# in the database, as safe as a subscriber row.
SUBSCRIPTION_TASK = "network.newsletter.subscriptions.record_subscription_request"
QUEUED = "django_tasks_database_dbtaskresult WHERE task_path = %s"


def stored(database_url):
    with psycopg.connect(database_url) as connection:
        joins = [row[0] for row in connection.execute("SELECT email FROM membership_membershiprequest")]
        subscribers = [row[0] for row in connection.execute("SELECT email FROM newsletter_subscriber")]
        queued = connection.execute(f"SELECT args_kwargs->'args'->>0 FROM {QUEUED}", [SUBSCRIPTION_TASK])  # noqa: S608
        subscribers += [row[0] for row in queued]
        connection.execute(f"DELETE FROM {QUEUED}", [SUBSCRIPTION_TASK])  # noqa: S608 - fixed table name
        connection.execute("DELETE FROM core_outgoingemail")
        connection.execute("DELETE FROM membership_membershiprequest")
        connection.execute("DELETE FROM newsletter_subscriber_themes")
        connection.execute("DELETE FROM newsletter_subscriber")
    return {"join": joins, "newsletter": subscribers}


def kill_workers(site, stop):
    while not stop.wait(1):
        workers = site.workers()
        if workers:
            os.kill(workers[0], signal.SIGKILL)


def measure(name, site, database_url, seconds, fault, retry=False):
    tally = Tally()
    # Loaded before the fault, as by visitors who were filling them in: a form that could not be
    # loaded would be posted without its CSRF token, and refused (403) before the database is asked.
    browsers = [open_join_form(site) for _ in range(CLIENTS)]
    stop = threading.Event()
    with fault:
        until = time.monotonic() + seconds
        killer = threading.Thread(target=kill_workers, args=(site, stop)) if name == KILLED else None
        if killer:
            killer.start()
        threads = [threading.Thread(target=client, args=(site, tally, until, retry, browser)) for browser in browsers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        stop.set()
        if killer:
            killer.join()
    wait_until(site.answers, 60, "le site ne revient pas")
    rows = stored(database_url)
    lost = sum(len(tally.acknowledged_emails[kind] - set(rows[kind])) for kind in rows)
    duplicates = sum(len(rows[kind]) - len(set(rows[kind])) for kind in rows)
    print(
        f"| {name} | {tally.made} | {tally.acknowledged} | {sum(len(r) for r in rows.values())} | {lost} "
        f"| {duplicates} | {tally.unavailable} | {tally.server_errors} | {tally.failures} | {tally.worst:.2f} s |",
        flush=True,
    )
    print(name, dict(tally.statuses), file=sys.stderr, flush=True)


def main(seconds):
    folder = Path(tempfile.mkdtemp(prefix="territoires-mesure-"))
    folder.chmod(0o755)
    postgresql, redis, smtp = PostgreSQL(folder / "postgresql"), Redis(folder / "redis"), SMTPServer()
    sites = []
    try:
        postgresql.start()
        redis.start()
        smtp.start()
        run(folder, postgresql, redis, smtp, sites, seconds)
    finally:
        for site in sites:
            if site.process.poll() is None:
                site.stop()
        smtp.stop()
        redis.stop()
        postgresql.destroy()


def run(folder, postgresql, redis, smtp, sites, seconds):
    database_url = f"postgres://postgres@127.0.0.1:{postgresql.port}/mesure"
    createdb = ["createdb", "-h", "127.0.0.1", "-p", str(postgresql.port), "-U", "postgres", "mesure"]
    subprocess.run(createdb, check=True)  # noqa: S603
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis.url,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_TRUSTED_PROXIES": "1",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=environment, check=True, cwd=settings.BASE_DIR)  # noqa: S603
    subprocess.run([*manage, "shell", "-c", SETUP], env=environment, check=True, cwd=settings.BASE_DIR)  # noqa: S603
    with open(folder / "gunicorn.log", "w") as log:
        site = Site(environment, log)
        sites.append(site)
        print("| panne | envois | acquittés | stockés | perdus | doublons | 503 | autres 5xx | coupés | latence max |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        faults = [
            ("aucune", nullcontext()),
            ("Redis arrêté", redis.stopped()),
            ("Redis gelé (SIGSTOP)", redis.frozen()),
            ("PostgreSQL arrêté", postgresql.stopped()),
            ("PostgreSQL gelé (SIGSTOP)", postgresql.frozen()),
            (KILLED, nullcontext()),
        ]
        for name, fault in faults:
            measure(name, site, database_url, seconds, fault, retry=name == KILLED)
        site.stop()
        smtp_environment = {**environment}
        with hanging_smtp(smtp_environment):
            site = Site(smtp_environment, log)
            sites.append(site)
            measure("SMTP qui ne répond pas", site, database_url, seconds, nullcontext())


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10)
