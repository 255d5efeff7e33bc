"""Query budgets: a page type renders in a fixed number of SQL queries whatever the content size."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


def queries_to_render(client, url):
    """SQL queries for one anonymous view of `url`, once renditions and caches are warm.

    The page cache is off: it would answer the second view in no query at all.
    """
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(captured)


def assert_query_budget(client, url, budget, grow, sizes=(2, 20)):
    """Render `url` after `grow(n)` has added content for each size; each render costs `budget`."""
    counts = {}
    total = 0
    for size in sizes:
        grow(size - total)
        total = size
        counts[size] = queries_to_render(client, url)
    assert counts == dict.fromkeys(sizes, budget), f"queries by content size for {url}: {counts}, budget {budget}"
