"""Event registrations (« Inscriptions aux événements ») are personal data: Modérateurs and Administrateurs
read them, add someone by hand and change where a person stands; Rédacteurs only see counts, which need
no permission.

No one deletes a registration from the admin (a deleted seat would not go to the waiting list): staff
cancel it instead, and anonymisation after the event, or `personal_data erase`, removes the person.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_registration", "add_registration", "change_registration"]


def grant(apps, schema_editor):
    news = apps.get_app_config("news")
    news.models_module = True
    create_permissions(news, apps=apps, verbosity=0)
    news.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="news", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=["Modérateurs", "Administrateurs"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_callout_partners_network_map_blocks"),
        ("news", "0003_event_registrations_on_site"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
