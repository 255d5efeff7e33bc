"""Tag housekeeping (« Étiquettes »): Rédacteurs list and rename tags; Modérateurs also merge and delete them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_CODENAMES = ["view_tag", "change_tag"]
MODERATOR_CODENAMES = [*EDITOR_CODENAMES, "add_tag", "delete_tag"]


def grant(apps, schema_editor):
    taggit = apps.get_app_config("taggit")
    taggit.models_module = True
    create_permissions(taggit, apps=apps, verbosity=0)
    taggit.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Rédacteurs", EDITOR_CODENAMES), ("Modérateurs", MODERATOR_CODENAMES)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*Permission.objects.filter(content_type__app_label="taggit", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_gallery_minimum_checked_on_save"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
