from django import template

from search.query import highlight as highlight_text

register = template.Library()


@register.simple_tag
def highlight(text, parsed, length=240):
    """An escaped excerpt of `text` with the searched words (of a ParsedQuery) in <mark>."""
    return highlight_text(text, parsed.terms, length)
