"""{{ title|french_spacing }}: French spacing on titles, summaries and rich text (core/typography.py)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core.typography import respace_html

register = template.Library()


@register.filter
def french_spacing(value):
    # Escaped first, so plain text stays plain; rich text arrives safe and keeps its markup.
    return mark_safe(respace_html(str(conditional_escape(value))))  # noqa: S308 - escaped above
