"""The page cache's generation: part of every cached page's key, so that one increment retires them all.

Why the whole site rather than the pages of one URL: a single publication changes the page itself,
its index, the home page's « Dernières actualités » and « Prochains événements », the dossiers and
theme lists it appears in, the recommendations of every page sharing a tag with it, the menus and
the sitemap. No list of URLs can be computed reliably for that (filtered and paginated listings
multiply them), and editors publish a few times a day while visitors read all day long: retiring
everything is always correct and costs one re-render per page visited. Entries of older
generations are never read again and expire by themselves.
"""

import time

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "pagecache:generation"


def _fresh_generation():
    """A number no lost generation can come back to: the clock in microseconds, increments by one."""
    return time.time_ns() // 1000


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        candidate = _fresh_generation()
        cache.add(GENERATION_KEY, candidate, timeout=None)
        # A cache that is down answers None again: the page is then neither found nor stored.
        generation = cache.get(GENERATION_KEY) or candidate
    return generation


def _increment():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation stored: the next request starts a new one, unused so far
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)


def bump_generation():
    """Retire every cached page now, and again once the current transaction commits.

    Now, for the rest of this request and for callers outside a transaction; after the commit,
    because a visitor's page rendered between the first increment and the commit read the data
    as it was before and must not outlive it.
    """
    _increment()
    transaction.on_commit(_increment)
