"""What every page downloads stays small: the style sheet and scripts under 40 KB compressed
together, the fonts of the first view under 100 KB, every font self-hosted."""

import gzip
import re
from pathlib import Path

from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
BASE_TEMPLATE = Path(settings.BASE_DIR) / "templates" / "base.html"


def _assets_of_every_page(extension):
    return re.findall(rf"{{% static '([^']+\.{extension})' %}}", BASE_TEMPLATE.read_text())


def test_style_sheet_and_scripts_weigh_under_40_kb_compressed():
    assets = _assets_of_every_page("css") + _assets_of_every_page("js")
    compressed = sum(len(gzip.compress((STATIC / asset).read_bytes(), compresslevel=9)) for asset in assets)

    assert "css/site.css" in assets and "js/site.js" in assets
    assert compressed < 40_000, f"{compressed} bytes for {assets}"


def test_fonts_are_self_hosted_and_the_first_view_loads_under_100_kb_of_them():
    css = (STATIC / "css" / "site.css").read_text()
    font_files = re.findall(r'url\("\.\./(fonts/[^"]+\.woff2)"\)', css)
    # The roman faces a page needs at once: italics wait until some text uses them.
    first_view = [name for name in font_files if "italic" not in name]

    assert font_files and all((STATIC / name).exists() for name in font_files)
    assert "@import" not in css and "//" not in "".join(re.findall(r"url\(([^)]*)\)", css))
    assert set(_assets_of_every_page("woff2")) <= set(first_view)
    assert sum((STATIC / name).stat().st_size for name in first_view) < 100_000
