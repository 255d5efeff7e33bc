"""Waiting for a tab to fall quiet, so that what its scripts fetch after the load event is seen.

Playwright's own "networkidle" wants 500 ms without a request on every visit; over the page kinds
visited one after the other (test_every_page_kind.py), that silence was most of the tests' time. A
tab watched here counts its requests in flight and is quiet after QUIET_MS without one.
"""

QUIET_MS = 150
POLL_MS = 25


def watch_requests(page):
    """From now on, `page.requests_in_flight` holds what the tab has asked for and not yet received.

    A request that fails (the run cuts off every other server) or is cancelled leaves it too.
    """
    in_flight = set()
    # Playwright takes Python functions as listeners, not a set's built-in methods.
    page.on("request", lambda request: in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: in_flight.discard(request))
    page.requests_in_flight = in_flight


def visit(page, path):
    """`path` opened in the tab, which is then left to fall quiet; returns its answer."""
    response = page.goto(path)
    wait_until_quiet(page)
    return response


def wait_until_quiet(page, timeout_ms=10_000):
    """Until the tab, loaded, has had no request in flight for QUIET_MS (see `watch_requests`)."""
    page.wait_for_load_state("load")
    quiet = waited = 0
    while quiet < QUIET_MS:
        if waited >= timeout_ms:
            pending = sorted(request.url for request in page.requests_in_flight)
            raise TimeoutError(f"still waiting after {timeout_ms} ms for {pending}")
        page.wait_for_timeout(POLL_MS)
        waited += POLL_MS
        quiet = 0 if page.requests_in_flight else quiet + POLL_MS
