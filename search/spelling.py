"""« Vouliez-vous dire … ? »: the query with each unknown word replaced by the closest word the site uses.

The vocabulary is the words of the indexed titles and summaries (SpellingWord). Candidates come from the
database (trigram similarity with `pg_trgm` on PostgreSQL, the same first letter and a close length on
SQLite); the choice among them is made here, by the same trigram similarity on both, so that both
propose the same word.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from .models import SpellingWord
from .query import search_terms
from .text import STOP_WORDS, WORD, fold, stem

MIN_SIMILARITY = 0.4
LENGTH_GAP = 2
CANDIDATES = 30


def correction(query):
    """The query with its unknown words corrected, or None when every word is known or nothing is close."""
    phrases, loose = search_terms(query)
    if phrases:
        return None
    typed = [word for text in loose for word in WORD.findall(text)]
    folded = [fold(word) for word in typed]
    unknown = set(folded) - _known(folded) - STOP_WORDS
    if not unknown:
        return None
    corrected = {word: _closest(word) for word in unknown}
    if not any(corrected.values()):
        return None
    return " ".join(corrected.get(fold(word)) or word for word in typed)


def _known(folded_words):
    forms = {word: _forms(word) for word in folded_words}
    everyone = set().union(*forms.values())
    found = set(SpellingWord.objects.filter(folded__in=everyone).values_list("folded", flat=True))
    return {word for word, word_forms in forms.items() if word_forms & found}


def _forms(word):
    base = stem(word)
    return {word, base, f"{base}s", f"{base}x"}


def _closest(word):
    """The vocabulary word as written that is most like `word`, or None."""
    candidates = _candidates(word)
    scored = [
        (similarity(word, folded), -len(written), written)
        for written, folded in candidates
        if folded[:1] == word[:1] and abs(len(folded) - len(word)) <= LENGTH_GAP
    ]
    scored = [entry for entry in scored if entry[0] >= MIN_SIMILARITY]
    return max(scored)[2] if scored else None


def _candidates(word):
    """(word as written, folded word) pairs worth comparing with `word`."""
    if connection.vendor == "postgresql":
        # pg_trgm's `%` (similarity above its threshold, 0.3) is answered by the trigram index.
        close = RawSQL("search_spellingword.folded %% %s", [word], output_field=BooleanField())
        words = SpellingWord.objects.filter(Q(close)).annotate(
            similarity=RawSQL("similarity(search_spellingword.folded, %s)", [word], output_field=FloatField())
        )
        return list(words.order_by("-similarity").values_list("word", "folded")[:CANDIDATES])
    words = SpellingWord.objects.annotate(length=Length("folded")).filter(
        folded__startswith=word[:1], length__range=(len(word) - LENGTH_GAP, len(word) + LENGTH_GAP)
    )
    return list(words.values_list("word", "folded"))


def similarity(first, second):
    """Shared trigrams over all trigrams, as pg_trgm counts them (a word padded with two spaces before, one after)."""
    first, second = _trigrams(first), _trigrams(second)
    return len(first & second) / len(first | second) if first | second else 0.0


def _trigrams(word):
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}
