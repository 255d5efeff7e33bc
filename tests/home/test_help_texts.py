"""Every field an editor fills in the admin says, in French, what it is for and how it shows on the site."""

import pytest

from wagtail.admin.panels import FieldPanel, InlinePanel, get_edit_handler
from wagtail.contrib.forms.models import AbstractFormField

from core.models import SiteSettings, Theme
from home.models import HomePage, StandardPage
from network.directory.models import Actor, ActorDirectoryPage
from network.membership.models import JoinFormPage
from network.newsletter.models import NewsletterIndexPage, NewsletterPage
from news.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
    TopicPage,
)

PAGE_TYPES = [
    HomePage,
    StandardPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
    ResourceIndexPage,
    ResourcePage,
    TopicPage,
    ActorDirectoryPage,
    JoinFormPage,
    NewsletterIndexPage,
    NewsletterPage,
]
SNIPPETS = [Actor, Theme]

# Wagtail's own page fields come with Wagtail's own help (or need none).
WAGTAIL_PAGE_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus", "go_live_at", "expire_at"}
# The form builder's own columns (label, field type, required…), as Wagtail defines and explains them.
WAGTAIL_FORM_FIELD_FIELDS = {field.name for field in AbstractFormField._meta.get_fields()}


def edit_handler(model):
    """The bound panel tree the admin draws for `model`: the page's tabs, the snippet's or the setting's form."""
    if model in PAGE_TYPES:
        return model.get_edit_handler()
    if model in SNIPPETS:
        return model.snippet_viewset.get_edit_handler()
    return get_edit_handler(model)


def field_panels(panel):
    """Every FieldPanel in a panel tree, those of inline panels' child forms (pinned items, documents…) included."""
    if isinstance(panel, FieldPanel):
        yield panel
    if isinstance(panel, InlinePanel):
        yield from field_panels(panel.child_edit_handler)
    for child in getattr(panel, "children", ()):
        yield from field_panels(child)


def is_wagtails_own(panel):
    if panel.field_name in WAGTAIL_PAGE_FIELDS:
        return True
    return issubclass(panel.model, AbstractFormField) and panel.field_name in WAGTAIL_FORM_FIELD_FIELDS


@pytest.mark.parametrize("model", [*PAGE_TYPES, *SNIPPETS, SiteSettings], ids=lambda model: model.__name__)
def test_every_edited_field_has_a_help_text(model):
    panels = [panel for panel in field_panels(edit_handler(model)) if not is_wagtails_own(panel)]
    assert panels, f"{model.__name__}: no FieldPanel found, the panel walk is broken"
    missing = sorted(
        {
            f"{panel.model.__name__}.{panel.field_name}"
            for panel in panels
            if not str(panel.db_field.help_text).strip() and not str(panel.help_text or "").strip()
        }
    )
    assert not missing, f"{model.__name__}: fields without a help text: {', '.join(missing)}"


def test_the_walk_reaches_nested_and_inline_panels():
    """Fields in a MultiFieldPanel, a FieldRowPanel and an inline panel's child form are all checked."""
    names = {(panel.model.__name__, panel.field_name) for panel in field_panels(edit_handler(EventPage))}
    assert {("EventPage", "hero_image"), ("EventPage", "postal_code"), ("EditorialActor", "role")} <= names
    assert ("ResourceDocument", "title") in {
        (panel.model.__name__, panel.field_name) for panel in field_panels(edit_handler(ResourcePage))
    }
