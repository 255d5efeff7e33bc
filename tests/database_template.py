"""One migrated test database per run, copied for each pytest-xdist worker instead of migrated by each.

Migrating an empty database costs about 10 s of CPU in Python (20 s of wall time on PostgreSQL),
and every worker used to pay it. Under pytest-xdist the main process now starts a child at the start
of the run (`python -m tests.database_template FOLDER`) that migrates a template while the workers
start and collect: the database `<test database>_template` on PostgreSQL, a file in FOLDER on SQLite.
Each worker's test database is then a copy of it: `CREATE DATABASE … TEMPLATE …` on PostgreSQL
(0.1 s), SQLite's backup into the worker's in-memory database (a millisecond). Without pytest-xdist,
with --reuse-db or --nomigrations, the databases are made as pytest-django makes them.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

# The run's folder, given by the main process to its workers: the template, the media files and the
# contents built once for all the workers (tests/database_rows.py). config/settings/test.py reads it too.
RUN_FOLDER_VARIABLE = "TERRITOIRES_TEST_RUN_FOLDER"
READY, FAILED = "ready.json", "failed.txt"
WAIT_SECONDS = 600


class TemplateBuilder:
    """The child that migrates the template; `finish()` has it drop the template, waits for it, and
    removes the run's folder."""

    def __init__(self, base_dir):
        self.folder = Path(tempfile.mkdtemp(prefix="territoires-test-db-"))
        command = [sys.executable, "-m", "tests.database_template", str(self.folder)]
        with open(self.folder / "build.log", "w") as log:
            self.process = subprocess.Popen(command, cwd=base_dir, stdin=subprocess.PIPE, stdout=log, stderr=log)  # noqa: S603
        # Read by the workers, which inherit the environment when pytest-xdist starts them.
        os.environ[RUN_FOLDER_VARIABLE] = str(self.folder)

    def finish(self):
        os.environ.pop(RUN_FOLDER_VARIABLE, None)
        self.process.stdin.close()
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def clone_instead_of_migrating(connections):
    """In a worker: each connection's test database will be created as a copy of the run's template."""
    folder = os.environ.get(RUN_FOLDER_VARIABLE)
    if not folder:
        return
    for connection in connections.all():
        if connection.vendor in ("postgresql", "sqlite"):
            migrate = connection.creation.create_test_db
            connection.creation.create_test_db = _cloning(connection, Path(folder), migrate)


def drop_with_force(connections):
    """Each PostgreSQL test database dropped at the run's end even if a connection to it is still open.

    A thread the last tests left behind (a live server's request, the frozen cache's client) can keep
    one; Django's plain DROP then failed ("being accessed by other users") and the database stayed.
    """
    for connection in connections.all():
        if connection.vendor == "postgresql":
            connection.creation._destroy_test_db = _dropping_with_force(connection)


def _dropping_with_force(connection):
    def destroy_test_db(test_database_name, verbosity):
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE {connection.ops.quote_name(test_database_name)} WITH (FORCE)")

    return destroy_test_db


def _cloning(connection, folder, migrate):
    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        from django.conf import settings
        from django.core.management import call_command

        template = _wait_for_template(folder, connection.alias)
        if template is None or keepdb:
            return migrate(verbosity=verbosity, autoclobber=autoclobber, serialize=serialize, keepdb=keepdb)
        test_name = connection.creation._get_test_db_name()
        if connection.vendor == "postgresql":
            quote = connection.ops.quote_name
            with connection.creation._nodb_cursor() as cursor:
                # A database left by an interrupted run goes, as Django's own creation does without --reuse-db.
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
                cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        if serialize:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        call_command("createcachetable", database=connection.alias)
        connection.ensure_connection()
        return test_name

    return create_test_db


def _wait_for_template(folder, alias):
    """The template's name (PostgreSQL) or file (SQLite) for `alias`, once migrated; None if it has none."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not (folder / READY).exists():
        if (folder / FAILED).exists():
            raise RuntimeError(f"La base modèle des tests n'a pas pu être créée :\n{(folder / FAILED).read_text()}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"La base modèle des tests n'est toujours pas prête après {WAIT_SECONDS} s ({folder}).")
        time.sleep(0.1)
    return json.loads((folder / READY).read_text()).get(alias)


def _build(folder):
    """Migrate a template for each connection, say so in FOLDER, wait for the run's end, drop them."""
    import django

    django.setup()
    from django.db import connections

    templates = {}
    try:
        for connection in connections.all():
            if connection.vendor == "postgresql":
                name = f"{connection.creation._get_test_db_name()}_template"
            elif connection.vendor == "sqlite":
                name = str(folder / f"{connection.alias}.sqlite3")
            else:
                continue
            connection.settings_dict["TEST"]["NAME"] = name
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            connection.close()  # PostgreSQL copies a template only when nobody is connected to it
            templates[connection.alias] = name
    except Exception:
        (folder / FAILED).write_text(traceback.format_exc())
        raise
    (folder / f"{READY}.part").write_text(json.dumps(templates))
    (folder / f"{READY}.part").rename(folder / READY)

    sys.stdin.read()  # until the main process closes it, or ends
    for alias, name in templates.items():
        connection = connections[alias]
        if connection.vendor == "postgresql":
            connection.creation._destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    _build(Path(sys.argv[1]))
