"""Every page kind fits the screen: no sideways scrolling at 320 px nor at 1366 px zoomed to 200 %
(RGAA 10.11), images drawn at their own proportions, a compact header with a menu button on phones,
gallery photos that open large in a dialog a keyboard can leave, and text spaced out as RGAA 10.12
asks, neither cut off nor overlapping.

One page set for the whole module (building it is the slow part), each check a loop over the kinds.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.page_set import DIRECTORY_PATH, PAGE_PATHS, STANDARD_PAGE_PATH, page_path

pytestmark = pytest.mark.e2e

# 1366 px at 200 % zoom lays the page out in 683 CSS pixels, as a 683 px wide window does.
WIDTHS = {"320 px": 320, "1366 px à 200 %": 683}
LISTINGS = ["/actualites/", "/agenda/", "/ressources/", "/territoires-participatifs/", DIRECTORY_PATH]

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wider = [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > width + 1 && element.checkVisibility())
        .filter((element) => !element.closest(".honeypot, .visually-hidden, .table-wrapper"))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return {scroll: document.documentElement.scrollWidth, width, wider};
}"""

# An image drawn by the default object-fit (fill) at other proportions than its own is distorted.
DISTORTED = """() => [...document.images]
    .filter((image) => image.complete && image.naturalWidth && image.clientWidth && image.checkVisibility())
    .filter((image) => getComputedStyle(image).objectFit === "fill")
    .filter((image) => {
        const natural = image.naturalWidth / image.naturalHeight;
        const drawn = image.clientWidth / image.clientHeight;
        return Math.abs(drawn - natural) / natural > 0.03;
    })
    .map((image) => `${image.currentSrc} ${image.naturalWidth}x${image.naturalHeight}`
        + ` drawn ${image.clientWidth}x${image.clientHeight}`)"""


def test_pages_fit_the_screen_images_keep_their_proportions_phones_get_a_menu_and_photos_a_lightbox(
    page, page_without_javascript, site_pages
):
    overflowing = []
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 800})
        for kind in PAGE_PATHS:
            page.goto(page_path(kind), wait_until="load")
            measure = page.evaluate(OVERFLOW)
            if measure["scroll"] > measure["width"]:
                overflowing.append(f"{kind} at {label}: {measure['scroll']} px wide, {measure['wider']}")
    assert not overflowing, "pages scroll sideways:\n" + "\n".join(overflowing)

    page.set_viewport_size({"width": 1366, "height": 900})
    distorted = []
    for path in LISTINGS:
        page.goto(path, wait_until="load")
        distorted += page.evaluate(DISTORTED)
    assert not distorted, "images drawn out of proportion:\n" + "\n".join(distorted)

    # A phone sees the site's name and a menu button in one short row; the button opens the menu.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")
    header = page.get_by_role("banner")
    menu_button = header.get_by_role("button", name="Menu")
    assert header.bounding_box()["height"] <= 72
    expect(header.get_by_role("navigation", name="Menu principal")).to_be_hidden()
    menu_button.click()
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(header.get_by_role("link", name="Actualités")).to_be_visible()
    page.keyboard.press("Escape")
    expect(header.get_by_role("navigation", name="Menu principal")).to_be_hidden()
    expect(menu_button).to_be_focused()

    # Without JavaScript there is no button: the menu is a plain list, always shown.
    page_without_javascript.set_viewport_size({"width": 390, "height": 800})
    page_without_javascript.goto("/")
    plain_header = page_without_javascript.get_by_role("banner")
    expect(plain_header.get_by_role("button", name="Menu")).to_have_count(0)
    expect(plain_header.get_by_role("link", name="Actualités")).to_be_visible()

    # « Retour en images »: a photo opens large in a dialog; arrows browse, Escape gives focus back.
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(STANDARD_PAGE_PATH)
    first_photo = page.get_by_role("link", name="La salle pendant la plénière (agrandir la photo)")
    first_photo.click()
    dialog = page.get_by_role("dialog", name="Photo agrandie")
    expect(dialog.get_by_role("img", name="La salle pendant la plénière")).to_be_visible()
    expect(dialog).to_contain_text("La plénière")
    page.keyboard.press("ArrowRight")
    expect(dialog.get_by_role("img", name="Un groupe devant une carte du quartier")).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(first_photo).to_be_focused()


