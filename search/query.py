"""From what a visitor typed to a search query the backends accept, and back to highlighted excerpts.

Whatever the input (quotes left open, operators, SQL or HTML fragments, emoji, any script), only
words and quoted phrases reach the search backend, as data, never as query syntax.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.search.query import And, Or, Phrase, PlainText

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """The visitor's words without control characters (NUL breaks the database), cut to a sane length."""
    printable = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def fold(text):
    """Lower case without accents: « Térritoires » and « territoires » compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def word_variants(word):
    """The word in the singular and in its French plurals, so that « territoire » finds « territoires ».

    PostgreSQL stems French words itself; SQLite's full-text index does not, and this makes both agree.
    """
    word = word.casefold()
    base = word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word
    return sorted({word, base, f"{base}s", f"{base}x"})


def search_terms(query):
    """(phrases, words) of a cleaned query: text between double quotes is a phrase when the quote closes."""
    parts = query.split('"')
    phrases = [part.strip() for part in parts[1:-1:2] if WORD.search(part)]
    loose = " ".join(parts[0::2] if len(parts) % 2 else [*parts[0:-1:2], parts[-1]])
    words = WORD.findall(loose)
    return phrases, words[:MAX_WORDS]


def autocomplete_text(query):
    """Only the words of a cleaned query: autocomplete takes its text as query syntax, where « " » or « > » fail."""
    return " ".join(WORD.findall(query))


def backend_query(query):
    """An And of phrases and of each word's variants; None when nothing searchable is left."""
    phrases, words = search_terms(query)
    clauses = [Phrase(phrase) for phrase in phrases]
    clauses += [Or([PlainText(variant) for variant in word_variants(word)]) for word in words]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def highlight(text, query, length=240):
    """An escaped excerpt of `text` around the first matched word, each matched word in <mark>."""
    if not text:
        return ""
    phrases, words = search_terms(query)
    stems = {fold(term)[:-1] if len(term) > 3 else fold(term) for term in [*words, *" ".join(phrases).split()]}
    stems.discard("")
    tokens = re.split(r"(\w+)", text)
    first = next((index for index, token in enumerate(tokens) if _matches(token, stems)), 0)
    start = max(0, sum(len(token) for token in tokens[:first]) - length // 3)
    excerpt = text[start : start + length]
    prefix, suffix = ("… " if start else ""), (" …" if start + length < len(text) else "")
    marked = "".join(
        f"<mark>{escape(token)}</mark>" if _matches(token, stems) else escape(token)
        for token in re.split(r"(\w+)", excerpt)
    )
    return mark_safe(prefix + marked + suffix)  # noqa: S308 - every piece of text is escaped above


def _matches(token, stems):
    return bool(stems) and fold(token).startswith(tuple(stems)) and WORD.fullmatch(token) is not None
