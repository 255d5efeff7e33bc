from wagtail.models import Page, Site

from core.factories import ThemeFactory
from core.models import SiteSettings, Theme

from .files import read


def load_themes(stdout):
    created = 0
    existing = set(Theme.objects.values_list("slug", flat=True))
    for order, theme in enumerate(read("site")["themes"]):
        if theme["slug"] not in existing:
            ThemeFactory(sort_order=order, **theme)
            created += 1
    stdout.write(f"Thèmes : {created} créé(s).")


def load_site_settings(stdout):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.organisation_name:
        stdout.write("Réglages du site : déjà renseignés.")
        return
    data = dict(read("site")["settings"])
    legal_slugs = data.pop("legal_pages")
    site_settings.social_links = [("link", link) for link in data.pop("social_links")]
    for name, value in data.items():
        setattr(site_settings, name, value)
    legal_pages = Page.objects.filter(slug__in=legal_slugs, depth=3)
    site_settings.legal_links = [
        ("page", page) for page in sorted(legal_pages, key=lambda p: legal_slugs.index(p.slug))
    ]
    site_settings.save()
    stdout.write("Réglages du site : renseignés.")
