"""The network in the admin: actors as snippets, join requests as records staff process."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from . import membership
from .models import Actor, MembershipRequest


class ActorViewSet(SnippetViewSet):
    model = Actor
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


class MembershipRequestPermissions(PermissionHelper):
    """Requests come from the public form only: staff read, decide and delete, never create or rewrite."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class MembershipRequestAdmin(ModelAdmin):
    model = MembershipRequest
    menu_label = _("Demandes d'adhésion")
    menu_icon = "user"
    menu_order = 220
    add_to_settings_menu = False
    permission_helper_class = MembershipRequestPermissions
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
                self.decide_view,
                name="network_membershiprequest_modeladmin_decide",
            ),
        )

    def decide_view(self, request, pk):
        return require_POST(decide)(request, pk)


def decide(request, pk):
    """Accept (a draft actor is created and opened for review) or refuse a request."""
    membership_request = get_object_or_404(MembershipRequest, pk=pk)
    if not request.user.has_perm("network.change_membershiprequest"):
        messages.error(request, _("Vous n'avez pas le droit de traiter les demandes d'adhésion."))
        return redirect("wagtailadmin_home")
    if request.POST.get("decision") == "accept":
        actor = membership.accept(membership_request, request.user)
        messages.success(
            request,
            _("Demande acceptée : la fiche « %(name)s » est créée en brouillon, à relire avant publication.")
            % {"name": actor.name},
        )
        return redirect(reverse("wagtailsnippets_network_actor:edit", args=[actor.pk]))
    membership.refuse(membership_request)
    messages.success(request, _("Demande refusée."))
    return redirect(reverse("network_membershiprequest_modeladmin_index"))


modeladmin_register(MembershipRequestAdmin)
