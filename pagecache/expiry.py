"""How long a cached page stays right: some content changes by itself as time goes by.

An event moves from « à venir » to « passés » when it ends, and the agenda, the home page's lists
and recommendations change then, with no publication and so no generation bump. Apps register an
expiry source when they start: a function of `now` that returns the next moment their content
changes by itself (or None). A cached page expires at the earliest of those moments.
"""

from django.conf import settings
from django.core.cache import cache

from .generation import request_memo

NO_BOUNDARY_SECONDS = 24 * 3600  # nothing ahead: the next publication bumps the generation anyway
_sources = []


def register_expiry_source(next_change):
    if next_change not in _sources:
        _sources.append(next_change)


def next_boundary(now):
    """The earliest moment any registered source changes by itself after `now`, or None."""
    return min((moment for moment in (source(now) for source in _sources) if moment), default=None)


def _boundary(generation, now):
    """`next_boundary`, cached until that moment for this generation (a publication resets it)."""
    key = f"pagecache:{generation}:next-event-boundary"
    memo = request_memo()
    stored = memo.get(key) if memo is not None else None
    if stored is None:
        stored = cache.get(key)
        if memo is not None and stored is not None:
            memo[key] = stored
    if stored is not None and (stored["at"] is None or stored["at"] > now):
        return stored["at"]
    at = next_boundary(now)
    lifetime = NO_BOUNDARY_SECONDS if at is None else int((at - now).total_seconds())
    if lifetime > 0:
        cache.set(key, {"at": at}, lifetime)
        if memo is not None:
            memo[key] = {"at": at}
    return at


def page_timeout(generation, now):
    """Seconds a page rendered `now` stays right: PAGE_CACHE_SECONDS, or less before an event boundary."""
    return lifetime(generation, now, settings.PAGE_CACHE_SECONDS)


def lifetime(generation, now, ceiling):
    """`ceiling` seconds, or fewer when an event starts or ends sooner.

    Rounded down: nothing is kept past the boundary; 0 means not worth keeping.
    """
    seconds = ceiling
    at = _boundary(generation, now)
    if at is not None:
        seconds = min(seconds, int((at - now).total_seconds()))
    return max(seconds, 0)
