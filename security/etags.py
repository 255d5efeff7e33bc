"""ETags for generated pages that the anti-spam time trap does not change.

Every page carries the footer's subscription form, and the form its signed time trap (antispam.py),
new at each rendering: an ETag hashed from the whole body would never match, and no page could
answer 304 without the page cache. The hash here leaves the trap's value out, so a browser or a feed
reader that asks again gets 304 as long as the rest is unchanged, and keeps its copy with an older
token, which the trap accepts as it accepts a page cached for minutes (SPAM_MAX_AGE_SECONDS).
A CSRF token is not left out: a page that shows one changes at each response, as it must.
"""

import hashlib
import re

from django.utils.cache import get_max_age, quote_etag

from .antispam import TIME_TRAP_FIELD

TIME_TRAP_VALUE = re.compile(rb'(name="' + TIME_TRAP_FIELD.encode() + rb'" value=")[^"]*')


class StableETagMiddleware:
    """Sets the ETag that ConditionalGetMiddleware (above) compares with If-None-Match."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
            and not response.has_header("ETag")
            and "no-store" not in response.get("Cache-Control", "")
            and get_max_age(response) != 0
        ):
            body = TIME_TRAP_VALUE.sub(rb"\1", response.content)
            response["ETag"] = quote_etag(hashlib.md5(body, usedforsecurity=False).hexdigest())
        return response
