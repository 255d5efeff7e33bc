"""StreamField blocks from the body items of the data files.

An item is a string (a paragraph; blank lines separate the paragraphs of one block) or a mapping named
by its first key: `heading`, `list`, `quote` (with `attribution`), `gallery` (with `images`, each an
image title and a caption) or `button` (with `link`, an address, and `style`).
"""

from wagtail.models import Page
from wagtail.rich_text import RichText

from .images import demo_image


def page_link(path):
    """The page at `path` once it exists, its address until then (the network pages come after the news)."""
    page = Page.objects.filter(url_path__endswith=path).first()
    return {"page": page, "url": ""} if page else {"page": None, "url": path}


def _gallery(item):
    images = [
        {
            "image": {"image": demo_image(image["image"]), "decorative": False, "alt_text": ""},
            "caption": image["caption"],
            "credit": "",
        }
        for image in item["images"]
    ]
    return ("gallery", {"title": item["gallery"], "images": images})


def block(item):
    if isinstance(item, str):
        return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in item.split("\n\n"))))
    if "heading" in item:
        return ("heading", {"text": item["heading"], "level": "h2"})
    if "list" in item:
        return ("paragraph", RichText("<ul>" + "".join(f"<li>{line}</li>" for line in item["list"]) + "</ul>"))
    if "quote" in item:
        return ("quote", {"quote": item["quote"], "attribution": item.get("attribution", "")})
    if "gallery" in item:
        return _gallery(item)
    link = page_link(item["link"])
    return ("call_to_action", {"label": item["button"], "link": link, "style": item.get("style", "primary")})


def body(items):
    return [block(item) for item in items]
