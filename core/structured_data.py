"""schema.org data (rendered as JSON-LD) that any page can carry: its breadcrumbs, the site itself.

Builders return plain dicts with no empty property: a search engine reads `"streetAddress": ""` as
an address without a street, and its validators flag it.
"""

from core.models import SiteSettings
from core.regions import region_of

CONTEXT = "https://schema.org"


def without_empty(data):
    """The dict without its empty values ("", None, [], {}), nested dicts cleaned the same way."""
    cleaned = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = without_empty(value)
            if set(value) <= {"@type"}:
                continue
        if value in ("", None, [], {}):
            continue
        cleaned[key] = value
    return cleaned


def postal_address(street, postal_code, locality):
    return without_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": postal_code,
            "addressLocality": locality,
            "addressRegion": region_of(postal_code),
            "addressCountry": "FR",
        }
    )


def breadcrumb_list(trail):
    """BreadcrumbList from [(name, absolute URL or None for the page itself)], as the visible trail shows."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            without_empty({"@type": "ListItem", "position": position, "name": name, "item": url})
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def site_organization(name, home_url, logo_url="", email="", telephone="", social_urls=()):
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "Organization",
            "@id": f"{home_url}#organisation",
            "name": name,
            "url": home_url,
            "logo": logo_url,
            "email": email,
            "telephone": telephone,
            "sameAs": list(social_urls),
        }
    )


def website(name, home_url, search_url):
    """WebSite with a SearchAction: search engines may offer a search box that lands on the site's search."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": name,
        "url": home_url,
        "inLanguage": "fr-FR",
        "publisher": {"@id": f"{home_url}#organisation"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def site_reference(request):
    """The site's Organization as other data names it (publisher, organiser): name, address and its @id."""
    home_url = request.build_absolute_uri("/")
    name = SiteSettings.for_request(request).display_name
    return {"@type": "Organization", "@id": f"{home_url}#organisation", "name": name, "url": home_url}
