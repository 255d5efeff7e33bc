"""Synonyms of the site search, and promoted search results in the admin.

The chooser of what visitors searched is for those who promote results.

Wagtail opens that chooser, a list of visitors' queries recorded by search/results.py, to anyone in the
admin, while its report of the same queries is for superusers. It answers here first, at Wagtail's
address (this app's hooks run before Wagtail's), for those who may add, change or delete a promotion.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import any_permission_required
from wagtail.contrib.search_promotions import views
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym

PROMOTE = [f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")]


@hooks.register("register_admin_urls")
def query_chooser_for_promoters():
    only_promoters = any_permission_required(*PROMOTE)
    return [
        path("searchpicks/queries/chooser/", only_promoters(views.chooser), name="search_query_chooser"),
        path(
            "searchpicks/queries/chooser/results/",
            only_promoters(views.chooserresults),
            name="search_query_chooser_results",
        ),
    ]


class SynonymViewSet(SnippetViewSet):
    """« Synonymes »: the words visitors type for one another, managed by the editorial team."""

    model = Synonym
    icon = "resubmit"
    menu_label = _("Synonymes")
    add_to_settings_menu = True
    list_display = ["__str__"]


register_snippet(SynonymViewSet)
