"""How long a cached page stays right: events move from « à venir » to « passés » as time goes by.

The agenda, « Prochains événements » on the home page, latest-content blocks and recommendations
all hide events whose end has passed (news.models.querysets: `upcoming_events`, `not_over`).
No publication happens at that moment, so no generation bump either: a cached page must expire
by itself at the next start or end of an event, whichever comes first.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min, Q

NO_BOUNDARY_SECONDS = 24 * 3600  # no event ahead: the next publication bumps the generation anyway


def next_event_boundary(now):
    """The next moment a live event starts or ends, in one query on the indexed `ends_at`.

    An event that starts later also ends later, so `ends_at > now` selects every candidate.
    """
    from news.models import EditorialPage

    moments = EditorialPage.objects.filter(live=True, ends_at__gt=now).aggregate(
        start=Min("starts_at", filter=Q(starts_at__gt=now)), end=Min("ends_at")
    )
    return min((moment for moment in moments.values() if moment), default=None)


def _boundary(generation, now):
    """`next_event_boundary`, cached until that moment for this generation (a publication resets it)."""
    key = f"pagecache:{generation}:next-event-boundary"
    stored = cache.get(key)
    if stored is not None and (stored["at"] is None or stored["at"] > now):
        return stored["at"]
    at = next_event_boundary(now)
    lifetime = NO_BOUNDARY_SECONDS if at is None else int((at - now).total_seconds())
    if lifetime > 0:
        cache.set(key, {"at": at}, lifetime)
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
