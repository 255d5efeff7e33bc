"""The site search's index as a Wagtail search backend (`WAGTAILSEARCH_BACKENDS["site"]`).

Being a backend, it is kept up to date by Wagtail itself: on every save and delete of an indexed object,
by `manage.py update_index`, and by whatever adds objects in bulk through `get_search_backends()`.
It only stores documents; the site search queries them (search/ranking.py), never through Wagtail's
`.search()`.
"""

from django.db import transaction

from wagtail.models import Page
from wagtail.search.backends.base import BaseIndex, BaseSearchBackend

from network.directory.models import Actor

from .documents import build_document
from .models import SearchDocument, SpellingWord


class SiteSearchIndex(BaseIndex):
    def add_items(self, model, items):
        objects = [item for item in items if _is_searchable(item)]
        if not objects:
            return
        built = [build_document(obj) for obj in objects]
        vocabulary = {}
        for _document, spelling in built:
            vocabulary.update(spelling)
        with transaction.atomic():
            owners = [("actor" if isinstance(obj, Actor) else "page", obj.pk) for obj in objects]
            for kind in ("page", "actor"):
                SearchDocument.objects.filter(
                    **{f"{kind}_id__in": [pk for owner, pk in owners if owner == kind]}
                ).delete()
            SearchDocument.objects.bulk_create([document for document, _spelling in built])
            SpellingWord.objects.bulk_create(
                [SpellingWord(word=word, folded=folded) for word, folded in vocabulary.items()],
                ignore_conflicts=True,
            )

    def delete_item(self, item):
        owner = "actor" if isinstance(item, Actor) else "page"
        SearchDocument.objects.filter(**{f"{owner}_id": item.pk}).delete()

    def reset(self):
        SearchDocument.objects.all().delete()
        SpellingWord.objects.all().delete()


def _is_searchable(obj):
    """Actors, and pages under the root taken as their own type: `update_index` also goes through every
    page as a plain `Page`, which its specific type indexes with all of its fields."""
    if isinstance(obj, Actor):
        return True
    return isinstance(obj, Page) and obj.depth > 1 and type(obj) is obj.specific_class


class SiteSearchRebuilder:
    def __init__(self, index):
        self.index = index

    def start(self):
        self.index.reset()
        return self.index

    def finish(self):
        pass


class SiteSearchBackend(BaseSearchBackend):
    index_class = SiteSearchIndex
    rebuilder_class = SiteSearchRebuilder


SearchBackend = SiteSearchBackend
