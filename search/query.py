"""From what a visitor typed to the words searched, and back to highlighted excerpts.

Whatever the input (quotes left open, operators, SQL or HTML fragments, emoji, any script), only words and
quoted phrases are kept (search/matching.py turns them into the databases' queries, as data, never as
query syntax).
"""

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

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
    found = next((word for word in WORD.finditer(text) if _is_term(word.group(), terms)), None) if terms else None
    first = bisect_right([chunk.start() for chunk in chunks], found.start()) - 1 if found else 0
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
    pieces, done = [], 0
    for word in WORD.finditer(excerpt):
        if _is_term(word.group(), terms):
            pieces += [escape(excerpt[done : word.start()]), f"<mark>{escape(word.group())}</mark>"]
            done = word.end()
    pieces.append(escape(excerpt[done:]))
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece of text is escaped above


def _is_term(word, terms):
    """Whether a word (as WORD finds it) is one of the searched `terms`."""
    return bool(terms) and _searched_form(word) in terms


@lru_cache(maxsize=8192)
def _searched_form(word):
    """A word as the index has it (folded, singular): the excerpts of a page of results fold thousands of
    words, most of them the same few hundred."""
    return stem(fold(word))
