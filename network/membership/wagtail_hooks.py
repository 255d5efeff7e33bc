"""Join requests in the admin: a list staff process, and « Formulaires » closed to those who may not read them."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.admin_records import PublicFormRecordHistoryView, PublicFormRecordPermissions
from core.exports import FormulaSafeModelAdminIndexView

from . import admin_views
from .models import MembershipRequest


@hooks.register("filter_form_submissions_for_user")
def join_requests_for_their_readers_only(user, editable_forms):
    """Wagtail opens a form's submissions to whoever may edit the form page, every Rédacteur here;
    join requests are personal data, for those who may read membership requests."""
    if user.has_perm(MembershipRequest.view_permission()):
        return editable_forms
    return editable_forms.none()


class MembershipRequestAdmin(ModelAdmin):
    model = MembershipRequest
    index_view_class = FormulaSafeModelAdminIndexView
    menu_label = _("Demandes d'adhésion")
    menu_icon = "user"
    menu_order = 220
    add_to_settings_menu = False
    permission_helper_class = PublicFormRecordPermissions
    history_view_class = PublicFormRecordHistoryView
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
        "decided_by",
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
                name="membership_membershiprequest_modeladmin_decide",
            ),
        )


modeladmin_register(MembershipRequestAdmin)
