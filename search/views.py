import unicodedata

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Page
from wagtail.search.utils import parse_query_string

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's words without control characters (NUL breaks the database), cut to a sane length."""
    printable = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    """Full-text search over the live public pages, paginated; any query string is answered."""
    query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        # Parsing turns quotes into phrases, so an unbalanced quote cannot reach the database raw.
        _filters, parsed_query = parse_query_string(query)
        results = Page.objects.live().public().specific().search(parsed_query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "pages/search_results.html", {"search_query": query, "results": page})
