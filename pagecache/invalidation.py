"""What retires the cached pages: any change to what public pages show, by editors, imports or scripts.

Publications are heard through Wagtail's signals, and every save or deletion of a page, snippet,
setting, site, redirect, image, document or tag through Django's: imports and demo loaders save
pages without publishing them, and a whole-site bump costs one re-render of each page visited.
"""

from functools import cache as memoize

from django.db.models.signals import post_delete, post_save

from wagtail.models import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .generation import bump_generation

# Saves that only record an editor's draft, lock or comments, or a file's measured size and hash:
# what visitors see does not change, and editors save drafts far more often than they publish.
UNSEEN_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        COMMENTS_RELATION_NAME,
        "file_size",
        "file_hash",
    }
)


@memoize
def shown_models():
    """Models whose rows public pages display; looked up on first use, once snippets are registered."""
    from django.apps import apps

    from taggit.models import Tag
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    setting_models = [model for model in apps.get_models() if issubclass(model, BaseSiteSetting | BaseGenericSetting)]
    # Editors' picks show on searches, whose list of promoted queries is remembered (search.results).
    promotions = (
        [apps.get_model("wagtailsearchpromotions", "SearchPromotion")]
        if apps.is_installed("wagtail.contrib.search_promotions")
        else []
    )
    return (
        Page,
        Site,
        PageViewRestriction,
        Redirect,
        Tag,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
        *setting_models,
        *promotions,
    )


def _on_change(sender, instance, update_fields=None, **kwargs):
    if update_fields and UNSEEN_FIELDS.issuperset(update_fields):
        return
    if isinstance(instance, shown_models()):
        bump_generation()


def _on_publication(sender, **kwargs):
    bump_generation()


def connect():
    post_save.connect(_on_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_change, dispatch_uid="pagecache-delete")
    # Publications save their object too; heard here as well so that no future path of Wagtail's
    # (a publication updating rows in bulk) can change the site behind the cache's back.
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_publication, dispatch_uid=f"pagecache-{id(signal)}")
