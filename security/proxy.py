"""What the reverse proxies vouch for, and nothing a visitor sent: the client's address and scheme.

Each proxy appends the address it received the request from to X-Forwarded-For, so the entries a
visitor wrote come first and the trusted ones last: with TRUSTED_PROXIES proxies in front of the
site, the visitor's address is the entry that many places from the right. Anything further left is
the visitor's own writing. X-Forwarded-Proto is read the same way (a proxy that overwrites the
header rather than appending leaves a single value, its own). Without a configured proxy both
headers are dropped: a visitor could otherwise claim HTTPS or any address.

Placed first among the middleware, so that Django's HTTPS redirect, the rate limits, django-axes
and the logs all see the same REMOTE_ADDR and scheme.
"""

from django.conf import settings

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
FORWARDED_PROTO = "HTTP_X_FORWARDED_PROTO"


def vouched(header, proxies):
    """The value written by the outermost trusted proxy, or None when the header is empty."""
    values = [value.strip() for value in header.split(",") if value.strip()]
    if not values:
        return None
    return values[-proxies] if len(values) >= proxies else values[0]


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta, proxies = request.META, settings.TRUSTED_PROXIES
        client = vouched(meta.get(FORWARDED_FOR, ""), proxies) if proxies else None
        scheme = vouched(meta.get(FORWARDED_PROTO, ""), proxies) if proxies else None
        meta.pop(FORWARDED_FOR, None)
        meta.pop(FORWARDED_PROTO, None)
        if client:
            meta["REMOTE_ADDR"] = client
        if scheme:
            meta[FORWARDED_PROTO] = scheme
        return self.get_response(request)
