"""The newsletter in the admin: subscribers as records staff process, and the letter's « Envoyer » screen."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.admin_records import PublicFormRecordHistoryView, PublicFormRecordPermissions
from core.exports import FormulaSafeModelAdminIndexView

from . import admin_views
from .models import NewsletterPage, Subscriber


class SubscriberAdmin(ModelAdmin):
    model = Subscriber
    index_view_class = FormulaSafeModelAdminIndexView
    menu_label = _("Abonnés à la lettre")
    menu_icon = "mail"
    menu_order = 230
    permission_helper_class = PublicFormRecordPermissions
    history_view_class = PublicFormRecordHistoryView
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


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path("lettre/envoyer/<int:page_id>/", admin_views.send_newsletter, name="network_send_newsletter"),
        path(
            "lettre/envoyer/<int:page_id>/avancement/",
            admin_views.newsletter_progress,
            name="network_newsletter_progress",
        ),
    ]


@hooks.register("register_page_header_buttons")
def send_newsletter_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsletterPage) and page.permissions_for_user(user).can_publish():
        yield Button(
            _("Envoyer la lettre"), reverse("network_send_newsletter", args=[page.pk]), icon_name="mail", priority=80
        )
