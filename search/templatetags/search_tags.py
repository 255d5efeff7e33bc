from django import template

from search.query import highlight as highlight_text

register = template.Library()


@register.simple_tag
def highlight(text, query, length=240):
    """An escaped excerpt of `text` with the searched words in <mark>."""
    return highlight_text(text, query, length)
