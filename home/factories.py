"""Factories for the home and content pages, and the site whose root the home page is."""

import factory

import wagtail_factories
from wagtail.models import Page, Site

from core.models import SiteSettings
from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = "accueil"
    hero_title = "Faire des transitions une affaire commune"
    hero_intro = "Le réseau régional des territoires participatifs."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "Une introduction courte."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Un paragraphe de texte.</p>")])

    class Meta:
        model = StandardPage


def make_site_home():
    """Replace Wagtail's placeholder page with a HomePage at the root of the default site."""
    root = Page.get_first_root_node()
    placeholders = list(root.get_children())
    home = HomePageFactory(parent=root)
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "testserver", "port": 80}
    )
    for placeholder in placeholders:
        placeholder.delete()
    SiteSettings.for_site(site)
    return home
