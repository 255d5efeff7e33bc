"""Promoted search results in the admin: the chooser of what visitors searched, for those who promote results.

Wagtail opens that chooser, a list of visitors' queries recorded by search/results.py, to anyone in the
admin, while its report of the same queries is for superusers. It answers here first, at Wagtail's
address (this app's hooks run before Wagtail's), for those who may add, change or delete a promotion.
"""

from django.urls import path

from wagtail import hooks
from wagtail.admin.auth import any_permission_required
from wagtail.contrib.search_promotions import views

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
