"""The relevance set (tests/search/relevance.py) on the demo content: hit@3 and MRR, printed, with their targets."""

import warnings

import pytest

from tests.search.relevance import measure

# The module runs on one pytest-xdist worker (--dist loadfile), so the demo is loaded once.
pytestmark = pytest.mark.django_db


class RelevanceMeasure(UserWarning):
    """The relevance figures, a measure to read rather than a problem: pytest shows warnings in its summary,
    also from pytest-xdist workers, whose printed output it drops."""


HIT_AT_3_TARGET = 0.95
MRR_TARGET = 0.85


def test_the_relevance_set_meets_its_targets(demo):
    measured = measure()
    figures = f"hit@3 {measured.hit_at_3:.1%}, MRR {measured.mrr:.3f}"
    warnings.warn(f"Pertinence de la recherche : {figures}", RelevanceMeasure, stacklevel=1)
    assert measured.hit_at_3 >= HIT_AT_3_TARGET, measured.misses
    assert measured.mrr >= MRR_TARGET, measured.misses
