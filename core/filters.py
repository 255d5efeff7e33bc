"""Filters read from the query string, declared once per listing and shared by everything that lists it.

A listing declares its filters as a `FilterSet`; its page, its RSS and Atom feeds, its calendar, the
search and the page cache's key all read them through it, so that `?theme=climat` means the same
thing everywhere. A value either matches one of the filter's choices and narrows the list, or matches
nothing: it is then named back to the visitor (« thème « x » ») and the list is empty. It never means
« everything »: a feed or a calendar subscribed with a mistyped filter would otherwise fill up with
what nobody asked for. The search alone sets an unknown value aside (search/views.py).
"""

from urllib.parse import urlencode

from django.core.validators import slug_unicode_re
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from core.models import Theme
from pagecache.middleware import leave_uncached

# Every value is read up to this length: no slug or choice of the site is longer, and the page
# cache keys no longer value either (pagecache.middleware.MAX_PARAMETER_LENGTH).
MAX_VALUE_LENGTH = 100
# The pagination parameter: read by every paginated listing, dropped when a filter changes.
PAGE_PARAMETER = "page"


class Filter:
    """One query-string parameter and how it narrows a queryset.

    `noun` names the filter when its value matches nothing (« thème « x » »), `label` heads its field
    in a form (defaults to `noun`). `lookup` is a field lookup (`"themes"`) or a callable
    `(queryset, value)`; None when the view narrows by the value itself, as the search does.
    """

    # The page cache may key a page on this parameter (free text would make every query a new key).
    cached = True

    def __init__(self, name, noun, lookup=None, label=None):
        self.name, self.noun, self.lookup, self.label = name, noun, lookup, label or noun

    def options(self, owner):
        """What a visitor may pick, for the form, or None when the values are too many to list."""
        return None

    def resolve(self, value, options):
        """(value used to filter, label shown) when `value` is known, else None."""
        raise NotImplementedError

    def narrow(self, queryset, value):
        if self.lookup is None:
            return queryset
        if callable(self.lookup):
            return self.lookup(queryset, value)
        return queryset.filter(**{self.lookup: value})


class ChoiceFilter(Filter):
    """A value among fixed choices: `choices` is {value: label}, a list of pairs, or a callable
    `(owner) -> either` for those that depend on the listing or on the content (months, years…)."""

    def __init__(self, name, noun, lookup=None, label=None, *, choices):
        super().__init__(name, noun, lookup, label)
        self.choices = choices

    def options(self, owner):
        return dict(self.choices(owner) if callable(self.choices) else self.choices)

    def resolve(self, value, options):
        return (value, options[value]) if value in options else None


class ModelFilter(Filter):
    """An object picked by its slug (a theme, a tag).

    `among(owner)`, when given, is the queryset a visitor may pick from: it is loaded once, for the
    form and to resolve the value. Without it, the value is looked up among every object of `model`.
    """

    def __init__(self, name, noun, lookup, label=None, *, model, among=None):
        super().__init__(name, noun, lookup, label)
        self.model, self.among = model, among

    def options(self, owner):
        return None if self.among is None else {item.slug: item for item in self.among(owner)}

    def resolve(self, value, options):
        # What is not a slug matches nothing, without asking the database (a NUL would make it fail).
        if not slug_unicode_re.match(value):
            return None
        found = self.model._default_manager.filter(slug=value).first() if options is None else options.get(value)
        return (found, found.name) if found else None


class TextFilter(Filter):
    """Free text, such as the directory's « Nom ou mot-clé »: every value is known."""

    cached = False

    def resolve(self, value, options):
        return value, value


def theme_filter(lookup="themes", among=None):
    return ModelFilter("theme", _("thème"), lookup, _("Thème"), model=Theme, among=among)


def tag_filter(lookup="tagged_items__tag"):
    return ModelFilter("tag", _("étiquette"), lookup, _("Étiquette"), model=Tag)


class FilterSet:
    """The filters of one listing, in the order they narrow it."""

    def __init__(self, *filters):
        self.filters = filters

    def extended(self, *filters):
        return FilterSet(*self.filters, *filters)

    @property
    def parameters(self):
        """The parameters the page cache may key this listing on."""
        return (PAGE_PARAMETER, *(item.name for item in self.filters if item.cached))

    def read(self, query, owner=None):
        """The filters a query string (a QueryDict) asks for; `owner` is handed to dynamic choices."""
        return Filtering(self, query, owner)

    def read_request(self, request, owner=None):
        """`read` for a page: one naming a value that matches nothing is not kept by the page cache,
        or every random value (`?theme=<random>`) would make an entry."""
        filtering = self.read(request.GET, owner)
        if filtering.unknown:
            leave_uncached(request)
        return filtering


def declared_parameters(models):
    """Every parameter the models' filter sets read, for the page cache (each app registers its own)."""
    return {name for model in models if hasattr(model, "filter_set") for name in model.filter_set.parameters}


class Filtering:
    """One query string read by a FilterSet.

    `values` {name: value or object} and `active` {name: label} of the known filters, `unknown` the
    French names of the values that match nothing, `options` {name: choices} for the forms,
    `requested` {name: value as given} of every filter asked for, known or not.
    """

    def __init__(self, filter_set, query, owner):
        self.filters = filter_set.filters
        self.values, self.active, self.options, self.unknown, self.requested = {}, {}, {}, [], {}
        for item in self.filters:
            options = item.options(owner)
            if options is not None:
                self.options[item.name] = options
            value = query.get(item.name, "").strip()[:MAX_VALUE_LENGTH]
            if not value:
                continue
            self.requested[item.name] = value
            found = item.resolve(value, options)
            if found is None:
                self.unknown.append(_("%(filter)s « %(value)s »") % {"filter": item.noun, "value": value})
            else:
                self.values[item.name], self.active[item.name] = found

    def apply(self, queryset):
        """The queryset narrowed by every known filter; empty as soon as one value matches nothing."""
        if self.unknown:
            return queryset.none()
        for item in self.filters:
            if item.name in self.values:
                queryset = item.narrow(queryset, self.values[item.name])
        return queryset

    @property
    def query_string(self):
        """`?theme=climat&tag=energie` for the filters asked for (no page number), or "" without any.

        A feed's own address (`rel="self"`) carries it: a subscriber to a filtered feed keeps its filter.
        """
        return f"?{urlencode(self.requested)}" if self.requested else ""

    @property
    def selection(self):
        """The known values chosen, as one stable text: all a filter form shows besides its options."""
        return urlencode(sorted((name, getattr(value, "pk", value)) for name, value in self.values.items()))

    @property
    def choice_fields(self):
        """The choice filters as form fields: name, label, choices {value: label}, selected value."""
        return [
            {
                "name": item.name,
                "label": item.label,
                "choices": self.options[item.name],
                "selected": self.values.get(item.name),
            }
            for item in self.filters
            if isinstance(item, ChoiceFilter)
        ]

    def removal_links(self, query):
        """(label, query string without that filter) for each active filter, to remove it in one click.

        The page number goes too: the list it counted is no longer the one shown.
        """
        links = []
        for name, label in self.active.items():
            remaining = query.copy()
            for dropped in (name, PAGE_PARAMETER):
                remaining.pop(dropped, None)
            links.append((label, f"?{remaining.urlencode()}"))
        return links
