"""The editorial side of the admin dashboard: what needs an editor's attention."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import EditorialPage, EventPage, RegistrationMode

STALE_AFTER = timedelta(days=365)
LISTED = 10


class EditorialChecksPanel(Component):
    """Upcoming events missing an image or a registration link, and content not updated for a year."""

    name = "editorial_checks"
    order = 60
    template_name = "news/admin/editorial_checks_panel.html"

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        incomplete_events = (
            EditorialPage.objects.live()
            .type(EventPage)
            .upcoming_events(now)
            .filter(
                Q(hero_image__isnull=True, listing_image__isnull=True)
                | Q(eventpage__registration_mode=RegistrationMode.NONE)
            )
            .only("id", "title", "starts_at")[:LISTED]
        )
        stale = (
            EditorialPage.objects.live()
            .filter(updated_on__lt=(now - STALE_AFTER).date())
            .order_by("updated_on")
            .only("id", "title", "updated_on")[:LISTED]
        )
        return {
            "incomplete_events": [
                (event, reverse("wagtailadmin_pages:edit", args=[event.pk])) for event in incomplete_events
            ],
            "stale": [(page, reverse("wagtailadmin_pages:edit", args=[page.pk])) for page in stale],
        }


@hooks.register("construct_homepage_panels")
def add_editorial_checks(request, panels):
    panels.append(EditorialChecksPanel())
