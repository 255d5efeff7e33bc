"""Admin rules shared by the records that visitors create through public forms."""

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import HistoryView


class PublicFormRecordPermissions(PermissionHelper):
    """Join requests and subscribers come from the public forms only, with the consent given there:
    staff read, decide and delete them, never create or rewrite one."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class PublicFormRecordHistoryView(HistoryView):
    """wagtail-modeladmin opens every record's history to anyone in the admin, and the history's title is
    the record itself (a subscriber's address, a structure's name): it follows the record's own screen."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)
