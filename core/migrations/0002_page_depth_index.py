from django.db import migrations

# Menus, the sitemap's sections and every `get_children()` select one level of the tree: with
# `depth` in an index PostgreSQL reads that level's few rows instead of scanning every page, a cost
# that grew with the site. Wagtail's page table indexes `path` only. Plain SQL, as the table is
# Wagtail's: both SQLite and PostgreSQL understand it.
INDEX = "core_page_depth_then_path"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
