"""One search over the site's pages and the directory's actors, with facets by type and by theme."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from home.models import HomePage, StandardPage, Theme
from network.models import Actor
from news.models import EditorialPage, EventPage, NewsPage, ResourcePage, TopicPage

from .query import backend_query

# The types a visitor can narrow results to: {query-string value: (label, page models, or () for actors)}.
RESULT_TYPES = {
    "actualites": (_("Actualités"), (NewsPage,)),
    "evenements": (_("Événements"), (EventPage,)),
    "ressources": (_("Ressources"), (ResourcePage,)),
    "dossiers": (_("Dossiers"), (TopicPage,)),
    "pages": (_("Pages"), (StandardPage, HomePage)),
    "acteurs": (_("Acteurs"), ()),
}
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

    outcome.type_counts = _type_counts(parsed, page_matches, actor_matches)
    outcome.theme_counts = _theme_counts(parsed, type_slug)
    if type_slug in RESULT_TYPES:
        models = RESULT_TYPES[type_slug][1]
        page_matches = page_matches.type(*models) if models else page_matches.none()
        actor_matches = actor_matches.none() if models else actor_matches
    promoted_ids = {page.pk for page in outcome.promoted}
    pages = page_matches.exclude(pk__in=promoted_ids).specific().search(parsed).annotate_score("_score")
    actors = actor_matches.search(parsed).annotate_score("_score")
    outcome.total = len(outcome.promoted) + pages.count() + actors.count()
    ranked = [_page_result(page) for page in pages[:MAX_RANKED]]
    ranked += [_actor_result(actor, actor_base_url) for actor in actors[:MAX_RANKED]]
    outcome.results = sorted(ranked, key=lambda result: -result.score)
    return outcome


def pages_with_theme(theme):
    return EditorialPage.objects.filter(themes=theme).values("pk")


def promoted_pages(query):
    """Editors' picks for this exact query (« Résultats promus » in the admin), in their order."""
    promotions = Query.get(query).editors_picks.filter(page__live=True).select_related("page").order_by("sort_order")
    return [promotion.page.specific for promotion in promotions if promotion.page_id]


def record_hit(query):
    """Count the query for the admin's « Recherches populaires » report."""
    Query.get(query).add_hit()


def _type_counts(parsed, pages, actors):
    counts = []
    for slug, (label, models) in RESULT_TYPES.items():
        matches = pages.type(*models) if models else actors
        count = matches.search(parsed).count()
        if count:
            counts.append({"slug": slug, "label": label, "count": count})
    return counts


def _theme_counts(parsed, type_slug):
    models = RESULT_TYPES.get(type_slug, (None, (EditorialPage,)))[1] or (EditorialPage,)
    counts = []
    for theme in Theme.objects.all():
        matches = searchable_pages().type(*models).filter(pk__in=pages_with_theme(theme))
        count = matches.search(parsed).count()
        if count:
            counts.append({"theme": theme, "count": count})
    return counts


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
