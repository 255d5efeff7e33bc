"""Admin rules shared by the records that visitors create through public forms."""

from wagtail_modeladmin.helpers import PermissionHelper


class PublicFormRecordPermissions(PermissionHelper):
    """Join requests and subscribers come from the public forms only, with the consent given there:
    staff read, decide and delete them, never create or rewrite one."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False
