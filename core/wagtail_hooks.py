from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Theme


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


@hooks.register("before_move_page")
def refuse_a_move_one_may_not_make(request, page, destination):
    """Wagtail shows the move confirmation to whoever may edit the page and checks only when it is
    posted: a Rédacteur would be asked to confirm a move that moves a live page's address."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