# WCAG 1.4.12 / RGAA 10.12: the values of the W3C's text-spacing bookmarklet, for every element.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
# Rules added through a constructed style sheet, which the page's Content-Security-Policy lets a script adopt.
ADOPT = """(rules) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return getComputedStyle(document.body).letterSpacing;
}"""

# Text cut off by its box (an overflow that hides or clips what no longer fits), and boxes of text
# drawn over one another: what larger spacing breaks when heights or widths are fixed.
TEXT_DAMAGE = """() => {
    const hidden = (element) => element.closest(".visually-hidden, .honeypot, .skip-link, [hidden], template");
    const withText = [...document.querySelectorAll("body *")].filter((element) =>
        element.checkVisibility() && !hidden(element)
        && [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim()));
    const describe = (element) =>
        `${element.tagName.toLowerCase()}.${element.className} « ${element.textContent.trim().slice(0, 40)} »`;
    const clipped = withText.filter((element) => {
        for (let box = element; box && box !== document.body; box = box.parentElement) {
            const style = getComputedStyle(box);
            const clips = (value) => value === "hidden" || value === "clip";
            if ((clips(style.overflowX) && box.scrollWidth > box.clientWidth + 1)
                || (clips(style.overflowY) && box.scrollHeight > box.clientHeight + 1)) return true;
        }
        return false;
    }).map(describe);
    // One box per line of an inline element: a link wrapped over two lines does not cover what follows it.
    const boxes = withText.map((element) => [element, [...element.getClientRects()]]);
    const meet = (ra, rb) => Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 2
        && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 2;
    const overlapping = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const [a, rectsA] = boxes[i];
            const [b, rectsB] = boxes[j];
            if (a.contains(b) || b.contains(a)) continue;
            if (rectsA.some((ra) => rectsB.some((rb) => meet(ra, rb)))) {
                overlapping.push(`${describe(a)} over ${describe(b)}`);
            }
        }
    }
    return {clipped: clipped.slice(0, 5), overlapping: overlapping.slice(0, 5)};
}"""


def test_text_spacing_of_rgaa_10_12_cuts_off_and_overlaps_no_text_and_scrolls_no_page_sideways(page, site_pages):
    # A control: a title squeezed into a box too low, then pulled over the text below, is seen.
    page.goto(STANDARD_PAGE_PATH)
    page.evaluate(ADOPT, "h1 { height: 0.5em; overflow: hidden; }")
    assert "h1." in page.evaluate(TEXT_DAMAGE)["clipped"][0]
    page.evaluate(ADOPT, "h1 { height: auto; overflow: visible; margin-bottom: -4em; }")
    assert any(pair.startswith("h1.") for pair in page.evaluate(TEXT_DAMAGE)["overlapping"])

    damaged = []
    for width in (320, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        for kind in PAGE_PATHS:
            page.goto(page_path(kind), wait_until="load")
            assert page.evaluate(ADOPT, TEXT_SPACING) != "normal"
            overflow = page.evaluate(OVERFLOW)
            damage = page.evaluate(TEXT_DAMAGE)
            if overflow["scroll"] > overflow["width"]:
                damaged.append(f"{kind} at {width} px scrolls sideways: {overflow['wider']}")
            damaged += [f"{kind} at {width} px cuts off {element}" for element in damage["clipped"]]
            damaged += [f"{kind} at {width} px draws {pair}" for pair in damage["overlapping"]]
    assert not damaged, "text spacing breaks the layout:\n" + "\n".join(damaged)


# Layout shifts since the page started, as the browser reports them (what Lighthouse's CLS adds up).
SHIFTS = """() => new Promise((resolve) => {
    const shifts = [];
    new PerformanceObserver((entries) => shifts.push(...entries.getEntries().map((entry) => entry.value)))
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(shifts.reduce((total, value) => total + value, 0)), 500);
})"""


def test_a_phone_sees_no_layout_shift_while_the_page_and_its_fonts_load(page, site_pages):
    """The menu is folded from the first paint where scripts run, and the first view's fonts are
    preloaded: folding it after the script ran shifted an event page's content by 0.4."""
    page.set_viewport_size({"width": 412, "height": 823})
    for kind in ("accueil", "actualite", "evenement", "annuaire"):
        page.goto(page_path(kind), wait_until="load")
        assert page.evaluate(SHIFTS) < 0.01, kind
