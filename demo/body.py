"""StreamField blocks from the body items of the data files.

An item is a string (a paragraph; blank lines separate the paragraphs of one block) or a mapping named
by its first key: `heading`, `list`, `quote` (with `attribution`), `gallery` (with `images`, each an
image title and a caption), `callout` (its title, with `tone` and `text`), `partners` (the strip's title,
with `logos`, each a name, a colour and a site), `network_map` (its title) or `button` (with `link`, an
address, and `style`).
"""

from django.utils.text import slugify

from wagtail.models import Page
from wagtail.rich_text import RichText

from .images import demo_image, demo_wordmark


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


def _partners(item):
    partners = [
        {
            "name": partner["name"],
            "logo": demo_wordmark(partner["name"], partner["colour"], f"partenaire-{slugify(partner['name'])}.png"),
            "url": partner.get("url", ""),
        }
        for partner in item["logos"]
    ]
    return ("partners", {"title": item["partners"], "partners": partners})


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
    if "callout" in item:
        text = RichText(f"<p>{item['text']}</p>")
        return ("callout", {"tone": item.get("tone", "info"), "title": item["callout"], "text": text})
    if "partners" in item:
        return _partners(item)
    if "network_map" in item:
        return ("network_map", {"heading": item["network_map"]})
    link = page_link(item["link"])
    return ("call_to_action", {"label": item["button"], "link": link, "style": item.get("style", "primary")})


def body(items):
    return [block(item) for item in items]
