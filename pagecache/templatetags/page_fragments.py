"""`{% fragment "name" value… %}…{% endfragment %}`: a part of the page rendered once per content generation.

The menu, breadcrumbs, meta tags, footer and « contenus similaires » cost most of an uncached page's
rendering, and change only when the content does. They are kept as HTML under the page cache's
generation (pagecache.fragments.remembered), which every change visitors can see retires: a
publication, an unpublication, a move, a privacy change or a snippet or settings edit shows at once.
The values after the name are what the fragment varies on besides the site's address. Kept only with
PAGE_FRAGMENTS (on with Redis): a cache of this process's own would miss other processes' changes.

Nothing personal may go inside: the HTML is shared by every visitor, signed in or not (no CSRF
token, no anti-spam token, no user bar). A preview renders its draft afresh and keeps nothing.
"""

import json

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from ..fragments import remembered, shared_rendering

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if not settings.PAGE_FRAGMENTS or not shared_rendering(request):
            return self.nodelist.render(context)
        # Absolute links (canonical, og:url, structured data) carry the scheme and host asked for.
        key = json.dumps(
            [self.name, request.scheme, request.get_host(), *(str(value.resolve(context)) for value in self.vary_on)]
        )
        html = remembered(f"html:{key}", lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 - rendered by the template engine


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} takes a name, then the values it varies on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return FragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])
