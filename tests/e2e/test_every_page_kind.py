"""Every page kind of the page set, visited once in a real browser: what each visit sent and raised.

A visit waits for the tab to fall quiet (tests/e2e/quiet.py: what a script fetches late is seen),
which is most of its cost: the tab records each page's answer, the requests it sent to another server
(cut off, so that the run stays offline) and the Content-Security-Policy violations its frames
reported, and each test below asserts on one of them. Whichever test runs first makes the visits;
run alone, a test still makes them.
"""

import re
from types import SimpleNamespace

import pytest

from tests.e2e.page_set import EXPECTED_STATUS, PAGE_PATHS, page_path
from tests.e2e.quiet import visit, watch_requests
from tests.e2e.test_csp_browser import REPORT_VIOLATIONS, VIOLATION, violations

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def _recorded():
    return {}


@pytest.fixture
def visits(_recorded, page, live_server, site_pages):
    """{kind: answer status}, `outside` [(kind, address)] and `violations` [message], for every page kind."""
    if not _recorded:
        kind = None
        outside, statuses = [], {}
        page.violations = []
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", lambda message: VIOLATION in message.text and page.violations.append(message.text))
        page.context.on(
            "request", lambda request: request.url.startswith(live_server.url) or outside.append((kind, request.url))
        )
        page.context.route(re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])"), lambda route: route.abort())
        watch_requests(page)
        for kind in PAGE_PATHS:  # `kind` is read by the request listener above
            statuses[kind] = visit(page, page_path(kind)).status
        _recorded.update(statuses=statuses, outside=outside, violations=list(violations(page)))
    return SimpleNamespace(**_recorded)


def test_every_page_kind_answers_with_its_status(visits):
    assert visits.statuses == EXPECTED_STATUS


def test_no_page_of_any_kind_sends_a_request_to_another_server(visits):
    assert visits.outside == []


def test_public_pages_of_every_kind_raise_no_violation(visits):
    assert visits.violations == []
