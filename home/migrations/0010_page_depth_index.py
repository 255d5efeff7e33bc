from django.db import migrations

# Menus, the sitemap's sections and every `get_children()` select one level of the tree: with
# `depth` in an index PostgreSQL reads that level's few rows instead of scanning every page, a cost
# that grew with the site. Wagtail's page table indexes `path` only. Plain SQL, as the table is
# Wagtail's: both SQLite and PostgreSQL understand it.
INDEX = "home_page_depth_then_path"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_video_hosts_help_text"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
