"""The directory in the admin: actors as snippets, with drafts, review and exports."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.exports import FormulaSafeSnippetIndexView

from .models import Actor


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
