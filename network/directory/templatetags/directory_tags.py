from django import template

from network.directory.models import ActorDirectoryPage

register = template.Library()


@register.inclusion_tag("components/actor_links.html", takes_context=True)
def actor_links(context, links):
    """Links from an editorial page to the actors it names, grouped by their role."""
    request = context.get("request")
    base = ActorDirectoryPage.url_for_request(request) if links and request else None
    return {
        "links": [(link, f"{base}{link.actor.slug}/" if base else None) for link in links],
    }
