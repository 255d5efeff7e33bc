"""The one way text becomes searchable words, for the documents indexed and for the queries alike.

Both database backends receive words already folded (lower case, no accents) and reduced to their
singular, separated by single spaces: PostgreSQL's `simple` configuration and SQLite's FTS5 `unicode61`
tokenizer then see exactly the same words, so that the same query matches the same pages on both.
"""

import re
import unicodedata

from django.utils.html import strip_tags

# Letters and digits; the underscore separates words as the backends' own tokenizers do.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Words too common to tell pages apart: dropped from a query of several words, kept in the index for phrases.
STOP_WORDS = frozenset(
    ["a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le", "les"]
    + ["leur", "ou", "par", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "un", "une", "nos", "vos"]
)


def fold(text):
    """Lower case without accents: « Térritoires » and « territoires » compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word):
    """A folded word in the singular: French plurals in -s and -x (« vélos », « réseaux » → « velo », « reseau »)."""
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def words(text):
    """The searchable words of `text`, folded and in the singular, in their order."""
    return [stem(word) for word in WORD.findall(fold(strip_tags(text)))]


def indexed(text):
    """Text as the index stores it: its words between single spaces, with one at each end, so that a
    word or a phrase is found with « LIKE '% word %' » on either backend."""
    found = words(text)
    return f" {' '.join(found)} " if found else ""
