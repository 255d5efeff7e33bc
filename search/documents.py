"""From a page or an actor to the document the site search indexes: its type, its three weighted parts, its dates."""

from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from network.directory.models import Actor
from news.content_types import editorial_types
from news.models import EditorialPage, TopicPage

from .models import SearchDocument
from .text import WORD, fold, indexed, words

# The types a visitor can narrow results to: {query-string value: (label, page models; () for the other
# pages and for actors)}.
# Every page that is no editorial content nor a dossier is a « page » (home, index and directory pages, the
# join form...): each result has exactly one type, so that the types' counts add up to the total.
RESULT_TYPES = {
    **{slug: (label, (model,)) for slug, (label, model) in editorial_types().items()},
    "dossiers": (_("Dossiers"), (TopicPage,)),
    "pages": (_("Pages"), ()),
    "acteurs": (_("Acteurs"), ()),
}
# Fields that summarise a page: they weigh between the title and the body. Related fields (tags, themes)
# are summaries too.
TITLE_FIELDS = {"title", "name"}
SUMMARY_FIELDS = {
    *("listing_summary", "search_description", "chapo", "intro", "hero_intro"),
    *("short_description", "commune", "authors"),
}


def result_type(obj):
    if isinstance(obj, Actor):
        return "acteurs"
    for slug, (_label, models) in RESULT_TYPES.items():
        if models and isinstance(obj, models):
            return slug
    return "pages"


def build_document(obj):
    """(an unsaved SearchDocument, its spelling words) for a specific page or an actor."""
    parts = {"title": [], "summary": [], "body": []}
    for field in obj.get_search_fields():
        if isinstance(field, index.RelatedFields):
            parts["summary"].extend(_related_values(obj, field))
        elif isinstance(field, index.SearchField):
            name = field.field_name
            part = "title" if name in TITLE_FIELDS else "summary" if name in SUMMARY_FIELDS else "body"
            parts[part].append(_text(field.get_value(obj)))
    title, summary = " ".join(parts["title"]), " ".join(parts["summary"])
    is_page = not isinstance(obj, Actor)
    date = getattr(obj, "display_date", None) if isinstance(obj, EditorialPage) else None
    document = SearchDocument(
        page_id=obj.pk if is_page else None,
        actor_id=None if is_page else obj.pk,
        result_type=result_type(obj),
        title=indexed(title),
        summary=indexed(summary),
        body=indexed(" ".join(parts["body"])),
        title_length=max(1, len(words(title))),
        date=date,
        ends_at=getattr(obj, "ends_at", None),
    )
    return document, spelling_words(f"{title} {summary}")


def spelling_words(text):
    """{word as written, in lower case: folded word} of a title or summary: what typos are corrected to."""
    return {word.casefold(): fold(word) for word in WORD.findall(text) if 3 < len(word) <= 60}


def _related_values(obj, field):
    related = field.get_value(obj)
    if related is None:
        return []
    items = related.all() if hasattr(related, "all") else [related]
    return [_text(sub.get_value(item)) for item in items for sub in field.fields if isinstance(sub, index.SearchField)]


def _text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return "" if value is None else force_str(value)
