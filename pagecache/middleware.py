"""Whole pages for anonymous visitors, answered from Django's cache before any session or database work.

A request is served from the cache only when nothing about it can be personal: GET or HEAD, no
session, messages or Authorization credentials, not the admin, a preview or the health check, and
a query string made of listing parameters only. A response is stored only when nothing in it is
personal either: a 200 that sets no cookie, used no CSRF token, carries no message, varies on
nothing but the language (one language here) and says nothing itself about caching. Stored pages
tell a CDN to share them (`public`, `s-maxage`); pages that must never be shared say so (`private,
no-store`).

The key is the query string normalised: listing parameters in one order, empty ones dropped, and
tracking tags (`utm_*`, `fbclid`, `gclid`, `mc_cid`, `mc_eid` and PAGE_CACHE_IGNORED_PARAMETERS)
dropped from the key *and from the request the view sees*, so that the page under a key is exactly
the page rendered: a newsletter's or a social network's link is answered from the cache. Any other
parameter (free text such as `q`, a cache buster, a parameter some view reads that no listing
declared) reaches the view uncached, and its answer is not stored: it can cost a render, never an
entry in the cache.

Not cached, deliberately: 404s and redirects (cheap, and random addresses would fill the cache),
searches (free text makes every query unique, and each one is counted for the search statistics),
a listing asked for a filter value that matches nothing (`leave_uncached`: random values would
each make an entry), and query strings with a repeated or overlong listing parameter.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from .expiry import page_timeout
from .generation import current_generation, invalidation_pending

# Browsers keep a page this long at most: they cannot be purged, so after a publication a
# returning visitor sees the new version within a minute.
BROWSER_MAX_AGE = 60
NEVER_SHARED_PATHS = ("/admin/", "/healthz")
NEVER_CACHED_PATHS = (*NEVER_SHARED_PATHS, "/documents/")
# The query parameters that select a listing's page or filters; each listing app registers its own
# when it starts (register_listing_parameters). Any other parameter reaches the view uncached.
LISTING_PARAMETERS = set()
MAX_PARAMETER_LENGTH = 100  # the listings read no more of a value
# Tracking tags added by newsletters, social networks and ad platforms; PAGE_CACHE_IGNORED_PARAMETERS
# adds more. No page depends on them.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid"})
_UNCACHED = "_pagecache_uncached"
# The body does not depend on these: one language, no compression below this middleware, and
# stored pages come from requests without a session cookie.
HARMLESS_VARY = frozenset({"accept-language", "accept-encoding", "cookie"})
CREDENTIAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def register_listing_parameters(names):
    LISTING_PARAMETERS.update(names)


def leave_uncached(request):
    """For a view whose answer must not be stored, such as a listing asked for a value matching nothing."""
    setattr(request, _UNCACHED, True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        now = timezone.now()
        generation, key = cache_key(request) if settings.PAGE_CACHE_SECONDS > 0 else (None, None)
        if key:
            cached = cached_response(key, now)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if key and request.method == "GET" and storable(request, response):
            store(response, generation, key, now)
        elif personal(request, response) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


def anonymous(request):
    """Decided from the request alone: every way of being someone goes through one of these."""
    return not any(name in request.COOKIES for name in CREDENTIAL_COOKIES) and "HTTP_AUTHORIZATION" not in request.META


def is_tracking(name):
    return (
        name.startswith(TRACKING_PREFIXES)
        or name in TRACKING_PARAMETERS
        or name in settings.PAGE_CACHE_IGNORED_PARAMETERS
    )


def listing_query(query):
    """The listing parameters of `query`, sorted, without empty values and tracking tags.

    None when the query cannot be keyed: an unknown parameter, or a listing parameter repeated or
    longer than any value the listings read.
    """
    items = []
    for name, values in query.lists():
        if is_tracking(name):
            continue
        if name not in LISTING_PARAMETERS or len(values) > 1 or len(values[0]) > MAX_PARAMETER_LENGTH:
            return None
        if value := values[0].strip():
            items.append((name, value))
    return sorted(items)


def cache_key(request):
    """(generation, key) of the cached copy of this request's page, or (None, None) when it must reach the view."""
    if request.method not in ("GET", "HEAD") or not anonymous(request):
        return None, None
    # Wagtail renders a preview through this middleware, in a dummy request for the page's own URL.
    if getattr(request, "is_dummy", False) or request.path.startswith(NEVER_CACHED_PATHS):
        return None, None
    if invalidation_pending():
        return None, None
    items = listing_query(request.GET)
    if items is None:
        return None, None
    # The view sees what the key says, and nothing else.
    request.GET = QueryDict(mutable=True)
    for name, value in items:
        request.GET[name] = value
    request.GET._mutable = False
    url = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(items)}"
    generation = current_generation()
    return generation, f"pagecache:{generation}:page:{hashlib.sha256(url.encode()).hexdigest()}"


def cached_response(key, now):
    """The stored page if it is still right at `now`: the cache's own clock may not be the site's."""
    stored = cache.get(key)
    if stored is None:
        return None
    expires_at, status, headers, content = stored
    remaining = int(expires_at - now.timestamp())
    if remaining <= 0:
        return None
    response = HttpResponse(content, status=status, headers=headers)
    share(response, remaining)
    return response


def storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED") or shows_messages(request) or getattr(request, _UNCACHED, False):
        return False
    # A view that states its own caching (never_cache, a restricted page, a preview) is obeyed.
    if response.has_header("Cache-Control") or response.has_header("Content-Encoding"):
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return vary <= HARMLESS_VARY


def store(response, generation, key, now):
    timeout = page_timeout(generation, now)
    if timeout <= 0:
        return
    headers = dict(response.headers)
    cache.set(key, (now.timestamp() + timeout, response.status_code, headers, response.content), timeout)
    share(response, timeout)


def share(response, seconds):
    """A CDN keeps the page as long as this cache does; browsers a minute at most.

    `Vary: Cookie` whether or not the view read the session: a shared cache must never answer a
    signed-in editor with the anonymous copy.
    """
    patch_vary_headers(response, ("Cookie",))
    patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, seconds), s_maxage=seconds)


def personal(request, response):
    """Answers that belong to one visitor, or to staff: no shared cache may keep them."""
    return (
        request.method not in ("GET", "HEAD")
        or not anonymous(request)
        or request.path.startswith(NEVER_SHARED_PATHS)
        or getattr(request, "is_dummy", False)
        or bool(response.cookies)
        or bool(request.META.get("CSRF_COOKIE_USED"))
        or shows_messages(request)
    )


def shows_messages(request):
    """Messages added while answering are shown at once, and set no cookie when they are."""
    return len(get_messages(request)) > 0
