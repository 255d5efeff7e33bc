"""Listing filters read from the query string: known values filter, unknown ones are reported."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from core.models import Theme

MAX_FILTER_LENGTH = 100
# Every parameter the editorial listings read, for the page cache's key (news.apps).
LISTING_PARAMETERS = ("page", "theme", "tag", "type", "format", "mois", "kind", "year")


def _param(request, name):
    return request.GET.get(name, "").strip()[:MAX_FILTER_LENGTH]


@dataclass
class ListingFilters:
    """The theme and tag a visitor filters by; `unknown` names values that match nothing."""

    theme: Theme | None = None
    tag: Tag | None = None
    extra: dict = field(default_factory=dict)
    extra_labels: dict = field(default_factory=dict)
    unknown: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request, extra_choices=None, extra_names=None):
        """Read ?theme=, ?tag= and any extra choice filter (e.g. ?type=) from the query string.

        `extra_choices` maps a parameter name to its allowed values and their labels; `extra_names`
        gives each parameter the name visitors read when its value matches nothing.
        """
        filters = cls()
        theme_slug, tag_slug = _param(request, "theme"), _param(request, "tag")
        if theme_slug:
            filters.theme = Theme.objects.filter(slug=theme_slug).first()
            if filters.theme is None:
                filters.unknown.append(_("thème « %(value)s »") % {"value": theme_slug})
        if tag_slug:
            filters.tag = Tag.objects.filter(slug=tag_slug).first()
            if filters.tag is None:
                filters.unknown.append(_("étiquette « %(value)s »") % {"value": tag_slug})
        for name, choices in (extra_choices or {}).items():
            value = _param(request, name)
            if value in choices:
                filters.extra[name] = value
                filters.extra_labels[name] = choices[value]
            elif value:
                label = (extra_names or {}).get(name, name)
                filters.unknown.append(_("%(filter)s « %(value)s »") % {"filter": label, "value": value})
        return filters

    def apply(self, queryset):
        if self.unknown:
            return queryset.none()
        if self.theme:
            queryset = queryset.with_theme(self.theme)
        if self.tag:
            queryset = queryset.with_tag(self.tag)
        return queryset

    @property
    def active(self):
        """{parameter: label} of each filter in use."""
        active = {}
        if self.theme:
            active["theme"] = self.theme.name
        if self.tag:
            active["tag"] = self.tag.name
        active.update(self.extra_labels)
        return active

    def removal_links(self, query):
        """(label, query string without that filter) for each active filter, to remove it in one click."""
        links = []
        for name, label in self.active.items():
            remaining = query.copy()
            for dropped in (name, "page"):
                remaining.pop(dropped, None)
            links.append((label, f"?{remaining.urlencode()}"))
        return links
