"""The editorial content types, written once: dossiers, automatic lists, search and querysets read them here.

Models are named by label and looked up when asked for, so that the models themselves can use this
registry without an import circle.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EditorialType:
    slug: str  # the value of `?type=` in listings, dossiers and search
    label: str
    model_label: str

    @property
    def model(self):
        return apps.get_model(self.model_label)


EDITORIAL_TYPES = (
    EditorialType("actualites", _("Actualités"), "news.NewsPage"),
    EditorialType("evenements", _("Événements"), "news.EventPage"),
    EditorialType("ressources", _("Ressources"), "news.ResourcePage"),
)


def editorial_types():
    """{query-string value: (label, page model)} of the types a dossier or a list can gather."""
    return {kind.slug: (kind.label, kind.model) for kind in EDITORIAL_TYPES}
