"""Every page kind the site serves is valid HTML according to the Nu Html Checker."""

import pytest

from tests.e2e.page_set import EXPECTED_STATUS, PAGE_PATHS, build_page_set
from tests.html.vnu import describe, validate, vnu_command

pytestmark = [pytest.mark.html, pytest.mark.django_db]

# A page vnu must reject: if it ever passes, the harness is reading the report wrong and proves nothing.
BROKEN_CONTROL = '<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body><p><div></p></body></html>'


def test_every_page_kind_renders_valid_html(client, tmp_path):
    command = vnu_command()  # first, so that a missing validator fails before any rendering
    build_page_set()
    files = {}
    for kind, path in PAGE_PATHS.items():
        response = client.get(path)
        assert response.status_code == EXPECTED_STATUS[kind], f"{kind} ({path}) answered {response.status_code}"
        files[kind] = tmp_path / f"{kind}.html"
        files[kind].write_bytes(response.content)
    control = tmp_path / "controle-invalide.html"
    control.write_text(BROKEN_CONTROL, encoding="utf-8")

    messages = validate(command, [*files.values(), control])

    def problems_in(path):
        return [m for m in messages if m.get("url", "").endswith(f"/{path.name}") and m.get("type") != "info"]

    assert problems_in(control), f"vnu found nothing wrong in a broken page; its messages: {messages}"
    errors = [describe(m) for path in files.values() for m in problems_in(path)]
    assert not errors, "HTML errors:\n" + "\n".join(errors)
