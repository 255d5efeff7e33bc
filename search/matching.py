"""A visitor's query as clauses of alternatives, and the full-text condition each database matches it with.

A query is a list of clauses that must all match; a clause matches when one of its alternatives does; an
alternative is a word or a phrase of folded, singular words (search/text.py). Editors' synonyms add
alternatives to a clause. The same clauses give PostgreSQL's `tsquery` and SQLite's FTS5 expression, and
the ranking (search/ranking.py) reads them, so that both databases find and order the same pages.
"""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Expression, F, Q

from pagecache.fragments import remembered

from .models import Synonym
from .query import search_terms
from .text import STOP_WORDS, words

# A clause of one common word alone (« de », « la »): dropped when the query has others.
STOP_CLAUSES = {((word,),) for word in STOP_WORDS}


@dataclass(frozen=True)
class Clause:
    alternatives: tuple  # tuples of words: one word, or a phrase
    prefix: bool = False  # the last word of each alternative may be the start of a longer word


@dataclass
class ParsedQuery:
    clauses: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.clauses)

    @property
    def terms(self):
        """Every word the query can match, for highlighting."""
        return {word for clause in self.clauses for alternative in clause.alternatives for word in alternative}

    def phrase(self):
        """The query's own words (first alternatives), as the title of an exact match would read."""
        return " ".join(" ".join(clause.alternatives[0]) for clause in self.clauses)


def parse(query, synonyms=None, prefix=False):
    """Clauses of a cleaned query: its quoted phrases and its words (common words dropped when others remain),
    each widened by the synonyms. With `prefix`, the last word also matches longer words (type-ahead)."""
    phrases, loose = search_terms(query)
    groups = [tuple(words(phrase)) for phrase in phrases]
    groups += [(word,) for text in loose for word in words(text)]
    groups = [group for group in groups if group]
    if not groups:
        return ParsedQuery()
    clauses = _with_synonyms(groups, synonym_groups() if synonyms is None else synonyms)
    meaningful = [clause for clause in clauses if clause.alternatives not in STOP_CLAUSES]
    clauses = meaningful or clauses
    if prefix and len(clauses[-1].alternatives[0]) == 1 and groups[-1] == clauses[-1].alternatives[0]:
        clauses[-1] = Clause(clauses[-1].alternatives, prefix=True)
    return ParsedQuery(clauses)


def synonym_groups():
    """Each editors' synonym as a tuple of word tuples; remembered under the content generation, which an
    edit of the synonyms retires."""
    return remembered("search-synonyms", _read_synonym_groups, follows_events=False)


def _read_synonym_groups():
    return tuple(tuple(tuple(words(term)) for term in synonym.term_list()) for synonym in Synonym.objects.all())


def _with_synonyms(groups, synonyms):
    """One clause per group; a run of groups that spells a synonym's term becomes one clause of all its terms."""
    clauses, position = [], 0
    while position < len(groups):
        found = _synonym_at(groups, position, synonyms)
        if found is None:
            clauses.append(Clause((groups[position],)))
            position += 1
            continue
        term, alternatives = found
        clauses.append(Clause((term, *[alternative for alternative in alternatives if alternative != term])))
        position += _groups_spanning(groups, position, len(term))
    return clauses


def _synonym_at(groups, position, synonyms):
    """(the synonym's term, all its terms) when the words from `position` start with one of its terms."""
    following = [word for group in groups[position:] for word in group]
    for terms in synonyms:
        for term in sorted(terms, key=len, reverse=True):
            if term and tuple(following[: len(term)]) == term and _groups_spanning(groups, position, len(term)):
                return term, terms
    return None


def _groups_spanning(groups, position, count):
    """How many whole groups from `position` hold exactly `count` words; 0 when a group would be cut."""
    total = 0
    for taken, group in enumerate(groups[position:], start=1):
        total += len(group)
        if total == count:
            return taken
        if total > count:
            return 0
    return 0


class FullTextMatch(Expression):
    """Whether a document's words match the query, read from the full-text index of its own row.

    Written on the row's own table, wherever Django puts (and renames) it, so that the database starts
    from its full-text index and reads only the matching documents, however many others there are.
    """

    output_field = BooleanField()

    def __init__(self, parsed):
        super().__init__()
        self.parsed, self.row = parsed, F("pk")

    def get_source_expressions(self):
        return [self.row]

    def set_source_expressions(self, expressions):
        (self.row,) = expressions

    def as_sql(self, compiler, connection):
        row, _params = compiler.compile(self.row)
        if connection.vendor == "postgresql":
            table = row.rsplit(".", 1)[0]
            return f"{table}.\"vector\" @@ to_tsquery('simple', %s)", [_tsquery(self.parsed)]
        if connection.vendor == "sqlite":
            fts = "search_searchdocument_fts"
            sql = f"{row} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)"  # noqa: S608 - a column, the query as a parameter
            return sql, [_fts5_query(self.parsed)]
        raise NotImplementedError(connection.vendor)


def full_text_condition(parsed):
    """A filter on SearchDocument: the documents whose words match every clause."""
    return Q(FullTextMatch(parsed))


def _tsquery(parsed):
    def alternative(words_, prefix):
        lexemes = [f"'{word}'" for word in words_]
        if prefix:
            lexemes[-1] += ":*"
        return " <-> ".join(lexemes)

    return " & ".join(
        "(" + " | ".join(alternative(words_, clause.prefix) for words_ in clause.alternatives) + ")"
        for clause in parsed.clauses
    )


def _fts5_query(parsed):
    def alternative(words_, prefix):
        return f'"{" ".join(words_)}"' + ("*" if prefix else "")

    return " AND ".join(
        "(" + " OR ".join(alternative(words_, clause.prefix) for words_ in clause.alternatives) + ")"
        for clause in parsed.clauses
    )
