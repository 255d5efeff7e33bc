"""The staff dashboard's account of the public forms' spam defences: what they set aside, and why."""

from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import FORM_NAMES, DiscardedPosts, DiscardReason

DASHBOARD_DAYS = 30


class DiscardedPostsPanel(Component):
    """Per form and reason, the posts of the last 30 days that were not recorded as they came."""

    name = "discarded_posts"
    order = 60
    template_name = "security/discarded_posts_panel.html"

    def get_context_data(self, parent_context=None):
        since = timezone.localdate() - timedelta(days=DASHBOARD_DAYS)
        totals = (
            DiscardedPosts.objects.filter(day__gt=since)
            .values("form", "reason")
            .annotate(total=Sum("count"))
            .order_by("form", "reason")
        )
        labels = dict(DiscardReason.choices)
        rows = [
            (FORM_NAMES.get(row["form"], row["form"]), labels.get(row["reason"], row["reason"]), row["total"])
            for row in totals
        ]
        return {"rows": rows, "days": DASHBOARD_DAYS}


@hooks.register("construct_homepage_panels")
def add_discarded_posts(request, panels):
    panels.append(DiscardedPostsPanel())
