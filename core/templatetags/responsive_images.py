"""Wagtail's {% picture %}, without the duplicate widths that invalidate HTML for small images.

Wagtail never enlarges an image, so asking a 600-pixel photo for widths 480, 800 and 1200 gives
three renditions of which two are 600 pixels wide, and `srcset` then names the same width twice
(an HTML error, and a wasted download). Load this library after `wagtailimages_tags`: its
`picture` tag takes the same arguments and keeps one rendition per width.
"""

from django import template
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.images.models import Picture
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


class DistinctWidthPicture(Picture):
    @classmethod
    def get_width_srcset(cls, renditions_list):
        distinct = {}
        for rendition in renditions_list:
            distinct.setdefault(rendition.width, rendition)
        # Width descriptors even for a single candidate: `sizes` requires them.
        return ", ".join(f"{rendition.url} {width}w" for width, rendition in distinct.items())


class DistinctWidthPictureNode(PictureNode):
    @cached_property
    def filters(self):
        # A tag's filter specs are literals: parsed once per compiled template, not on every render
        # (Wagtail builds new Filter objects, and parses their operations, for each image shown).
        return super().get_filters()

    def get_filters(self):
        return self.filters

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = DistinctWidthPicture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return DistinctWidthPicture(renditions, attrs).__html__()


@register.tag
def picture(parser, token):
    node = parse_image_tag(parser, token)
    return DistinctWidthPictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


@register.simple_tag
def logo(image, width, height, alt="", css_class="", lazy=True):
    """A logo within width × height CSS pixels at its own proportions, with a version twice as dense
    for sharp screens (`1x, 2x`), so that a small logo is neither blurred nor stretched."""
    single, double = image.get_renditions(f"max-{width}x{height}", f"max-{width * 2}x{height * 2}").values()
    return format_html(
        '<img src="{}" srcset="{} 1x, {} 2x" width="{}" height="{}" alt="{}" class="{}"{}>',
        single.url,
        single.url,
        double.url,
        single.width,
        single.height,
        alt,
        css_class,
        mark_safe(' loading="lazy"') if lazy else "",  # noqa: S308 - a constant
    )
