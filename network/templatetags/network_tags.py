from django import template

from network.forms import NewsletterForm
from network.models import ActorDirectoryPage

register = template.Library()


@register.inclusion_tag("components/actor_links.html", takes_context=True)
def actor_links(context, links):
    """Links from an editorial page to the actors it names, grouped by their role."""
    request = context.get("request")
    base = ActorDirectoryPage.url_for_request(request) if links and request else None
    return {
        "links": [(link, f"{base}{link.actor.slug}/" if base else None) for link in links],
    }


@register.inclusion_tag("components/newsletter_form.html")
def footer_newsletter_form(site_settings):
    """The footer's copy of the subscription form, with ids of its own."""
    form = NewsletterForm(consent_text=site_settings.newsletter_consent, prefix_ids="footer-newsletter")
    return {"form": form, "heading_id": "footer-newsletter-title"}
