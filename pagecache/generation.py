"""The page cache's generation: part of every cached page's key, so that one increment retires them all.

Why the whole site rather than the pages of one URL: a single publication changes the page itself,
its index, the home page's « Dernières actualités » and « Prochains événements », the dossiers and
theme lists it appears in, the recommendations of every page sharing a tag with it, the menus and
the sitemap. No list of URLs can be computed reliably for that (filtered and paginated listings
multiply them), and editors publish a few times a day while visitors read all day long: retiring
everything is always correct and costs one re-render per page visited. Entries of older
generations are never read again and expire by themselves.

An increment that cannot reach the cache (Redis down or frozen for a moment) is not lost: this
process stops serving and storing pages (`invalidation_pending`) and retries in the background until
the cache takes it. Otherwise a page just made private would come back from the cache with Redis.
"""

import logging
import threading
import time

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
RETRY_SECONDS = 0.5
_pending = threading.Event()
_retrying = threading.Lock()
# What a request has read from the cache about the generation, read again by each fragment of its page
# otherwise (a round trip to Redis each). Only while a request runs: a worker or a shell reads afresh.
_request = threading.local()


def request_started(**kwargs):
    _request.memo = {}


def request_finished(**kwargs):
    _request.memo = None


def request_memo():
    """This request's memo (a dict), or None outside a request."""
    return getattr(_request, "memo", None)


def _fresh_generation():
    """A number no lost generation can come back to: the clock in microseconds, increments by one."""
    return time.time_ns() // 1000


def current_generation():
    memo = request_memo()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        candidate = _fresh_generation()
        cache.add(GENERATION_KEY, candidate, timeout=None)
        # A cache that is down answers None again: the page is then neither found nor stored.
        generation = cache.get(GENERATION_KEY) or candidate
    if memo is not None:
        memo["generation"] = generation
    return generation


def invalidation_pending():
    """True while an increment of this process has not reached the cache: no page may come from it."""
    return _pending.is_set()


def _increment():
    """True once the cache holds a generation no page was stored under; a cache ignoring its errors answers None."""
    try:
        return cache.incr(GENERATION_KEY) is not None
    except ValueError:  # no generation stored: a fresh one, unused so far (or another process's)
        return cache.add(GENERATION_KEY, _fresh_generation(), timeout=None) is not None


def _increment_surely():
    if not _increment():
        logger.error("Page cache unreachable: its invalidation is retried, pages are served uncached meanwhile")
        _pending.set()
        if _retrying.acquire(blocking=False):
            threading.Thread(target=_retry, name="pagecache-invalidation", daemon=True).start()


def _retry():
    """One increment retires everything: the failed ones of this process are made up by the first that lands."""
    try:
        while not _increment():
            time.sleep(RETRY_SECONDS)
        _pending.clear()
        logger.warning("Page cache reachable again: invalidation done")
    finally:
        _retrying.release()


def bump_generation():
    """Retire every cached page now, and again once the current transaction commits.

    Now, for the rest of this request and for callers outside a transaction; after the commit,
    because a visitor's page rendered between the first increment and the commit read the data
    as it was before and must not outlive it.
    """
    if (memo := request_memo()) is not None:
        memo.clear()
    _increment_surely()
    transaction.on_commit(_increment_surely)
