"""A first set of synonyms for the network's vocabulary, which editors complete or change in « Synonymes »."""

from django.db import migrations

DEFAULTS = [
    "ESS\néconomie sociale et solidaire",
    "vélo\ncyclable\ncyclisme",
    "tiers-lieu\ntiers lieu\nfablab",
    "TEPOS\nterritoire à énergie positive",
    "PCAET\nplan climat",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in DEFAULTS:
        Synonym.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_documents_full_text_index")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
