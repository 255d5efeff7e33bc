"""One search over the site's pages and the directory's actors, with facets by type and by theme."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, get_page_models

from core.filters import ChoiceFilter, FilterSet, theme_filter
from core.models import Theme
from network.directory.models import Actor
from news.content_types import editorial_types
from news.models import EditorialPage, TopicPage

from .query import backend_query

# The types a visitor can narrow results to: {query-string value: (label, page models, or () for actors)}.
# The site's general pages are named by label: their app sits above search.
RESULT_TYPES = {
    **{slug: (label, (model,)) for slug, (label, model) in editorial_types().items()},
    "dossiers": (_("Dossiers"), (TopicPage,)),
    "pages": (_("Pages"), tuple(apps.get_model(label) for label in ("home.StandardPage", "home.HomePage"))),
    "acteurs": (_("Acteurs"), ()),
}
# The facets a search is narrowed by; run_search narrows pages and actors by their values itself.
SEARCH_FILTERS = FilterSet(
    ChoiceFilter("type", _("type"), choices={slug: label for slug, (label, _models) in RESULT_TYPES.items()}),
    theme_filter(lookup=None),
)
# Results ranked across pages and actors are merged from the best of each; beyond this, nobody reads.
MAX_RANKED = 200


@dataclass
class Result:
    """What a result shows, whether it is a page or an actor."""

    title: str
    url: str
    type_label: str
    summary: str
    date: object
    score: float


@dataclass
class SearchOutcome:
    results: list = field(default_factory=list)
    total: int = 0
    promoted: list = field(default_factory=list)
    type_counts: list = field(default_factory=list)
    theme_counts: list = field(default_factory=list)


def searchable_pages():
    return Page.objects.live().public().exclude(depth__lte=1)


def run_search(query, type_slug=None, theme=None, actor_base_url=None):
    """Rank matching pages and published actors together; count them by type and by theme."""
    parsed = backend_query(query)
    outcome = SearchOutcome()
    if parsed is None:
        return outcome
    outcome.promoted = promoted_pages(query)
    page_matches = searchable_pages()
    if theme is not None:
        page_matches = page_matches.filter(pk__in=pages_with_theme(theme))
    actor_matches = Actor.objects.published()
    if theme is not None:
        actor_matches = actor_matches.filter(pk__in=theme.actors.values("pk"))

    per_content_type = _grouped_counts(page_matches.search(parsed, order_by_relevance=False), "content_type_id")
    outcome.type_counts = _type_counts(parsed, page_matches, actor_matches, per_content_type)
    outcome.theme_counts = _theme_counts(parsed, type_slug)
    if type_slug in RESULT_TYPES:
        models = RESULT_TYPES[type_slug][1]
        page_matches = page_matches.type(*models) if models else page_matches.none()
        actor_matches = actor_matches.none() if models else actor_matches
    promoted_ids = {page.pk for page in outcome.promoted}
    outcome.total = len(promoted_ids) + _matches_listed(
        outcome.type_counts, type_slug, per_content_type, page_matches, parsed, promoted_ids
    )
    pages = page_matches.exclude(pk__in=promoted_ids).specific().search(parsed).annotate_score("_score")
    actors = actor_matches.search(parsed).annotate_score("_score")
    ranked = [_page_result(page) for page in pages[:MAX_RANKED]]
    ranked += [_actor_result(actor, actor_base_url) for actor in actors[:MAX_RANKED]]
    outcome.results = sorted(ranked, key=lambda result: -result.score)
    return outcome


def _matches_listed(type_counts, type_slug, per_content_type, pages, parsed, promoted_ids):
    """How many matches are listed under the promoted pages, from the counts already made when the
    backend grouped them (a count over every match is the costly part of a search).

    Index pages and other types without a facet are listed when no type is picked; a promoted page
    that also matches is listed once, among the promotions.
    """
    facets = {facet["slug"]: facet["count"] for facet in type_counts}
    if type_slug in RESULT_TYPES:
        listed = facets.get(type_slug, 0)
    elif per_content_type is None:
        listed = pages.search(parsed, order_by_relevance=False).count() + facets.get("acteurs", 0)
    else:
        listed = sum(per_content_type.values()) + facets.get("acteurs", 0)
    if promoted_ids:
        listed -= pages.filter(pk__in=promoted_ids).search(parsed, order_by_relevance=False).count()
    return listed


def pages_with_theme(theme):
    return EditorialPage.objects.filter(themes=theme).values("pk")


def promoted_pages(query):
    """Editors' picks for this exact query (« Résultats promus » in the admin), in their order."""
    promotions = Query.get(query).editors_picks.filter(page__live=True).select_related("page").order_by("sort_order")
    return [promotion.page.specific for promotion in promotions if promotion.page_id]


