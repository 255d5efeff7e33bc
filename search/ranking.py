"""Which documents match, in which order, and how many of each type and theme: three SQL queries.

The order is computed the same way on both databases, from where each clause of the query is found:
in the title (10), else in the summary, tags or themes (4), else in the body (1), plus 20 when the title
is exactly the query. At equal scores, the title that the query covers best, then what is current (an
event not yet over, any other content) before past events, then the most recent.
"""

from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Cast, Greatest
from django.utils import timezone

from core.visibility import restricted
from news.models import EditorialPage

from .matching import full_text_condition
from .models import SearchDocument

WEIGHTS = (("title", 10), ("summary", 4))
OTHERWISE = 1  # found in the body only
EXACT_TITLE = 20


def pages_with_theme(theme):
    return EditorialPage.objects.filter(themes=theme).values("pk")


def matching_documents(parsed, theme=None):
    """The documents of published, public pages (`Page.objects.live().public()`, the root aside) and of
    published actors that match every clause."""
    # Joins rather than subqueries: the database starts from the matching documents and looks each owner up.
    documents = (
        SearchDocument.objects.filter(full_text_condition(parsed))
        .filter(Q(page__live=True, page__depth__gt=1) | Q(actor__live=True))
        .exclude(restricted("page__path"))
    )
    if theme is not None:
        documents = documents.filter(Q(page__in=pages_with_theme(theme)) | Q(actor__in=theme.actors.values("pk")))
    return documents


def ranked(documents, parsed):
    """The documents with their score, best first."""
    title_hits = [Case(When(_found("title", clause), then=1), default=0) for clause in parsed.clauses]
    clause_scores = [
        Case(*[When(_found(part, clause), then=weight) for part, weight in WEIGHTS], default=OTHERWISE)
        for clause in parsed.clauses
    ]
    exact = Case(When(title=f" {parsed.phrase()} ", then=EXACT_TITLE), default=0)
    past_event = Case(When(ends_at__lt=timezone.now(), then=1), default=0, output_field=IntegerField())
    return documents.annotate(
        score=sum(clause_scores, exact),
        coverage=Cast(sum(title_hits, Value(0)), FloatField()) / Cast(Greatest(F("title_length"), 1), FloatField()),
        past_event=past_event,
    ).order_by("-score", "-coverage", "past_event", F("date").desc(nulls_last=True), "pk")


def type_counts(documents):
    """{result type: number of matches}, in one grouped query."""
    rows = documents.order_by().values("result_type").annotate(n=Count("pk"))
    return {row["result_type"]: row["n"] for row in rows}


def theme_counts(documents):
    """{theme id: number of matching editorial pages}, in one grouped query."""
    links = EditorialPage.themes.through.objects.filter(editorialpage_id__in=documents.values("page_id"))
    rows = links.order_by().values("theme_id").annotate(n=Count("editorialpage_id"))
    return {row["theme_id"]: row["n"] for row in rows}


def _found(part, clause):
    """Whether one of the clause's alternatives is in that part of the document, as words (not inside a word)."""
    condition = Q()
    for words in clause.alternatives:
        text = " " + " ".join(words) + ("" if clause.prefix else " ")
        condition |= Q(**{f"{part}__contains": text})
    return condition
