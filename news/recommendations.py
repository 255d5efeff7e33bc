"""« Découvrez d'autres contenus similaires »: what to suggest at the foot of an editorial page.

Editors' pinned pages come first, in their order. The rest is filled from one SQL query that
ranks every other visible editorial page, whatever its type:

    score = (Σ over shared tags of 1 / number of pages using the tag) × TAG_WEIGHT
          + (number of shared themes) × THEME_WEIGHT
    score × freshness, freshness = (1 + 1 / (1 + age in days / FRESHNESS_DAYS)) / 2

A rare tag says more than a common one; a theme is a broader hint than a tag. Freshness runs
from 1 (published today) down towards 1/2 (years ago): fresh content wins over old at equal
relevance, but a close old match still beats a loose new one. Pages with no score at all still
come back, newest first, so the block is never empty on a site with content. Ties break on date,
then id, so that the same page always shows the same suggestions.
"""

from collections import Counter

from django.conf import settings
from django.db.models import Count, F, FloatField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone

from news.models import EditorialPage, EditorialPageTag

TAG_WEIGHT = 3.0
THEME_WEIGHT = 1.0
FRESHNESS_DAYS = 365.0
MAX_PER_TYPE = 2
CANDIDATE_POOL = 5  # rows fetched per suggestion shown, enough to apply the per-type cap
CANDIDATE_WINDOW = 500  # newest related pages that are scored
RARE_TAG_USAGE = 50  # a tag on this many pages or fewer brings all its pages into the window
NEWEST_FILL = 20  # newest pages scored too, so that the block is never empty


def recommend(page, count=None, now=None):
    """The pinned pages, then automatic suggestions until `count` items are shown."""
    count = count or settings.RECOMMENDATIONS_COUNT
    now = now or timezone.now()
    pinned = pinned_pages(page, now)
    missing = count - len(pinned)
    if missing <= 0:
        return pinned
    excluded = [page.pk, *(item.pk for item in pinned)]
    candidates = list(ranked_candidates(page, now, excluded).for_cards()[: count * CANDIDATE_POOL])
    return pinned + diversify(candidates, missing)


def pinned_pages(page, now):
    pinned_ids = [link.page_id for link in page.pinned_pages.all()]
    found = EditorialPage.objects.visible().not_over(now).filter(pk__in=pinned_ids).for_cards().in_bulk()
    return [found[pk] for pk in pinned_ids if pk in found]


def ranked_candidates(page, now, excluded_ids):
    """Visible, not-over editorial pages but `excluded_ids`, best match first, in one query.

    Scoring every page of the site would cost more as the site grows, so only a bounded window is
    scored: the CANDIDATE_WINDOW newest pages that share a tag or a theme, every page that shares a
    rare tag (used by at most RARE_TAG_USAGE pages, the strongest signal whatever its age), and the
    newest pages of all, which fill the block when nothing matches.
    """
    source_tags = EditorialPageTag.objects.filter(content_object_id=page.pk).values("tag_id")
    tag_usage = (
        EditorialPageTag.objects.filter(tag_id=OuterRef("tag_id")).values("tag_id").annotate(n=Count("id")).values("n")
    )
    tag_score = (
        EditorialPageTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=source_tags)
        .annotate(rarity=Value(1.0) / Cast(Subquery(tag_usage), FloatField()))
        .values("content_object_id")
        .annotate(total=Sum("rarity"))
        .values("total")
    )
    theme_links = EditorialPage.themes.through.objects
    source_themes = theme_links.filter(editorialpage_id=page.pk).values("theme_id")
    theme_score = (
        theme_links.filter(editorialpage_id=OuterRef("pk"), theme_id__in=source_themes)
        .values("editorialpage_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    # Days since publication, to a day or so: portable across SQLite and PostgreSQL.
    published_day = (
        ExtractYear("publication_date") * 365.25
        + ExtractMonth("publication_date") * 30.44
        + ExtractDay("publication_date")
    )
    today = now.year * 365.25 + now.month * 30.44 + now.day
    relevance = (
        Coalesce(Subquery(tag_score), Value(0.0)) * TAG_WEIGHT
        + Cast(Coalesce(Subquery(theme_score), Value(0)), FloatField()) * THEME_WEIGHT
    )
    age_in_days = Value(today) - Cast(published_day, FloatField())
    freshness = (Value(1.0) + Value(1.0) / (Value(1.0) + age_in_days / FRESHNESS_DAYS)) / Value(2.0)
    eligible = EditorialPage.objects.visible().not_over(now).exclude(pk__in=excluded_ids)
    sharing = eligible.filter(
        Q(pk__in=EditorialPageTag.objects.filter(tag_id__in=source_tags).values("content_object_id"))
        | Q(pk__in=theme_links.filter(theme_id__in=source_themes).values("editorialpage_id"))
    )
    rare_tags = (
        EditorialPageTag.objects.filter(tag_id__in=source_tags)
        .values("tag_id")
        .annotate(n=Count("id"))
        .filter(n__lte=RARE_TAG_USAGE)
        .values("tag_id")
    )
    window = (
        Q(pk__in=sharing.newest_first().values("pk")[:CANDIDATE_WINDOW])
        | Q(pk__in=EditorialPageTag.objects.filter(tag_id__in=rare_tags).values("content_object_id"))
        | Q(pk__in=eligible.newest_first().values("pk")[:NEWEST_FILL])
    )
    return (
        eligible.filter(window)
        .annotate(score=relevance * freshness)
        .order_by(F("score").desc(), "-publication_date", "-id")
    )


def diversify(candidates, count):
    """Best first, at most MAX_PER_TYPE of one type while other types still qualify."""
    chosen, held_back, per_type = [], [], Counter()
    for candidate in candidates:
        if per_type[candidate.content_type_id] < MAX_PER_TYPE:
            chosen.append(candidate)
            per_type[candidate.content_type_id] += 1
        else:
            held_back.append(candidate)
        if len(chosen) == count:
            return chosen
    return chosen + held_back[: count - len(chosen)]
