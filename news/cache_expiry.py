"""When the editorial content changes by itself: at the next start or end of a live event.

Registered with the page cache (pagecache.expiry) when the app starts.
"""

from django.db.models import Min, Q

from .models import EditorialPage


def next_event_boundary(now):
    """The next moment a live event starts or ends, in one query on the indexed `ends_at`.

    An event that starts later also ends later, so `ends_at > now` selects every candidate.
    """
    moments = EditorialPage.objects.filter(live=True, ends_at__gt=now).aggregate(
        start=Min("starts_at", filter=Q(starts_at__gt=now)), end=Min("ends_at")
    )
    return min((moment for moment in moments.values() if moment), default=None)
