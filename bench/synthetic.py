"""Synthetic editorial content in bulk, to measure how costs grow with the size of the site."""

import random
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from core.models import Theme
from network.directory.models import Actor
from news.models import (
    EditorialActor,
    EditorialPage,
    EditorialPageTag,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
)

SYNTHETIC_TAGS = 200
SHARED_IMAGES = 5
# Most of a real site's content is news; resources and events share the rest.
TYPE_WEIGHTS = {NewsPage: 6, ResourcePage: 2, EventPage: 2}
INDEXES = {NewsPage: NewsIndexPage, ResourcePage: ResourceIndexPage, EventPage: EventIndexPage}
ACTOR_LINK_SHARE = 0.3  # pages that name an actor of the directory, when there are actors
CHUNK = 1000


def generate_editorial(count, seed=0):
    """Add `count` news articles, resources and events (past and upcoming) under their indexes.

    Each page gets up to three tags drawn with Zipf-like weights, a theme, one of a handful of shared
    images and, for some, an actor of the directory; all of it is written in bulk and indexed for search.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    if not NewsIndexPage.objects.exists():
        raise LookupError("Aucune page « Actualités » : chargez d'abord la démonstration (load_demo).")
    start = EditorialPage.objects.count()
    now = timezone.now()
    images = list(get_image_model().objects.order_by("pk")[:SHARED_IMAGES]) or [None]
    vocabulary = Vocabulary.load()
    by_type = {model: [] for model in TYPE_WEIGHTS}
    for number in range(start, start + count):
        model = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
        by_type[model].append(build_page(model, number, rng, now, rng.choice(images)))
    with transaction.atomic():
        for model, pages in by_type.items():
            for first in range(0, len(pages), CHUNK):
                chunk = pages[first : first + CHUNK]
                insert_children(INDEXES[model].objects.get(), chunk)
                classify(chunk, rng, vocabulary)
                index_in_bulk(model, chunk)
    return EditorialPage.objects.count()


def index_in_bulk(model, pages):
    """`pages` (saved, of `model`) added to every search index: the admin's and the site search's."""
    for backend in get_search_backends():
        backend.add_bulk(model, model.get_indexed_objects().filter(pk__in=[page.pk for page in pages]))


def build_page(model, number, rng, now, image):
    """An unsaved page of `model`, dated somewhere in the last five years (events up to a year ahead)."""
    published = now - timedelta(days=rng.randint(0, 1800), minutes=rng.randint(0, 1439))
    common = {
        "slug": f"mesure-{number}",
        "publication_date": published,
        "listing_summary": "Un contenu généré pour mesurer les coûts.",
        "chapo": "Un chapô de mesure, assez long pour ressembler à un vrai.",
        "hero_image": image,
        "body": [("paragraph", "<p>Texte de mesure.</p>")],
    }
    if model is NewsPage:
        return NewsPage(title=f"Article de mesure {number}", authors="Équipe de mesure", **common)
    if model is ResourcePage:
        kind = rng.choice(ResourcePage.Kind.values)
        return ResourcePage(title=f"Ressource de mesure {number}", kind=kind, year=published.year, **common)
    starts_at = (now + timedelta(days=rng.randint(-1500, 365))).replace(hour=rng.randint(8, 18), minute=0)
    common["publication_date"] = min(published, starts_at - timedelta(days=30))
    return EventPage(
        title=f"Événement de mesure {number}",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=rng.randint(1, 8)),
        venue_name="Salle de mesure",
        commune=rng.choice(["Lille", "Amiens", "Arras", "Beauvais", "Laon"]),
        **common,
    )


def insert_children(parent, pages):
    """Write `pages` (all of one type) as the last children of `parent`, in a few statements.

    `add_child` costs about 25 ms a page on PostgreSQL (it re-reads and locks the parent and saves each
    table of the inheritance chain one row at a time): 19,000 pages would take eight minutes. Children
    of a single parent are easy to write directly: treebeard's path is the parent's path plus one
    fixed-width step numbered after the last child, depth is the parent's plus one, and the parent's
    `numchild` grows by their number. `bulk_create` refuses multi-table models, so the base Page rows
    are bulk-created first (which returns their keys), then each table below it in the chain
    (EditorialPage, then NewsPage…) gets its own columns with the same keys.
    """
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last_child = parent.get_last_child()
    first_step = last_child._get_lastpos_in_path() + 1 if last_child else 1
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.first_published_at = page.last_published_at = page.publication_date
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages], batch_size=CHUNK
    )
    chain = [*reversed(model._meta.get_parent_list()), model]  # Page, EditorialPage, NewsPage
    for page, row in zip(pages, rows, strict=True):
        for table in chain:
            setattr(page, table._meta.pk.attname, row.pk)
    for table in chain[1:]:
        fields = table._meta.local_concrete_fields
        batch = connection.ops.bulk_batch_size(fields, pages)
        for first in range(0, len(pages), batch):
            # Django's own per-table insert, the one bulk_create runs for single-table models.
            table._base_manager._insert(pages[first : first + batch], fields=fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


class Vocabulary:
    """What generated pages are classified by: synthetic tags, the site's themes, the published actors."""

    def __init__(self, tags, themes, actor_ids):
        self.tags, self.themes, self.actor_ids = tags, themes, actor_ids
        # Rank r is drawn with weight 1/(r+1): a few tags are everywhere, most are rare.
        self.tag_weights = [1 / (rank + 1) for rank in range(len(tags))]

    @classmethod
    def load(cls):
        names = [f"sujet-{rank}" for rank in range(SYNTHETIC_TAGS)]
        Tag.objects.bulk_create([Tag(name=name, slug=name) for name in names], ignore_conflicts=True)
        by_name = Tag.objects.filter(name__in=names).in_bulk(field_name="name")
        actor_ids = list(Actor.objects.published().values_list("pk", flat=True))
        return cls([by_name[name] for name in names], list(Theme.objects.all()), actor_ids)


def classify(pages, rng, vocabulary):
    """Up to three tags and one theme per page; an actor for some pages."""
    tag_links, theme_links, actor_links = [], [], []
    for page in pages:
        for tag in set(rng.choices(vocabulary.tags, weights=vocabulary.tag_weights, k=3)):
            tag_links.append(EditorialPageTag(content_object_id=page.pk, tag=tag))
        if vocabulary.themes:
            theme = rng.choice(vocabulary.themes)
            theme_links.append(EditorialPage.themes.through(editorialpage_id=page.pk, theme=theme))
        if vocabulary.actor_ids and rng.random() < ACTOR_LINK_SHARE:
            role = rng.choice(EditorialActor.Role.values)
            actor_links.append(EditorialActor(source_id=page.pk, actor_id=rng.choice(vocabulary.actor_ids), role=role))
    EditorialPageTag.objects.bulk_create(tag_links)
    EditorialPage.themes.through.objects.bulk_create(theme_links)
    EditorialActor.objects.bulk_create(actor_links)


def grow_to(size):
    """Generate what is missing for the site to hold `size` editorial pages, then refresh statistics."""
    missing = size - EditorialPage.objects.count()
    if missing > 0:
        generate_editorial(missing, seed=size)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would give them, so the planner sees the new size.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
