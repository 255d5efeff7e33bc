from wagtail.models import Page, Site

from core.models import SiteSettings, Theme

DEMO_THEMES = [
    (
        "Participation citoyenne",
        "participation-citoyenne",
        "green",
        "Associer habitants, élus et associations aux décisions qui les concernent.",
    ),
    (
        "Climat",
        "climat",
        "blue",
        "Réduire les émissions et adapter les territoires aux effets du changement climatique.",
    ),
    (
        "Économie circulaire",
        "economie-circulaire",
        "orange",
        "Réemploi, réparation, recyclage : produire et consommer sans gaspiller.",
    ),
    ("Tiers-lieux", "tiers-lieux", "purple", "Lieux ouverts et partagés où naissent les coopérations locales."),
    (
        "Biodiversité",
        "biodiversite",
        "teal",
        "Protéger et reconquérir la nature ordinaire, en ville comme à la campagne.",
    ),
]


def load_themes(stdout):
    created = 0
    for order, (name, slug, colour, description) in enumerate(DEMO_THEMES):
        _theme, was_created = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "colour": colour, "description": description, "sort_order": order}
        )
        created += was_created
    stdout.write(f"Thèmes : {created} créé(s).")


def load_site_settings(stdout):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.organisation_name:
        stdout.write("Réglages du site : déjà renseignés.")
        return
    site_settings.organisation_name = "Territoires participatifs"
    site_settings.address = "Centre régional de ressources du développement durable\n23 rue Gosselet\n59000 Lille"
    site_settings.contact_email = "contact@territoires-participatifs.example"
    site_settings.phone = "03 20 00 00 00"
    site_settings.social_links = [
        ("link", {"network": "mastodon", "url": "https://mastodon.example/@territoires"}),
        ("link", {"network": "linkedin", "url": "https://www.linkedin.com/company/territoires-participatifs"}),
    ]
    legal_slugs = ["mentions-legales", "accessibilite", "donnees-personnelles"]
    legal_pages = Page.objects.filter(slug__in=legal_slugs, depth=3)
    site_settings.legal_links = [
        ("page", page) for page in sorted(legal_pages, key=lambda p: legal_slugs.index(p.slug))
    ]
    site_settings.save()
    stdout.write("Réglages du site : renseignés.")
