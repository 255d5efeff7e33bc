"""« Recherche »: results ranked across pages and actors, facets, promotions, and title suggestions."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_safe

from core.models import Theme
from network.directory.models import ActorDirectoryPage
from news.models import EditorialPage
from pagecache.routes import use_remembered_site

from .matching import parse
from .query import clean_query
from .ranking import matching_documents, ranked
from .results import SEARCH_FILTERS, RankedResults, record_hit, run_search
from .spelling import correction

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8


@require_GET
def search(request):
    """Any query string gets an answer: results, a no-result page with advice, or a page to start from."""
    use_remembered_site(request)
    query = clean_query(request.GET.get("q", ""))
    filters = SEARCH_FILTERS.read_request(request)
    # Unlike a listing, a search ignores a type or theme that matches nothing: the visitor's words
    # still deserve their results, and the facets then offer the types and themes that exist.
    type_slug, theme = filters.values.get("type", ""), filters.values.get("theme")
    outcome = run_search(query, type_slug, theme, actor_base_url=ActorDirectoryPage.url_for_request(request))
    if query and request.GET.get("page", "1") == "1" and not type_slug and theme is None:
        record_hit(outcome, query)
    context = {
        "search_query": query,
        "outcome": outcome,
        "results": Paginator(outcome.results, RESULTS_PER_PAGE).get_page(request.GET.get("page")),
        "selected_type": type_slug,
        "selected_theme": theme,
    }
    if not query:
        context["themes"] = Theme.objects.all()
        context["latest"] = EditorialPage.objects.visible().newest_first().for_cards()[:4]
    return TemplateResponse(request, "pages/search_results.html", context)


# GET and HEAD: link checkers and some proxies ask HEAD first, and deserve the same answer.
@require_safe
def suggestions(request):
    """The best results for what the visitor is typing, ranked as the results page ranks them (title matches
    first), the last word taken as the start of a word; a typo is corrected when nothing matches."""
    query = clean_query(request.GET.get("q", ""))[:60]
    parsed = parse(query, prefix=True) if len(query) >= 2 else None
    if not parsed:
        return JsonResponse({"suggestions": []})
    actor_base_url = ActorDirectoryPage.url_for_request(request)
    found = _best(parsed, actor_base_url)
    if not found and (corrected := correction(query)):
        found = _best(parse(corrected), actor_base_url)
    return JsonResponse({"suggestions": [{"title": result.title, "url": result.url} for result in found]})


def _best(parsed, actor_base_url):
    return RankedResults(ranked(matching_documents(parsed), parsed), SUGGESTIONS, actor_base_url)[:SUGGESTIONS]
