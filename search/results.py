"""One search over the site's pages and the directory's actors, with facets by type and by theme,
promotions, and « Vouliez-vous dire … ? » when the words find little."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.filters import ChoiceFilter, FilterSet, theme_filter
from core.models import Theme
from network.directory.models import Actor
from news.models import EditorialPage
from pagecache.fragments import remembered

from .documents import RESULT_TYPES
from .matching import ParsedQuery, parse
from .ranking import matching_documents, ranked, theme_counts, type_counts
from .spelling import correction

# The facets a search is narrowed by; run_search narrows pages and actors by their values itself.
SEARCH_FILTERS = FilterSet(
    ChoiceFilter("type", _("type"), choices={slug: label for slug, (label, _models) in RESULT_TYPES.items()}),
    theme_filter(lookup=None),
)
# Below this many results, a correction of the words is proposed.
FEW_RESULTS = 3


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
    results: object = ()
    total: int = 0
    promoted: list = field(default_factory=list)
    type_counts: list = field(default_factory=list)
    theme_counts: list = field(default_factory=list)
    parsed: ParsedQuery = field(default_factory=ParsedQuery)
    suggestion: str = ""  # the corrected query, offered as « Vouliez-vous dire … ? »
    corrected: bool = False  # the results are the suggestion's: the visitor's words found nothing
    record: object = None  # the query's row for the admin's statistics, read with its promotions


def run_search(query, type_slug=None, theme=None, actor_base_url=None):
    """Rank matching pages and published actors together; count them by type and by theme.

    Every result has one type (RESULT_TYPES), so the total is the sum of the type counts; a promoted page
    that matches is counted once and listed among the promotions, not again below them.
    """
    parsed = parse(query)
    if not parsed:
        return SearchOutcome()
    record = Query.get(query)
    promoted = promoted_pages(record)
    outcome = _search(parsed, type_slug, theme, actor_base_url, promoted)
    if outcome.total < FEW_RESULTS and (suggestion := correction(query)):
        # Offered only when it finds more: the vocabulary may hold a word of a page since deleted.
        retried = _search(parse(suggestion), type_slug, theme, actor_base_url, promoted)
        if retried.total > outcome.total:
            if outcome.total == 0:
                outcome, outcome.corrected = retried, True
            outcome.suggestion = suggestion
    outcome.promoted = promoted
    outcome.record = record
    return outcome


def _search(parsed, type_slug, theme, actor_base_url, promoted):
    documents = matching_documents(parsed, theme)
    counts = type_counts(documents)
    outcome = SearchOutcome(parsed=parsed)
    outcome.type_counts = [
        {"slug": slug, "label": label, "count": counts[slug]}
        for slug, (label, _models) in RESULT_TYPES.items()
        if counts.get(slug)
    ]
    if type_slug in RESULT_TYPES:
        documents = documents.filter(result_type=type_slug)
        outcome.total = counts.get(type_slug, 0)
    else:
        outcome.total = sum(counts.values())
    per_theme = theme_counts(documents)
    outcome.theme_counts = [
        {"theme": theme, "count": per_theme[theme.pk]} for theme in all_themes() if per_theme.get(theme.pk)
    ]
    listed = outcome.total
    if promoted:
        promoted_ids = [page.pk for page in promoted]
        listed -= documents.filter(page_id__in=promoted_ids).count()
        documents = documents.exclude(page_id__in=promoted_ids)
    outcome.results = RankedResults(ranked(documents, parsed), listed, actor_base_url)
    return outcome


class RankedResults:
    """The ranked matches as the paginator reads them: their number, known from the counts, and the results
    of one page, loaded only for that page."""

    def __init__(self, documents, count, actor_base_url):
        self.documents, self._count, self.actor_base_url = documents, count, actor_base_url

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        rows = list(self.documents[key].values_list("page_id", "actor_id", "score"))
        page_ids = {page for page, _actor, _score in rows if page}
        # Editorial pages of every type in one query (what a result shows is on their common table),
        # the other pages by their specific types.
        pages = {page.pk: page for page in EditorialPage.objects.filter(pk__in=page_ids)}
        pages.update((page.pk, page) for page in Page.objects.filter(pk__in=page_ids - pages.keys()).specific())
        actors = Actor.objects.filter(pk__in=[actor for _page, actor, _score in rows if actor])
        actors = {actor.pk: actor for actor in actors}
        return [
            _page_result(pages[page], score) if page else _actor_result(actors[actor], self.actor_base_url, score)
            for page, actor, score in rows
            if pages.get(page) or actors.get(actor)
        ]


def promoted_queries():
    """The queries that have editors' picks: most searches have none, and need not ask for them."""
    return remembered(
        "search-promoted-queries",
        lambda: frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True)),
        follows_events=False,
    )


def all_themes():
    """Every theme, in order: remembered under the content generation, which a change of a theme retires."""
    return remembered("themes", lambda: list(Theme.objects.all()), follows_events=False)


def promoted_pages(record):
    """Editors' picks for this exact query (« Résultats promus » in the admin), in their order."""
    if record.query_string not in promoted_queries():
        return []
    promotions = record.editors_picks.filter(page__live=True).select_related("page").order_by("sort_order")
    return [promotion.page.specific for promotion in promotions if promotion.page_id]


def record_hit(outcome, query):
    """Count the query for the admin's « Recherches populaires » report, on the row its search read."""
    (outcome.record or Query.get(query)).add_hit()


def _page_result(page, score):
    editorial = isinstance(page, EditorialPage)
    summary = getattr(page, "listing_summary", "") or page.search_description or getattr(page, "chapo", "")
    summary = summary or getattr(page, "intro", "")
    return Result(
        title=page.title,
        url=page.url,
        type_label=page.type_label if editorial else page.specific_class._meta.verbose_name.capitalize(),
        summary=summary if isinstance(summary, str) else "",
        date=page.display_date if editorial else page.last_published_at,
        score=score,
    )


def _actor_result(actor, base_url, score):
    return Result(
        title=actor.name,
        url=f"{base_url}{actor.slug}/" if base_url else "",
        type_label=f"{_('Acteur')} · {actor.get_kind_display()}",
        summary=actor.short_description,
        date=None,
        score=score,
    )
