"""The editors' guide (docs/guide-redaction.md) inside the admin, under « Aide », with its screenshots.

The guide is written once, in Markdown, for the repository and for the admin alike; its anchors
follow the repository's own (GitHub's) spelling, so that its internal links work in both places.
"""

import re
from functools import cache
from pathlib import Path

import markdown

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

GUIDE = Path(settings.BASE_DIR) / "docs" / "guide-redaction.md"
PICTURES = GUIDE.parent / "img"
PICTURE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


def github_anchor(title, separator="-"):
    """« 6. Thèmes et étiquettes : la différence » → « 6-thèmes-et-étiquettes--la-différence »."""
    kept = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return kept.replace(" ", separator)


@cache
def _rendered(modified_at):
    text = GUIDE.read_text(encoding="utf-8")
    # Its pictures (img/…) resolve next to the guide's admin address, served by `guide_picture`.
    return markdown.markdown(
        text, extensions=["toc", "tables", "sane_lists"], extension_configs={"toc": {"slugify": github_anchor}}
    )


def guide(request):
    return render(
        request, "core/admin/guide.html", {"guide": _rendered(GUIDE.stat().st_mtime), "title": _("Guide de rédaction")}
    )


def guide_picture(request, name):
    if not PICTURE_NAME.match(name) or not (PICTURES / name).is_file():
        raise Http404
    return FileResponse((PICTURES / name).open("rb"), content_type="image/png")
