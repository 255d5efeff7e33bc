"""The editorial side of the admin: what needs an editor's attention, and the events' registrations.

Registrations name people: their list, exports, attendance sheet and actions are for Modérateurs and
Administrateurs (news/admin_views.py); the counts (the agenda's listing, the dashboard) are for everyone.
"""

from datetime import timedelta

from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin import display as admin_display
from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.admin_records import PublicFormRecordHistoryView, PublicFormRecordPermissions
from core.exports import FormulaSafeModelAdminIndexView

from . import admin_views
from .models import EditorialPage, EventPage, Registration, RegistrationMode
from .registrations import seat_counts

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


class RegistrationPermissions(PublicFormRecordPermissions):
    """Registrations are added by hand from the event's screen (through the seat service), never here;
    and never deleted: a deleted seat would not go to the waiting list. Staff cancel instead."""

    def user_can_delete_obj(self, user, obj):
        return False


class AnswerColumn:
    """An export column: one extra question's answers, headed by the question as people saw it."""

    def __init__(self, label):
        self.label = label

    def __call__(self, registration):
        for answer in registration.answers or ():
            if answer.get("label") == self.label:
                return readable_answer(answer.get("answer"))
        return ""


def readable_answer(answer):
    if answer is True:
        return _("Oui")
    if answer is False:
        return _("Non")
    return answer or ""


class RegistrationIndexView(FormulaSafeModelAdminIndexView):
    """The export gains a column for each extra question that the exported people answered."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        answers = queryset.order_by().values_list("answers", flat=True)
        labels = dict.fromkeys(answer.get("label") for given in answers for answer in given or ())
        self.list_export = [*self.list_export, *(AnswerColumn(label) for label in labels if label)]
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        return field.label if isinstance(field, AnswerColumn) else super().get_heading(queryset, field)


class EventFilter(RelatedOnlyFieldListFilter):
    """The events that have registrations, latest first (Django's filter would ask its own admin, not installed)."""

    def field_admin_ordering(self, field, request, model_admin):
        return ("-starts_at",)


class RegistrationAdmin(ModelAdmin):
    model = Registration
    index_view_class = RegistrationIndexView
    menu_label = _("Inscriptions aux événements")
    menu_icon = "group"
    menu_order = 215
    permission_helper_class = RegistrationPermissions
    history_view_class = PublicFormRecordHistoryView
    inspect_view_enabled = True
    list_display = ["name", "structure", "event_link", "status", "created_at"]
    list_filter = [("event", EventFilter), "status", "added_by_staff"]
    search_fields = ["name", "email", "structure"]
    list_export = [
        "event",
        "status",
        "name",
        "email",
        "structure",
        "accessibility_needs",
        "created_at",
        "added_by_staff",
    ]
    inspect_view_fields = [*list_export, "consent_text", "promoted_at", "cancelled_at"]
    inspect_template_name = "news/admin/registration_inspect.html"
    export_filename = "inscriptions"

    def get_queryset(self, request):
        # Anonymised registrations name no one: they stay in the counts, not in lists of people.
        return super().get_queryset(request).filter(anonymised_at__isnull=True).select_related("event")

    @admin_display(description=_("événement"), ordering="event__title")
    def event_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("news_event_registrations", args=[obj.event_id]), obj.event.title
        )


modeladmin_register(RegistrationAdmin)


@hooks.register("register_admin_urls")
def registration_admin_urls():
    return [
        path("inscriptions/evenement/<int:page_id>/", admin_views.event_registrations, name="news_event_registrations"),
        path(
            "inscriptions/evenement/<int:page_id>/ajouter/",
            admin_views.add_registration,
            name="news_add_registration",
        ),
        path(
            "inscriptions/evenement/<int:page_id>/emargement/",
            admin_views.attendance_sheet,
            name="news_attendance_sheet",
        ),
        path("inscriptions/<int:pk>/changer/", admin_views.change_registration, name="news_change_registration"),
    ]


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    event = page.specific_deferred
    if isinstance(event, EventPage) and event.registers_on_site and user.has_perm(admin_views.VIEW):
        yield Button(
            _("Inscriptions"), reverse("news_event_registrations", args=[page.pk]), icon_name="group", priority=70
        )


class EventListingView(ExplorableIndexView):
    """The agenda in the page explorer: each event with its registrations, seats taken / capacity."""

    base_columns = [
        *ExplorableIndexView.base_columns[:2],
        Column("seats", label=_("Inscrits / places"), accessor="seat_summary", width="16%"),
        *ExplorableIndexView.base_columns[2:],
    ]

    def get_table(self, object_list):
        events = list(object_list)
        counts = seat_counts([event for event in events if event.registers_on_site])
        for event in events:
            event.seat_summary = seat_summary(counts.get(event.pk))
        return super().get_table(events)


def seat_summary(count):
    """« 12 / 30 », « 12 » without a capacity, « + 4 en attente »; a dash for events without registration here."""
    if count is None:
        return "—"
    figure = f"{count.taken} / {count.capacity}" if count.capacity else str(count.taken)
    if count.waiting:
        figure += " " + _("(+ %(number)s en attente)") % {"number": count.waiting}
    return figure


class EventPageViewSet(PageViewSet):
    """Used by Wagtail for the agenda's children in the explorer (the agenda takes events only)."""

    model = EventPage
    index_view_class = EventListingView


@hooks.register("register_admin_viewset")
def event_page_viewset():
    return EventPageViewSet()


class RegistrationsPanel(Component):
    """Upcoming events with registration on the site and how full they are: figures only, for everyone."""

    name = "event_registrations"
    order = 55
    template_name = "news/admin/registrations_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        events = list(
            EventPage.objects.live()
            .filter(registration_mode=RegistrationMode.ON_SITE, ends_at__gte=timezone.now())
            .defer_streamfields()
            .order_by("starts_at")
            .only("id", "title", "starts_at", "capacity")[:LISTED]
        )
        counts = seat_counts(events)
        can_see_people = self.user.has_perm(admin_views.VIEW)
        return {
            "events": [
                {
                    "event": event,
                    "count": counts[event.pk],
                    "fill_rate": admin_views.fill_rate(counts[event.pk]),
                    "url": reverse(
                        "news_event_registrations" if can_see_people else "wagtailadmin_pages:edit", args=[event.pk]
                    ),
                }
                for event in events
            ]
        }


@hooks.register("construct_homepage_panels")
def add_registrations_panel(request, panels):
    panels.append(RegistrationsPanel(request.user))
