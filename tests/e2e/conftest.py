"""A real Chromium, driven by Playwright, against the site served by pytest-django's live server."""

import os
import re
import threading
import time

import pytest
from playwright.sync_api import sync_playwright

from django.core.handlers.wsgi import WSGIHandler
from django.db import connections

from tests.e2e.page_set import load_page_set
from tests.e2e.quiet import watch_requests

# Playwright's sync API keeps an asyncio event loop alive in the test thread (it switches to it
# through greenlets). From then on Django sees a "running loop" in that thread and refuses every ORM
# call (SynchronousOnlyOperation), although factories and fixtures call it synchronously, outside
# any coroutine. The browser is session-scoped, so the loop outlives this folder: the flag must be
# set for the whole run, hence at import time rather than in a fixture.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
# The admin at the size of the editors' guide's screenshots (docs/img/).
ADMIN_VIEWPORT = {"width": 1280, "height": 900}
# Debian's Chromium, headless; Playwright's downloaded browsers are not used. The flags stop it
# from calling Google services (updates, sync, field trials) so that a test run stays offline.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _serialized_contents():
    return {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One Chromium for the whole run: starting it costs more than most tests.

    Once Playwright's loop runs in this thread, Django keeps database connections per async context
    instead of per thread, so the test thread gets new connection objects. Those lack the (empty)
    snapshot that marks a serialized rollback (tests/conftest.py's django_db_setup): without it the
    flush after each test would run post_migrate and recreate content types and permissions under
    new ids. The snapshot is carried over.
    """
    snapshots = _serialized_contents()
    with sync_playwright() as playwright:
        for alias, contents in snapshots.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _RequestsInFlight:
    """How many requests the live server is answering: a page closed at the end of a test may have
    left one running (an autosave, a preview), which must finish before the database is emptied. On
    SQLite the live server shares the test's in-memory connection, so such a request would otherwise
    write into the flush's transaction and break its foreign keys."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    def wrap(self, call):
        def counted(handler, environ, start_response):
            with self.lock:
                self.count += 1
            try:
                return call(handler, environ, start_response)
            finally:
                with self.lock:
                    self.count -= 1

        return counted

    def wait_until_idle(self, seconds=10):
        deadline = time.monotonic() + seconds
        while self.count and time.monotonic() < deadline:
            time.sleep(0.02)


_IN_FLIGHT = _RequestsInFlight()
# The live server answers through Django's WSGIHandler; the test client does not.
WSGIHandler.__call__ = _IN_FLIGHT.wrap(WSGIHandler.__call__)


def _close(context):
    context.close()
    _IN_FLIGHT.wait_until_idle()


def _new_page(browser, live_server, **context_options):
    context = browser.new_context(locale="fr-FR", base_url=live_server.url, **context_options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context per test: no cookie, storage or focus leaks from one test to the next."""
    context, page = _new_page(browser, live_server)
    yield page
    _close(context)


@pytest.fixture
def page_without_javascript(browser, live_server):
    context, page = _new_page(browser, live_server, java_script_enabled=False)
    yield page
    _close(context)


@pytest.fixture
def site_pages(transactional_db, django_db_serialized_rollback, settings):
    """The page set of tests/e2e/page_set.py, committed where the live server's thread sees it.

    Each transactional test ends by emptying the tables and putting the migrated rows back
    (tests/conftest.py), so nothing one test changes reaches the next.
    Returns the content page (inside the "Le réseau" menu section).
    """
    settings.ROOT_URLCONF = "tests.e2e.urls"
    return load_page_set()


@pytest.fixture
def admin_page(page):
    """A browser tab at the size of the guide's screenshots that makes no request outside the site.

    Wagtail's admin asks gravatar.com for the avatars of staff: the request is cut off. What breaks
    the admin's scripts (a missing static file, a controller that fails) is kept in `page.script_errors`.
    Its requests in flight are counted, for `tests.e2e.quiet.wait_until_quiet`.
    """
    page.set_viewport_size(ADMIN_VIEWPORT)
    watch_requests(page)
    page.context.route(re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])"), lambda route: route.abort())
    page.script_errors = []

    def on_console(message):
        # Stimulus reports a controller that fails to start as a console error, then goes on.
        failures = [line for line in message.text.splitlines() if "Error connecting controller" in line]
        if message.type == "error" and failures:
            page.script_errors.append(failures[0].strip(" %o"))

    def on_response(response):
        if response.status >= 400 and "/static/" in response.url:
            page.script_errors.append(f"{response.status} {response.url}")

    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    page.on("console", on_console)
    page.on("response", on_response)
    return page