def record_hit(query):
    """Count the query for the admin's « Recherches populaires » report."""
    Query.get(query).add_hit()


def _type_counts(parsed, pages, actors, per_content_type):
    """Matches by type: the pages from their grouped count where the backend allows it, then the actors."""
    counts = []
    for slug, (label, models) in RESULT_TYPES.items():
        if not models:
            count = actors.search(parsed).count()
        elif per_content_type is None:
            count = pages.type(*models).search(parsed).count()
        else:
            count = sum(per_content_type.get(pk, 0) for pk in _content_type_ids(models))
        if count:
            counts.append({"slug": slug, "label": label, "count": count})
    return counts


def _theme_counts(parsed, type_slug):
    models = RESULT_TYPES.get(type_slug, (None, (EditorialPage,)))[1] or (EditorialPage,)
    themes = list(Theme.objects.all())
    matches = searchable_pages().type(*models)
    theme_links = EditorialPage.themes.through.objects
    matching = _matching_queryset(matches.search(parsed, order_by_relevance=False))
    if matching is None:
        per_theme = {
            theme.pk: matches.filter(pk__in=pages_with_theme(theme)).search(parsed).count() for theme in themes
        }
    else:
        links = theme_links.filter(editorialpage_id__in=matching.values("pk")).values("theme_id")
        per_theme = {row["theme_id"]: row["n"] for row in links.annotate(n=Count("editorialpage_id")).order_by()}
    return [{"theme": theme, "count": per_theme[theme.pk]} for theme in themes if per_theme.get(theme.pk)]


def _matching_queryset(results):
    """The database backends' matches as a plain queryset, so that they can be counted in groups.

    The database backend recomputes every indexed page's text vector for each search it runs: one
    grouped count instead of one count per type or theme divides that cost by as many. OpenSearch and
    Elasticsearch results have no queryset (None): they are counted one by one, cheaply, there.
    """
    get_queryset = getattr(results, "get_queryset", None)
    return get_queryset().order_by() if get_queryset else None


def _grouped_counts(results, field):
    """{value of `field`: number of matches}, or None when the backend gives no queryset."""
    matching = _matching_queryset(results)
    if matching is None:
        return None
    return {row[field]: row["n"] for row in matching.values(field).annotate(n=Count("pk"))}


def _content_type_ids(models):
    """The content types of `models` and of the page types that extend them, as `PageQuerySet.type()` counts them."""
    page_models = [model for model in get_page_models() if issubclass(model, models)]
    return {content_type.pk for content_type in ContentType.objects.get_for_models(*page_models).values()}


def _page_result(page):
    editorial = isinstance(page, EditorialPage)
    summary = getattr(page, "listing_summary", "") or page.search_description or getattr(page, "chapo", "")
    summary = summary or getattr(page, "intro", "")
    return Result(
        title=page.title,
        url=page.url,
        type_label=page.type_label if editorial else page.specific_class._meta.verbose_name.capitalize(),
        summary=summary if isinstance(summary, str) else "",
        date=page.display_date if editorial else page.last_published_at,
        score=page._score or 0,
    )


def _actor_result(actor, base_url):
    return Result(
        title=actor.name,
        url=f"{base_url}{actor.slug}/" if base_url else "",
        type_label=f"{_('Acteur')} · {actor.get_kind_display()}",
        summary=actor.short_description,
        date=None,
        score=actor._score or 0,
    )
