"""The full-text index over the search documents' three parts, one per database, matching the same words.

PostgreSQL: a generated `tsvector` column in the `simple` configuration (the words are already folded and
singular, see search/text.py) with a GIN index, and `pg_trgm` with a trigram index over the spelling
vocabulary. SQLite: an FTS5 table over the documents, kept in step by triggers, whose `fts5vocab` lists
the words for spelling suggestions.
"""

from django.db import migrations

POSTGRESQL = """
ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', title) || to_tsvector('simple', summary) || to_tsvector('simple', body)
) STORED;
CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX search_spelling_trigrams ON search_spellingword USING gin (folded gin_trgm_ops);
"""
POSTGRESQL_REVERSE = """
DROP INDEX IF EXISTS search_spelling_trigrams;
ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector;
"""
SQLITE = [
    """CREATE VIRTUAL TABLE search_searchdocument_fts USING fts5(
        title, summary, body, content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER search_searchdocument_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_searchdocument_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
    """CREATE TRIGGER search_searchdocument_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_searchdocument_fts(search_searchdocument_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
    END""",
    """CREATE TRIGGER search_searchdocument_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_searchdocument_fts(search_searchdocument_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO search_searchdocument_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_insert",
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_update",
    "DROP TABLE IF EXISTS search_searchdocument_fts",
]


def create(apps, schema_editor):
    _run(schema_editor, {"postgresql": [POSTGRESQL], "sqlite": SQLITE})


def drop(apps, schema_editor):
    _run(schema_editor, {"postgresql": [POSTGRESQL_REVERSE], "sqlite": SQLITE_REVERSE})


def _run(schema_editor, statements):
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_documents_and_synonyms")]
    operations = [migrations.RunPython(create, drop)]
