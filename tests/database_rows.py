"""Copies of a test database's rows, put back in a few milliseconds (tests/conftest.py, tests/e2e/conftest.py).

The copy is taken with plain SELECTs and restored with one INSERT per table: the values go back as
the database gave them, with no model code in between.
"""

from django.core.management.color import no_style
from django.db import transaction
from django.db.backends.postgresql.operations import DatabaseOperations as PostgreSQLOperations

# Django's own flush on PostgreSQL, kept for a flush that resets the sequences.
_TRUNCATE = PostgreSQLOperations.sql_flush


def copy_rows(connection):
    """[(table, columns, rows)] of every table the flush empties, in the database's own values."""
    copied = []
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - Django's own tables
            rows = cursor.fetchall()
            if rows:
                copied.append((table, [column[0] for column in cursor.description], rows))
    return copied


def put_rows_back(connection, copied, *, replace=False):
    """The rows of `copy_rows` inserted again, into empty tables or, with `replace`, instead of theirs.

    Foreign keys are deferred to the commit on both databases, so the tables' order does not matter.
    """
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if replace:
            tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
            for statement in connection.ops.sql_flush(no_style(), tables):
                cursor.execute(statement)
        for table, columns, rows in copied:
            names = ", ".join(quote(column) for column in columns)
            placeholders = ", ".join(["%s"] * len(columns))
            insert = f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})"  # noqa: S608 - Django's own tables
            cursor.executemany(insert, rows)


def delete_rows_instead_of_truncating(operations, style, tables, *, reset_sequences=False, allow_cascade=False):
    """PostgreSQL's flush in the tests: DELETE instead of TRUNCATE when no sequence is reset.

    Truncating the ~95 tables takes about 3 s per transactional test (each table gets new files);
    deleting the few rows a test leaves takes 0.1 s. The flush runs in one transaction, where the
    deferred foreign keys let the tables empty in any order. It first locks every table as TRUNCATE
    would: a request of the live server that is still finishing then completes before the flush
    starts, instead of deadlocking with it row by row.
    """
    if reset_sequences or not tables:
        return _TRUNCATE(operations, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
    names = [operations.quote_name(table) for table in tables]
    return [
        f"LOCK TABLE {', '.join(names)} IN ACCESS EXCLUSIVE MODE;",
        *(f"DELETE FROM {name};" for name in names),  # noqa: S608 - Django's own tables
    ]
