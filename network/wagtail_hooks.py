"""The network in the admin: actors as snippets; join requests and subscribers as records staff process."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from . import admin_views
from .exports import FormulaSafeModelAdminIndexView, FormulaSafeSnippetIndexView
from .models import Actor, MembershipRequest, NewsletterPage, Subscriber


class ActorViewSet(SnippetViewSet):
    model = Actor
    index_view_class = FormulaSafeSnippetIndexView
    icon = "group"
    menu_label = _("Acteurs")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "commune", "department", LiveStatusTagColumn(), UpdatedAtColumn()]
    list_filter = ["kind", "department", "themes", "live"]
    list_export = [
        "name",
        "kind",
        "short_description",
        "website",
        "public_email",
        "public_phone",
        "address",
        "postal_code",
        "commune",
        "department",
        "member_since",
        "live",
    ]
    export_filename = "acteurs"
    search_fields = ["name", "short_description", "commune"]
    ordering = ["name"]


register_snippet(ActorViewSet)


@hooks.register("filter_form_submissions_for_user")
def join_requests_for_their_readers_only(user, editable_forms):
    """Wagtail opens a form's submissions to whoever may edit the form page, every Rédacteur here;
    join requests are personal data, for those who may read membership requests."""
    if user.has_perm(MembershipRequest.view_permission()):
        return editable_forms
    return editable_forms.none()


class PublicFormRecordPermissions(PermissionHelper):
    """Join requests and subscribers come from the public forms only, with the consent given there:
    staff read, decide and delete them, never create or rewrite one."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class MembershipRequestAdmin(ModelAdmin):
    model = MembershipRequest
    index_view_class = FormulaSafeModelAdminIndexView
    menu_label = _("Demandes d'adhésion")
    menu_icon = "user"
    menu_order = 220
    add_to_settings_menu = False
    permission_helper_class = PublicFormRecordPermissions
    inspect_view_enabled = True
    inspect_template_name = "network/admin/membership_request_inspect.html"
    inspect_view_fields = [
        "status",
        "submit_time",
        "structure_name",
        "kind",
        "department",
        "email",
        "consent_text",
        "consent_at",
        "decided_at",
        "actor",
    ]
    list_display = ["submit_time", "structure_name", "kind", "department", "status", "mail_problem"]
    list_filter = ["status", "department", "submit_time"]
    search_fields = ["structure_name", "email", "department", "kind"]
    list_export = ["submit_time", "status", "structure_name", "kind", "department", "email", "consent_at", "decided_at"]
    export_filename = "demandes-adhesion"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("emails")

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            path(
                "network/membershiprequest/decide/<int:pk>/",
                admin_views.decide,
                name="network_membershiprequest_modeladmin_decide",
            ),
        )


modeladmin_register(MembershipRequestAdmin)


class SubscriberAdmin(ModelAdmin):
    model = Subscriber
    index_view_class = FormulaSafeModelAdminIndexView
    menu_label = _("Abonnés à la lettre")
    menu_icon = "mail"
    menu_order = 230
    permission_helper_class = PublicFormRecordPermissions
    inspect_view_enabled = True
    list_display = ["email", "status", "themes_list", "subscribed_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "subscribed_at"]
    search_fields = ["email", "first_name"]
    # Filter on « Confirmé » first to export the list for an external mailing tool.
    list_export = ["email", "first_name", "themes_list", "status", "confirmed_at"]
    export_filename = "abonnes-lettre"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")


modeladmin_register(SubscriberAdmin)


class NewsletterSummaryPanel(Component):
    """Dashboard counts: where the network and the newsletter stand this month."""

    name = "network_summary"
    order = 50
    template_name = "network/admin/summary_panel.html"

    def get_context_data(self, parent_context=None):
        from django.utils import timezone

        month_start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        confirmed = Subscriber.objects.confirmed()
        return {
            "new_requests": MembershipRequest.objects.filter(status=MembershipRequest.Status.NEW).count(),
            "confirmed_total": confirmed.count(),
            "confirmed_this_month": confirmed.filter(confirmed_at__gte=month_start).count(),
            "pending": Subscriber.objects.filter(status=Subscriber.Status.PENDING).count(),
            "requests_url": reverse("network_membershiprequest_modeladmin_index") + "?status__exact=nouvelle",
            "subscribers_url": reverse("network_subscriber_modeladmin_index") + "?status__exact=confirme",
        }


@hooks.register("construct_homepage_panels")
def add_network_summary(request, panels):
    panels.append(NewsletterSummaryPanel())


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [path("lettre/envoyer/<int:page_id>/", admin_views.send_newsletter, name="network_send_newsletter")]


@hooks.register("register_page_header_buttons")
def send_newsletter_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsletterPage) and page.permissions_for_user(user).can_publish():
        yield Button(
            _("Envoyer la lettre"), reverse("network_send_newsletter", args=[page.pk]), icon_name="mail", priority=80
        )
