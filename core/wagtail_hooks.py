from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import guide, outbox_admin
from core.models import Theme
from core.tag_admin import TagViewSet


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


register_snippet(ThemeViewSet)
register_snippet(TagViewSet)


@hooks.register("register_admin_urls")
def guide_urls():
    return [
        path("aide/guide/", guide.guide, name="editors_guide"),
        path("aide/guide/img/<str:name>", guide.guide_picture, name="editors_guide_picture"),
    ]


@hooks.register("register_admin_urls")
def outbox_urls():
    return [
        path("courriels/", outbox_admin.outbox, name="core_outbox"),
        path("courriels/<int:email_id>/reessayer/", outbox_admin.retry, name="core_outbox_retry"),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(outbox_admin.PERMISSION)


@hooks.register("register_admin_menu_item")
def outbox_menu_item():
    return OutboxMenuItem(_("Courriels sortants"), reverse("core_outbox"), icon_name="mail", order=240)


@hooks.register("register_help_menu_item")
def guide_menu_item():
    return MenuItem(_("Guide de rédaction"), reverse("editors_guide"), icon_name="doc-full", order=100)


# Wagtail's own guide and release notes are in English, on another site: the site's guide replaces them.
WAGTAIL_HELP_ITEMS = {"editor-guide", "whats-new-in-wagtail"}


@hooks.register("construct_help_menu")
def keep_the_sites_own_guide(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(tuple(WAGTAIL_HELP_ITEMS))]


@hooks.register("insert_editor_js")
def tag_field_enter_key():
    return format_html('<script src="{}"></script>', static("js/admin-tags.js"))


@hooks.register("before_move_page")
def refuse_a_move_one_may_not_make(request, page, destination):
    """Wagtail shows the move confirmation to whoever may edit the page and checks only when it is
    posted: a Rédacteur would be asked to confirm a move that moves a live page's address."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
