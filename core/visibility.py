"""Which pages visitors may see, decided inside the query that lists them.

Wagtail's `public()` first loads every view restriction (one more query, and the same query again for
each list of a page: the menu, the footer's legal links, the listing). Asked inside the query, the
database checks whether the page or one of its ancestors (a prefix of its path) is restricted.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def restricted(path="path"):
    """True for a row whose page (its tree path in the field `path`) is restricted or below a restricted page."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef(path), 1, Length("page__path"))))
