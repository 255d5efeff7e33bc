from django import template

from network.newsletter.forms import NewsletterForm

register = template.Library()


@register.inclusion_tag("components/newsletter_cta.html")
def footer_newsletter_form(site_settings):
    """The footer's compact sign-up (address and consent), with ids of its own and no token: pages are cached."""
    consent_text = site_settings.newsletter_consent
    form = NewsletterForm(consent_text=consent_text, prefix_ids="footer-newsletter", with_token=False)
    return {"form": form, "heading_id": "footer-newsletter-title"}
