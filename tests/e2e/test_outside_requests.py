"""Every request a page makes, listed in a real browser: map tiles an editor turned on are fetched
only once the visitor accepts them (that no page kind asks anything of another server otherwise is
checked by test_every_page_kind.py).

Requests to the tile server are answered by the test with a small picture, and any other outside
request is cut off, so that the run stays offline; both are still listed.
"""

import base64
import re

import pytest
from playwright.sync_api import expect

from core.models import SiteSettings
from network.directory.region_map import tiles
from tests.e2e.page_set import DIRECTORY_PATH, STANDARD_PAGE_PATH
from tests.e2e.quiet import visit, wait_until_quiet, watch_requests
from tests.e2e.test_csp_browser import REPORT_VIOLATIONS, VIOLATION, violations

pytestmark = pytest.mark.e2e

TILE_SERVER = "https://tiles.example.org"
OTHER_TILE_SERVER = "https://cartes.example.net"
# A transparent pixel: what the tile server answers in this test.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def listed(page, live_server):
    """A tab that lists in `page.outside` every request it sends to another server than the site."""
    page.outside = []
    page.violations = []
    watch_requests(page)
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: VIOLATION in message.text and page.violations.append(message.text))
    page.context.on(
        "request", lambda request: request.url.startswith(live_server.url) or page.outside.append(request.url)
    )
    tile_servers = re.compile(rf"^({re.escape(TILE_SERVER)}|{re.escape(OTHER_TILE_SERVER)})/")
    page.context.route(
        re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])"),
        lambda route: (
            route.fulfill(body=PIXEL, content_type="image/png")
            if tile_servers.match(route.request.url)
            else route.abort()
        ),
    )
    return page


def turn_tiles_on(server):
    site_settings = SiteSettings.objects.get()
    site_settings.map_tiles_enabled = True
    site_settings.map_tiles_url = f"{server}/{{z}}/{{x}}/{{y}}.png"
    site_settings.map_tiles_attribution = "© les contributeurs d'OpenStreetMap"
    site_settings.save()


def tile_requests(page, server=TILE_SERVER):
    return [url for url in page.outside if url.startswith(server + "/")]


def test_map_tiles_load_only_once_the_visitor_accepts_them_and_the_answer_covers_one_server(listed, site_pages):
    turn_tiles_on(TILE_SERVER)
    # The editor's setting alone sends nothing: the visitor is asked first.
    for path in (DIRECTORY_PATH, STANDARD_PAGE_PATH):
        visit(listed, path)
    assert listed.outside == []

    show = listed.get_by_role("button", name="Afficher le fond de carte")
    expect(listed.get_by_text("tiles.example.org, qui verra votre adresse IP")).to_be_visible()
    show.click()
    hide = listed.get_by_role("button", name="Masquer le fond de carte")
    expect(hide).to_be_focused()
    expect(listed.locator(".region-map__tiles image")).to_have_count(len(tiles(TILE_SERVER)))
    wait_until_quiet(listed)
    assert len(tile_requests(listed)) == len(tiles(TILE_SERVER))
    expect(listed.get_by_text("© les contributeurs d'OpenStreetMap")).to_be_visible()
    assert violations(listed) == []

    # The answer is kept: the directory's map shows the tiles at once.
    listed.outside.clear()
    visit(listed, DIRECTORY_PATH)
    expect(listed.get_by_role("button", name="Masquer le fond de carte")).to_be_visible()
    assert len(tile_requests(listed)) == len(tiles(TILE_SERVER))

    # Another server is another question.
    turn_tiles_on(OTHER_TILE_SERVER)
    listed.outside.clear()
    visit(listed, DIRECTORY_PATH)
    expect(listed.get_by_role("button", name="Afficher le fond de carte")).to_be_visible()
    assert listed.outside == []

    # Taking the answer back removes the tiles, and the next visit asks again.
    listed.get_by_role("button", name="Afficher le fond de carte").click()
    listed.get_by_role("button", name="Masquer le fond de carte").click()
    expect(listed.locator(".region-map__tiles image")).to_have_count(0)
    listed.outside.clear()
    listed.reload()
    wait_until_quiet(listed)
    expect(listed.get_by_role("button", name="Afficher le fond de carte")).to_be_visible()
    assert listed.outside == []
    assert violations(listed) == []


def test_without_javascript_the_map_offers_no_tiles_and_sends_nothing(page_without_javascript, site_pages, live_server):
    turn_tiles_on(TILE_SERVER)
    outside = []
    page_without_javascript.context.on(
        "request", lambda request: request.url.startswith(live_server.url) or outside.append(request.url)
    )
    page_without_javascript.context.route(
        re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])"), lambda r: r.abort()
    )
    watch_requests(page_without_javascript)
    visit(page_without_javascript, DIRECTORY_PATH)

    expect(page_without_javascript.get_by_role("link", name="Nord : 2 acteurs")).to_be_visible()
    expect(page_without_javascript.get_by_role("button", name="Afficher le fond de carte")).to_have_count(0)
    assert outside == []
