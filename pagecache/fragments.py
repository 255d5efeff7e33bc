"""Values derived from many pages, remembered until the content changes.

A listing's filter choices (the themes and tags its pages use) and its number of pages each cost a
pass over every listed page: tens of milliseconds at 20,000 pages, and growing. The ranking of a
page's « contenus similaires » (news.recommendations) is most of that page's cost. They are kept under
the page cache's generation, which any change visitors can see retires (pagecache.invalidation), and
expire at the next start or end of an event, since the agenda's counts move then. Unlike whole pages
they are kept with or without Redis: without it each process has its own copy and may miss another
process's change, so an entry lives FRAGMENT_SECONDS at most, and a count or a filter list is then at
worst a minute late, while the cards themselves are always read fresh.
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property

from .expiry import lifetime
from .generation import current_generation, invalidation_pending
from .middleware import LISTING_PARAMETERS

FRAGMENT_SECONDS = 60


def remembered(name, compute):
    """`compute()`, or the value it gave for `name` since the content last changed.

    The entry carries its own end, checked against the site's clock: the cache's clock may not be it.
    """
    if invalidation_pending():
        return compute()
    now = timezone.now()
    generation = current_generation()
    key = f"pagecache:{generation}:fragment:{hashlib.sha256(name.encode()).hexdigest()}"
    stored = cache.get(key)
    if stored is not None and stored[0] > now.timestamp():
        return stored[1]
    value = compute()
    seconds = lifetime(generation, now, FRAGMENT_SECONDS)
    if seconds > 0:
        cache.set(key, (now.timestamp() + seconds, value), seconds)
    return value


class RememberedCountPaginator(Paginator):
    """Django's Paginator, with the total for this address and its filters remembered (`remembered`)."""

    def __init__(self, object_list, per_page, request):
        super().__init__(object_list, per_page)
        # Listing parameters only: any other would make a new entry for the same count.
        filters = sorted(
            (name, value) for name, value in request.GET.items() if name in LISTING_PARAMETERS and name != "page"
        )
        self.count_name = f"count:{request.path}?{urlencode(filters)}"

    @cached_property
    def count(self):
        if self.object_list.query.is_empty():
            # A value matching nothing: no query to save, and random values must not each make an entry.
            return 0
        return remembered(self.count_name, lambda: Paginator.count.func(self))
