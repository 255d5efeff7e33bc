"""The outbox's screen (emails waiting or failed, « Réessayer »): Modérateurs, like the other personal data."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    core = apps.get_app_config("core")
    core.models_module = True
    create_permissions(core, apps=apps, verbosity=0)
    core.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="core", codename="change_outgoingemail")
    for group in Group.objects.filter(name__in=["Modérateurs", "Administrateurs"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_tag_housekeeping_roles"),
        ("core", "0004_outbox_sent_by_tasks"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
