"""From what a visitor typed to the words searched, and back to highlighted excerpts.

Whatever the input (quotes left open, operators, SQL or HTML fragments, emoji, any script), only words and
quoted phrases are kept (search/matching.py turns them into the databases' queries, as data, never as
query syntax).
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import WORD, fold, stem

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
CHUNK = re.compile(r"\S+")


def clean_query(raw):
    """The visitor's words without control characters (NUL breaks the database), cut to a sane length."""
    printable = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search_terms(query):
    """(phrases, words) of a cleaned query: text between double quotes is a phrase when the quote closes."""
    parts = query.split('"')
    phrases = [part.strip() for part in parts[1:-1:2] if WORD.search(part)]
    loose = " ".join(parts[0::2] if len(parts) % 2 else [*parts[0:-1:2], parts[-1]])
    return phrases, WORD.findall(loose)[:MAX_WORDS]


def highlight(text, terms, length=240):
    """An escaped excerpt of `text` of at most `length` characters, cut between words and centred on the
    first word found among `terms` (folded, singular words), each found word in <mark>."""
    if not text:
        return ""
    chunks = list(CHUNK.finditer(text))
    if not chunks:
        return ""
    first = next((index for index, chunk in enumerate(chunks) if _has_term(chunk.group(), terms)), 0)
    left = right = first
    size = len(chunks[first].group())
    while True:
        grown = False
        for candidate in (right + 1, left - 1):
            if 0 <= candidate < len(chunks) and size + 1 + len(chunks[candidate].group()) <= length:
                size += 1 + len(chunks[candidate].group())
                left, right = min(left, candidate), max(right, candidate)
                grown = True
        if not grown:
            break
    excerpt = text[chunks[left].start() : chunks[right].end()]
    prefix, suffix = ("… " if left else ""), (" …" if right < len(chunks) - 1 else "")
    tokens = re.split(f"({WORD.pattern})", excerpt)
    marked = "".join(f"<mark>{escape(token)}</mark>" if _is_term(token, terms) else escape(token) for token in tokens)
    return mark_safe(prefix + marked + suffix)  # noqa: S308 - every piece of text is escaped above


def _has_term(chunk, terms):
    return any(_is_term(word, terms) for word in WORD.findall(chunk))


def _is_term(token, terms):
    return bool(terms) and WORD.fullmatch(token) is not None and stem(fold(token)) in terms
