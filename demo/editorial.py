"""Demo editorial content: news, the resource centre and the « Territoires participatifs » dossier.

The content is in demo/data/editorial.yaml. Like the other steps, this one creates what is missing and
leaves existing pages as they are.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Page

from core.models import Theme
from home.models import HomePage
from news.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TopicPageFactory,
)
from news.models import ResourceDocument

from .body import block, body
from .files import read
from .images import demo_image
from .tree import ensure_child

PARIS = ZoneInfo("Europe/Paris")


def classified(page, entry):
    """`page` with the themes and tags of its data entry, before it is first saved."""
    page.themes.set(Theme.objects.filter(slug__in=entry["themes"]))
    page.tags.add(*entry["tags"])
    return page


def editorial(build, entry, content_type, **fields):
    """An unsaved page of the editorial family from its data entry, published at 9:30 on its day in Paris,
    illustrated by the drawing of its content type."""
    page = build(
        title=entry["title"],
        slug=entry["slug"],
        listing_summary=entry["summary"],
        chapo=entry.get("chapo", entry["summary"]),
        hero_image=demo_image(entry["image"], content_type),
        publication_date=datetime.combine(entry["published"], time(9, 30), tzinfo=PARIS),
        updated_on=entry.get("updated"),
        **({"authors": entry["authors"]} if "authors" in entry else {}),  # only news have authors
        **fields,
    )
    return classified(page, entry)


def _document(title, file, content):
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    data = content.encode("utf-8")
    return model.objects.create(title=title, file=ContentFile(data, name=file), file_size=len(data))


def _resource(entry):
    notes = read("editorial")["resource_notes"]
    page = editorial(ResourcePageFactory.build, entry, "resource", kind=entry["kind"], year=entry["published"].year)
    if "url" in entry:
        page.external_url = entry["url"]
        page.body = [block(notes["external"])]
    else:
        document = entry["document"]
        page.documents = [ResourceDocument(document=_document(**document), title=document["title"])]
        page.body = [block(notes["document"])]
    return page


def _topic(entry):
    fields = {name: entry[name] for name in ("title", "slug", "show_in_menus", "listing_summary", "intro")}
    image = demo_image(entry["image"], "topic") if "image" in entry else None
    return classified(TopicPageFactory.build(**fields, listing_image=image, body=body(entry["body"])), entry)


def pin(page, relation, targets):
    """Pin pages once: an editor's later choice is left as it is."""
    items = getattr(page, relation)
    if items.exists():
        return 0
    setattr(page, relation, [items.model(page=target) for target in targets])
    page.save_revision().publish()
    return 1


def _fill_home_sections(home, news_index, resources, topic):
    """The home page's sections, once: latest news, the dossier of the moment, latest resources."""
    if home.body:
        return
    home.body = [
        (
            "latest_content",
            {"title": "Dernières actualités", "content_type": "actualites", "count": 3, "link": news_index},
        ),
        ("featured_page", {"heading": "Dossier à la une", "page": topic}),
        (
            "latest_content",
            {"title": "Nouvelles ressources", "content_type": "ressources", "count": 3, "link": resources},
        ),
        block(read("pages")["partners"]),
    ]
    home.save_revision().publish()


def load_editorial(stdout):
    data = read("editorial")
    home = HomePage.objects.first()
    before = Page.objects.count()
    news_index = ensure_child(home, NewsIndexPageFactory.build(show_in_menus=True, **data["news_index"]))
    resources = ensure_child(home, ResourceIndexPageFactory.build(show_in_menus=True, **data["resource_index"]))
    pages = {}
    for entry in data["news"]:
        pages[entry["slug"]] = ensure_child(
            news_index, editorial(NewsPageFactory.build, entry, "news", body=body(entry["body"]))
        )
    for entry in data["resources"]:
        pages[entry["slug"]] = ensure_child(resources, _resource(entry))
    topic = ensure_child(home, _topic(data["topic"]))
    pinned = sum(
        pin(pages[slug], "pinned_pages", [pages[target] for target in pins]) for slug, pins in data["pins"].items()
    )
    pinned += pin(topic, "pinned_items", [pages[slug] for slug in data["topic"]["pinned"]])
    _fill_home_sections(home, news_index, resources, topic)
    stdout.write(
        f"Contenus éditoriaux : {Page.objects.count() - before} page(s) créée(s), {pinned} sélection(s) épinglée(s)."
    )
