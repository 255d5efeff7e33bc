"""Each page kind passes axe-core's WCAG 2.1 A and AA rules as rendered by a real browser."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.page_set import EXPECTED_STATUS, PAGE_PATHS

pytestmark = pytest.mark.e2e

# RGAA 4.1 is built on WCAG 2.1 AA; axe's best-practice rules are left out as they are not criteria.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _describe(violations):
    lines = []
    for violation in violations:
        targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"])
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_PATHS)
def test_page_has_no_wcag_21_aa_violation(page, site_pages, kind):
    path = PAGE_PATHS[kind]
    response = page.goto(path, wait_until="load")
    assert response.status == EXPECTED_STATUS[kind], f"{path} answered {response.status}"
    assert page.locator("main#contenu h1").count() == 1, f"{path} did not render a page with its h1"

    results = Axe().run(page, options=WCAG_21_AA)

    violations = results.response["violations"]
    assert not violations, f"axe found {len(violations)} WCAG 2.1 AA violation(s) on {path}:\n{_describe(violations)}"
