"""Synthetic editorial content in bulk, to measure how costs grow with the size of the site."""

import random
from datetime import timedelta

from django.utils import timezone

from taggit.models import Tag

from home.models import Theme

from .models import EditorialPage, EditorialPageTag, NewsIndexPage, NewsPage

SYNTHETIC_TAGS = 200


def generate_news(count, seed=0):
    """Add `count` news articles under the news index, with Zipf-like tag usage and themes.

    Pages are inserted one by one (the page tree needs it) without revisions; tags and themes are
    written in bulk. A few hundred pages a second on SQLite.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    index = NewsIndexPage.objects.first()
    if index is None:
        raise LookupError("Aucune page « Actualités » : chargez d'abord la démonstration (load_demo).")
    tags = [
        Tag.objects.get_or_create(name=f"sujet-{rank}", defaults={"slug": f"sujet-{rank}"})[0]
        for rank in range(SYNTHETIC_TAGS)
    ]
    themes = list(Theme.objects.all())
    start = EditorialPage.objects.count()
    now = timezone.now()
    tag_links, theme_links = [], []
    for number in range(start, start + count):
        page = index.add_child(
            instance=NewsPage(
                title=f"Article de mesure {number}",
                slug=f"mesure-{number}",
                publication_date=now - timedelta(days=rng.randint(0, 2000)),
                listing_summary="Un article généré pour mesurer les coûts.",
                body=[("paragraph", "<p>Texte de mesure.</p>")],
            )
        )
        # Rank r is drawn with weight 1/(r+1): a few tags are everywhere, most are rare.
        for tag in set(rng.choices(tags, weights=[1 / (rank + 1) for rank in range(SYNTHETIC_TAGS)], k=3)):
            tag_links.append(EditorialPageTag(content_object_id=page.pk, tag=tag))
        if themes:
            theme_links.append(EditorialPage.themes.through(editorialpage_id=page.pk, theme=rng.choice(themes)))
    EditorialPageTag.objects.bulk_create(tag_links)
    EditorialPage.themes.through.objects.bulk_create(theme_links)
    return EditorialPage.objects.count()


def grow_to(size):
    """Generate what is missing for the site to hold `size` editorial pages, then refresh statistics."""
    from django.db import connection

    missing = size - EditorialPage.objects.count()
    if missing > 0:
        generate_news(missing, seed=size)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would give them, so the planner sees the new size.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
