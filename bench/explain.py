"""PostgreSQL's plans for the SQL of a few pages: the slowest queries and any sequential scan of a big table."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

SLOWEST = 3
BIG_TABLE_ROWS = 1000  # a sequential scan over fewer rows costs less than an index lookup would


def explain_pages(paths):
    """A text report for {label: path}: each page rendered once warm, each of its SELECTs explained."""
    client = Client(HTTP_HOST="127.0.0.1")
    sections = []
    for label, path in paths.items():
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        plans = [explain(query["sql"]) for query in captured.captured_queries if query["sql"].startswith("SELECT")]
        plans.sort(key=lambda plan: plan.milliseconds, reverse=True)
        shown = [plan for rank, plan in enumerate(plans) if rank < SLOWEST or plan.big_scans]
        sections.append(f"=== {label} ({path}) : {len(plans)} SELECT, les plus lents et les parcours séquentiels")
        sections.extend(plan.text() for plan in shown)
    return "\n\n".join(sections)


class Plan:
    def __init__(self, sql, lines):
        self.sql, self.lines = sql, lines
        self.milliseconds = float(re.search(r"Execution Time: ([\d.]+) ms", lines[-1])[1])
        scanned = set(re.findall(r"Seq Scan on (\w+)", "\n".join(lines)))
        self.big_scans = {table: rows for table, rows in table_rows(scanned).items() if rows >= BIG_TABLE_ROWS}

    def text(self):
        scans = ", ".join(f"{table} ({rows} lignes)" for table, rows in sorted(self.big_scans.items()))
        return "\n".join(
            [
                f"--- {self.milliseconds:.2f} ms" + (f" — parcours séquentiel de : {scans}" if scans else ""),
                self.sql,
                *self.lines,
            ]
        )


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return Plan(sql, [row[0] for row in cursor.fetchall()])


def table_rows(tables):
    if not tables:
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples::bigint FROM pg_class WHERE relname = ANY(%s)", [list(tables)])
        return dict(cursor.fetchall())
