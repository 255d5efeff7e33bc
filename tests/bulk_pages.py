"""Editorial pages written in bulk for the query-budget tests, as the benchmark writes them.

Created one at a time through the factories (a tree insert, a revision, a publication and search
indexing each), a budget test's 200 pages took most of its time.
"""

from bench.synthetic import index_in_bulk, insert_children
from news.models import EditorialPage, EditorialPageTag
from pagecache.generation import bump_generation


def write_in_bulk(parent, pages, themes_of, tags_of):
    """`pages` (unsaved, of one type) written as live children of `parent`, each linked to the themes
    `themes_of(page)` and the tags `tags_of(page)` (Tag rows) gives, and indexed for search.

    As after a publication, the content generation is then bumped, so that no listing count or
    suggestion remembered at a smaller size serves the larger one.
    """
    insert_children(parent, pages)
    link = EditorialPage.themes.through
    link.objects.bulk_create(link(editorialpage_id=page.pk, theme=theme) for page in pages for theme in themes_of(page))
    EditorialPageTag.objects.bulk_create(
        EditorialPageTag(content_object_id=page.pk, tag=tag) for page in pages for tag in tags_of(page)
    )
    index_in_bulk(type(pages[0]), pages)
    bump_generation()
