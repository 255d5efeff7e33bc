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
import pickle  # noqa: S403 - only values this site stored itself
import threading
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property

from .expiry import lifetime
from .generation import current_generation, invalidation_pending
from .middleware import LISTING_PARAMETERS

FRAGMENT_SECONDS = 60
# Part of every key: raised when what a remembered value is made of changes (a tuple gains a part),
# so that a new release never reads what the previous one stored under the same generation.
FORMAT = 2
# A copy in this process of every value it read or stored, by the same key: a key names one
# generation, so once the request has read the current generation a copy is as right as the shared
# cache's, and a listing's dozen cards cost no round trip to Redis. Rendered HTML is kept as it is;
# any other value pickled, so that each request unpickles its own copy and none changes another's.
# The oldest copies make room.
LOCAL_COPIES = 2000
_local_copies = OrderedDict()
_local_lock = threading.Lock()


def _local_get(key):
    with _local_lock:
        stored = _local_copies.get(key)
        if stored is not None:
            _local_copies.move_to_end(key)
    if stored is None:
        return None
    ends, value = stored
    return ends, (value if isinstance(value, str) else pickle.loads(value))  # noqa: S301 - pickled below


def _local_set(key, ends, value):
    stored = ends, (value if isinstance(value, str) else pickle.dumps(value))
    with _local_lock:
        _local_copies[key] = stored
        while len(_local_copies) > LOCAL_COPIES:
            _local_copies.popitem(last=False)


def remembered(name, compute, follows_events=True, keep_none=True):
    """`compute()`, or the value it gave for `name` since the content last changed.

    The entry carries its own end, checked against the site's clock: the cache's clock may not be it.
    `follows_events=False` for a value that no event's start or end changes (a site setting): it is
    kept as long as a cached page, so that serving that page from the cache reads no database.
    `keep_none=False` when None means "nothing worth keeping", such as an address that leads nowhere.
    """
    if invalidation_pending():
        return compute()
    now = timezone.now()
    generation = current_generation()
    key = f"pagecache:{generation}:fragment:{FORMAT}:{hashlib.sha256(name.encode()).hexdigest()}"
    stored = _local_get(key)
    from_shared_cache = stored is None
    if from_shared_cache:
        stored = cache.get(key)
    if stored is not None and stored[0] > now.timestamp():
        if from_shared_cache:
            _local_set(key, *stored)
        return stored[1]
    value = compute()
    if value is None and not keep_none:
        return None
    if follows_events:
        seconds = lifetime(generation, now, FRAGMENT_SECONDS)
    else:
        seconds = max(FRAGMENT_SECONDS, settings.PAGE_CACHE_SECONDS)
    if seconds > 0:
        ends = now.timestamp() + seconds
        cache.set(key, (ends, value), seconds)
        _local_set(key, ends, value)
    return value


def remembered_if_shared(name, compute, **options):
    """`remembered`, when every process shares the cache (PAGE_FRAGMENTS, on with Redis), else computed
    afresh: for what must never be late, such as where an address leads or whether a page is private.
    A cache of one process's own would miss another process's change for up to FRAGMENT_SECONDS."""
    if not settings.PAGE_FRAGMENTS:
        return compute()
    return remembered(name, compute, **{"follows_events": False, **options})


def remembered_for_live_site(request, name, compute):
    """`remembered_if_shared` for what the live site shows; a preview reads its draft's afresh."""
    if not shared_rendering(request):
        return compute()
    return remembered_if_shared(name, compute)


def shared_rendering(request):
    """True when what this request renders is the live site, the same for every visitor."""
    return request is not None and not (
        getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)
        or getattr(request, "in_preview_panel", False)
    )


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
