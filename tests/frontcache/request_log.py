"""Which requests reached Django: one line per request in the file named by FRONT_CACHE_REQUEST_LOG.

Outermost middleware, so that a page served by the page cache counts too: what the front cache
answers itself is exactly what never shows here.
"""

import os
from pathlib import Path


def write_down(get_response):
    log = Path(os.environ["FRONT_CACHE_REQUEST_LOG"])

    def middleware(request):
        with log.open("a") as lines:
            lines.write(f"{request.method} {request.get_full_path()}\n")
        return get_response(request)

    return middleware


def reached(log, method, full_path):
    """How many times Django received `method full_path`."""
    lines = Path(log).read_text().splitlines() if Path(log).exists() else []
    return lines.count(f"{method} {full_path}")
