"""Synonyms of the site search (« Synonymes »): Rédacteurs and Modérateurs add, change and delete them.

They are the site's vocabulary, as tags are, known best by those who write: a synonym only widens what a
search finds, never hides or promotes a page, holds no personal data, and is undone by deleting it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_synonym", "add_synonym", "change_synonym", "delete_synonym"]


def grant(apps, schema_editor):
    search = apps.get_app_config("search")
    search.models_module = True
    create_permissions(search, apps=apps, verbosity=0)
    search.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=["Rédacteurs", "Modérateurs"]):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_outbox_for_moderators"),
        ("search", "0002_search_documents_and_synonyms"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
