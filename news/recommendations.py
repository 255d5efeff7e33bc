"""« Découvrez d'autres contenus similaires »: what to suggest at the foot of an editorial page.

Editors' pinned pages come first, in their order. The rest is filled from one SQL query that
ranks the other visible editorial pages, whatever their type (after a count of how many pages use
each of the page's own tags):

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

from django.apps import apps
from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, Count, F, FloatField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone

from pagecache.fragments import remembered

TAG_WEIGHT = 3.0
THEME_WEIGHT = 1.0
FRESHNESS_DAYS = 365.0
MAX_PER_TYPE = 2
CANDIDATE_POOL = 5  # rows fetched per suggestion shown, enough to apply the per-type cap
CANDIDATE_WINDOW = 500  # newest related pages that are scored
RARE_TAG_USAGE = 50  # a tag on this many pages or fewer brings all its pages into the window
NEWEST_FILL = 20  # newest pages scored too, so that the block is never empty


def _pages():
    """The editorial pages' model, looked up by name: the pages compute their suggestions with this module."""
    return apps.get_model("news", "EditorialPage")


def _tag_links():
    return apps.get_model("news", "EditorialPageTag")


def recommend(page, count=None, now=None, tag_ids=None, theme_ids=None, remember=False):
    """The pinned pages still visible, then automatic suggestions until `count` items are shown.

    `tag_ids` and `theme_ids` spare two queries when the caller has already read the page's own.
    Candidates are ranked and spread over types as bare keys; only the pages that may be shown are
    then fetched with their images and themes, the pinned ones in the same query. With `remember`,
    the suggested keys are kept until the content changes (pagecache.fragments), as the ranking is
    most of a page's cost; the cards are still read fresh, so that nothing unpublished is shown.
    """
    EditorialPage = _pages()
    count = count or settings.RECOMMENDATIONS_COUNT
    now = now or timezone.now()
    pinned = [link.page_id for link in page.pinned_pages.all()]

    def suggest():
        own_tags = [link.tag_id for link in page.tagged_items.all()] if tag_ids is None else tag_ids
        own_themes = [theme.pk for theme in page.themes.all()] if theme_ids is None else theme_ids
        ranked = ranked_candidates(own_tags, own_themes, now, [page.pk, *pinned])
        # `count` suggestions, not fewer: a pinned page that is no longer visible leaves room for one.
        candidates = ranked.values_list("pk", "content_type_id")[: count * CANDIDATE_POOL]
        return [pk for pk, _ in diversify(candidates, count)]

    suggested = remembered(f"recommendations:{page.pk}:{count}", suggest) if remember else suggest()
    cards = EditorialPage.objects.visible().not_over(now).filter(pk__in=[*pinned, *suggested]).for_cards().in_bulk()
    shown = [cards[pk] for pk in pinned if pk in cards]
    return shown + [cards[pk] for pk in suggested if pk in cards][: max(count - len(shown), 0)]


def ranked_candidates(tag_ids, theme_ids, now, excluded_ids):
    """Visible, not-over editorial pages but `excluded_ids`, best match first.

    `tag_ids` and `theme_ids` are the source page's own. Scoring every page of the site would cost
    more as the site grows, so only a bounded window is scored: the CANDIDATE_WINDOW newest pages
    that share a tag or a theme, every page that shares a rare tag (used by at most RARE_TAG_USAGE
    pages, the strongest signal whatever its age), and the newest pages of all, which fill the
    block when nothing matches. Three queries, each reading index entries rather than every page:
    the source tags' usage, the window (one UNION of three index-ordered lists), then the ranking
    of those few hundred pages, fetched by key.
    """
    EditorialPage = _pages()
    EditorialPageTag = _tag_links()
    usage = tag_usage(tag_ids)
    links = EditorialPageTag.objects
    theme_links = EditorialPage.themes.through.objects
    rarity = Case(
        *(When(tag_id=tag_id, then=Value(1.0 / count)) for tag_id, count in usage.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    tag_score = (
        links.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids)
        .annotate(rarity=rarity)
        .values("content_object_id")
        .annotate(total=Sum("rarity"))
        .values("total")
    )
    theme_score = (
        theme_links.filter(editorialpage_id=OuterRef("pk"), theme_id__in=theme_ids)
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
        Q(pk__in=links.filter(tag_id__in=tag_ids).values("content_object_id"))
        | Q(pk__in=theme_links.filter(theme_id__in=theme_ids).values("editorialpage_id"))
    )
    rare_tags = [tag_id for tag_id, count in usage.items() if count <= RARE_TAG_USAGE]
    window = keys_in_any(
        sharing.newest_first().values("pk")[:CANDIDATE_WINDOW],
        links.filter(tag_id__in=rare_tags).values("content_object_id").order_by(),
        eligible.newest_first().values("pk")[:NEWEST_FILL],
    )
    return (
        eligible.filter(pk__in=window)
        .annotate(score=relevance * freshness)
        .order_by(F("score").desc(), "-publication_date", "-id")
    )


def tag_usage(tag_ids):
    """{tag id: number of pages using it} for the source page's tags, read from the (tag, page) index."""
    EditorialPageTag = _tag_links()
    counted = EditorialPageTag.objects.filter(tag_id__in=tag_ids).values("tag_id").annotate(n=Count("id"))
    return {row["tag_id"]: row["n"] for row in counted.order_by()}


def keys_in_any(*key_lists):
    """The keys that any of `key_lists` (single-column querysets) selects, read in one query.

    Each list keeps its own ORDER BY and LIMIT inside a FROM subquery, the only place SQLite accepts
    them in a UNION (Django's own `union()` cannot write it); an empty list (no rare tag) is left out.
    The keys are read here rather than nested in the ranking: given a list of keys, PostgreSQL fetches
    those rows by key, while given the subquery it estimated thousands of rows and scanned every page.
    """
    parts = []
    for key_list in key_lists:
        try:
            parts.append(key_list.query.sql_with_params())
        except EmptyResultSet:
            continue
    if not parts:
        return []
    # Only SQL that Django compiled is joined here; every value stays a query parameter.
    sql = " UNION ".join(f"SELECT * FROM ({part}) AS part_{number}" for number, (part, _) in enumerate(parts))  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [param for _, params in parts for param in params])
        return [key for (key,) in cursor.fetchall()]


def diversify(candidates, count):
    """Best first, at most MAX_PER_TYPE of one type while other types still qualify.

    `candidates` are (key, content type id) pairs.
    """
    chosen, held_back, per_type = [], [], Counter()
    for candidate in candidates:
        _, content_type_id = candidate
        if per_type[content_type_id] < MAX_PER_TYPE:
            chosen.append(candidate)
            per_type[content_type_id] += 1
        else:
            held_back.append(candidate)
        if len(chosen) == count:
            return chosen
    return chosen + held_back[: count - len(chosen)]
