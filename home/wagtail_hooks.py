"""The dashboard's summary of the network: join requests to decide, newsletter subscribers.

It lives on the top floor because it reads two apps (membership, newsletter) that know nothing of each other.
"""

from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component

from network.membership.models import MembershipRequest
from network.newsletter.models import Subscriber


class NewsletterSummaryPanel(Component):
    """Dashboard counts: where the network and the newsletter stand this month."""

    name = "network_summary"
    order = 50
    template_name = "network/admin/summary_panel.html"

    def get_context_data(self, parent_context=None):
        month_start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        confirmed = Subscriber.objects.confirmed()
        return {
            "new_requests": MembershipRequest.objects.filter(status=MembershipRequest.Status.NEW).count(),
            "confirmed_total": confirmed.count(),
            "confirmed_this_month": confirmed.filter(confirmed_at__gte=month_start).count(),
            "pending": Subscriber.objects.filter(status=Subscriber.Status.PENDING).count(),
            "requests_url": reverse("membership_membershiprequest_modeladmin_index") + "?status__exact=nouvelle",
            "subscribers_url": reverse("newsletter_subscriber_modeladmin_index") + "?status__exact=confirme",
        }


@hooks.register("construct_homepage_panels")
def add_network_summary(request, panels):
    """For those who read join requests and subscribers: a Rédacteur would find two links to refused screens."""
    if request.user.has_perm(MembershipRequest.view_permission()) or request.user.has_perm(
        f"{Subscriber._meta.app_label}.view_{Subscriber._meta.model_name}"
    ):
        panels.append(NewsletterSummaryPanel())
