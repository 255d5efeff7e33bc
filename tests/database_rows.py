"""Copies of a test database's rows, put back in a few milliseconds (tests/conftest.py, built_once).

The copy is taken with plain SELECTs and restored with one INSERT per table: the values go back as
the database gave them, with no model code in between.
"""

import fcntl
import os
import pickle
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core.cache import caches
from django.db import connections, transaction
from django.db.backends.postgresql.operations import DatabaseOperations as PostgreSQLOperations
from django.test import Client

from tests.database_template import RUN_FOLDER_VARIABLE

# Django's own flush on PostgreSQL, kept for a flush that resets the sequences.
_TRUNCATE = PostgreSQLOperations.sql_flush


# What each `built_once` content left: the rows of every database, by alias, and what its build returned.
_BUILT = {}


def built_once(name, build):
    """The content `build()` makes, built once per run and put back for every test that asks for `name`.

    Building the demo or the browser layer's page set takes seconds; every later test that asks gets
    the copied rows back in place of what its tables hold (a few milliseconds) and what `build()`
    returned the first time: ids and plain values, not model instances, which would carry stale state.
    Sequences are not rewound, so the ids that tests create afterwards never meet the copied ones.

    Under pytest-xdist the first worker that asks builds it and leaves the copy in the run's folder;
    the other workers read it there (waiting while it is being built) instead of building it again.
    The workers' test databases are copies of one template and their media folder is the run's
    (config/settings/test.py), so the copied rows mean the same in each.
    """
    if name in _BUILT:
        _put_back(_BUILT[name][0])
        return _BUILT[name][1]
    with _shared_copy(name) as shared:
        if shared is not None and shared.exists():
            _BUILT[name] = pickle.loads(shared.read_bytes())  # noqa: S301 - written by this run's own workers
            _put_back(_BUILT[name][0])
            for connection in connections.all():
                _advance_sequences_past(connection, _BUILT[name][0][connection.alias])
        else:
            result = build()
            _BUILT[name] = ({connection.alias: copy_rows(connection) for connection in connections.all()}, result)
            if shared is not None:
                shared.with_suffix(".part").write_bytes(pickle.dumps(_BUILT[name]))
                shared.with_suffix(".part").rename(shared)
    return _BUILT[name][1]


def _put_back(rows):
    for connection in connections.all():
        put_rows_back(connection, rows[connection.alias])


@contextmanager
def _shared_copy(name):
    """The path of the run's copy of `name`, held under a lock so that one worker builds it at a time.

    None without pytest-xdist: the process has no run folder, nor anyone to share with.
    """
    folder = os.environ.get(RUN_FOLDER_VARIABLE)
    if not folder:
        yield None
        return
    path = Path(folder) / f"built-{name.replace(' ', '-')}.pickle"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield path
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _advance_sequences_past(connection, copied):
    """PostgreSQL's id sequences moved past the copied rows' ids, which another worker's build gave them.

    SQLite needs nothing: an inserted id above its counter moves the counter.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        sequences = [
            (sequence["table"], sequence["column"])
            for table, _columns, rows in copied
            if rows
            for sequence in connection.introspection.get_sequences(cursor, table)
        ]
        quote = connection.ops.quote_name
        statements = [
            f"SELECT setval(pg_get_serial_sequence('{quote(table)}', '{column}'), "  # noqa: S608 - Django's own tables
            f"GREATEST((SELECT MAX({quote(column)}) FROM {quote(table)}), "
            f"nextval(pg_get_serial_sequence('{quote(table)}', '{column}'))))"
            for table, column in sequences
        ]
        if statements:
            cursor.execute("; ".join(statements))


def make_renditions(addresses):
    """Each address visited once, so that the renditions its pictures ask for are in a built content's rows.

    A test's own renditions go with its rollback or its flush: each test that showed a picture
    encoded it again (an AVIF takes 0.1 to 0.2 s). The caches the visits filled are emptied.
    """
    client = Client()
    for address in addresses:
        client.get(address)
    for cache in caches.all():
        cache.clear()


def copy_rows(connection):
    """[(table, columns, rows)] of every table the flush empties, in the database's own values.

    Virtual tables are left to the database: on SQLite the search's full-text table (FTS5) follows
    the index entries through triggers, as they are deleted and inserted again.
    """
    copied = []
    with connection.cursor() as cursor:
        for table, columns in _model_tables(connection):
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            cursor.execute(f"SELECT {names} FROM {connection.ops.quote_name(table)}")  # noqa: S608 - Django's own tables
            copied.append((table, columns, cursor.fetchall()))
    return copied


def put_rows_back(connection, copied):
    """The tables of `copy_rows` emptied, then given back the copied rows.

    Foreign keys are deferred to the commit on both databases, so the tables' order does not matter.
    """
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # One round trip for all the tables: on PostgreSQL, one statement each took 12 ms in all.
        deletions = [f"DELETE FROM {quote(table)}" for table, _columns, _rows in copied]  # noqa: S608 - Django's own tables
        if connection.vendor == "sqlite":  # its driver runs one statement per call
            for deletion in deletions:
                cursor.execute(deletion)
        else:
            cursor.execute("; ".join(deletions))
        for table, columns, rows in copied:
            if rows:
                names = ", ".join(quote(column) for column in columns)
                placeholders = ", ".join(["%s"] * len(columns))
                insert = f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})"  # noqa: S608 - Django's own tables
                cursor.executemany(insert, rows)


def _model_tables(connection):
    """(table, columns) of each model's own table that exists in this database, virtual tables aside."""
    existing = set(connection.introspection.table_names()) - _virtual_tables(connection)
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        options = model._meta
        if not options.proxy and options.db_table in existing:
            tables[options.db_table] = [field.column for field in options.local_concrete_fields]
    return sorted(tables.items())


def delete_rows_instead_of_truncating(operations, style, tables, *, reset_sequences=False, allow_cascade=False):
    """PostgreSQL's flush in the tests: DELETE instead of TRUNCATE when no sequence is reset.

    Truncating the ~105 tables takes about 3 s per transactional test (each table gets new files);
    deleting the few rows a test leaves takes milliseconds. The flush runs in one transaction, where
    the deferred foreign keys let the tables empty in any order. It first locks every table as TRUNCATE
    would: a request of the live server that is still finishing then completes before the flush
    starts, instead of deadlocking with it row by row. One statement in all, sent in one round trip
    (one per table took 20 ms of the flush's 22).
    """
    if reset_sequences or not tables:
        return _TRUNCATE(operations, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
    names = [operations.quote_name(table) for table in tables]
    deletions = " ".join(f"DELETE FROM {name};" for name in names)  # noqa: S608 - Django's own tables
    return [f"LOCK TABLE {', '.join(names)} IN ACCESS EXCLUSIVE MODE; {deletions}"]


def _virtual_tables(connection):
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        return {name for (name,) in cursor.fetchall()}
