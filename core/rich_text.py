"""Rich text is cleaned on its way to the database, whoever writes it: the editor, a loader or code.

The allow-list is Wagtail's stored format for the editor features this site turns on (paragraphs,
h2–h4, lists, bold, italic, links to pages, documents and addresses, images and embeds, rules,
line breaks). Scripts, styles, event handlers and `javascript:` addresses never reach the page.

nh3 serialises a few things differently from the editor (`<br>` for `<br/>`, `&nbsp;`, quotes in
attributes); the output is written back in the editor's own spelling, so that cleaning what the
editor produced changes nothing, and cleaning twice gives the same text as cleaning once. Wagtail
also needs `<embed …/>` spelled that way to turn it into an image or a video.
"""

import html
import re

import nh3

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.fields import RichTextField, StreamField

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "b",
    "i",
    "strong",
    "em",
    "a",
    "br",
    "hr",
    "blockquote",
    "embed",
}
ALLOWED_ATTRIBUTES = {
    # The editor keys each block so that comments and revisions can follow it.
    "*": {"data-block-key"},
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
# Wagtail's own list (wagtail.whitelist.ALLOWED_URL_SCHEMES): what the editor's link chooser accepts.
ALLOWED_URL_SCHEMES = {"http", "https", "ftp", "mailto", "tel"}
VOID_TAGS = {"br", "hr", "embed"}

# nh3 always writes attribute values between double quotes, with « " » escaped inside them.
START_TAG = re.compile(r'<([a-z][a-z0-9]*)((?:\s[^\s="]+="[^"]*")*)>')
ATTRIBUTE = re.compile(r'\s([^\s="]+)="([^"]*)"')


def clean_rich_text(source):
    """Rich text HTML in Wagtail's stored format, with everything outside the allow-list removed."""
    if not source:
        return source
    cleaned = nh3.clean(
        str(source),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return START_TAG.sub(_as_editor_writes_it, cleaned).replace("&nbsp;", "\u00a0")


def _as_editor_writes_it(match):
    """A start tag in the editor's spelling: attribute values escaped by html.escape, void tags closed."""
    name, attributes = match.groups()
    rewritten = "".join(f' {key}="{html.escape(html.unescape(value))}"' for key, value in ATTRIBUTE.findall(attributes))
    return f"<{name}{rewritten}{'/' if name in VOID_TAGS else ''}>"


def clean_block_data(block, data):
    """The stored (JSON-ready) data of `block` with every rich text inside it cleaned."""
    if isinstance(block, blocks.RichTextBlock):
        return clean_rich_text(data) if isinstance(data, str) else data
    if isinstance(block, blocks.BaseStreamBlock) and isinstance(data, list):
        return [_clean_child(block.child_blocks, child, child.get("type")) for child in data]
    if isinstance(block, blocks.BaseStructBlock) and isinstance(data, dict):
        return {
            name: clean_block_data(block.child_blocks[name], value) if name in block.child_blocks else value
            for name, value in data.items()
        }
    if isinstance(block, blocks.ListBlock) and isinstance(data, list):
        return [
            _clean_child({"item": block.child_block}, item, "item")
            if block._item_is_in_block_format(item)
            else clean_block_data(block.child_block, item)
            for item in data
        ]
    if isinstance(block, TypedTableBlock) and isinstance(data, dict):
        return _clean_table(block, data)
    return data


def _clean_child(child_blocks, child, block_name):
    """A {"type", "value", "id"} item of a stream or list, its value cleaned by the block it names."""
    if block_name not in child_blocks:
        return child
    return {**child, "value": clean_block_data(child_blocks[block_name], child.get("value"))}


def _clean_table(block, data):
    column_blocks = [block.child_blocks.get(column.get("type")) for column in data.get("columns", [])]
    rows = [
        {
            **row,
            "values": [
                clean_block_data(column, value) if column else value
                for column, value in zip(column_blocks, row.get("values", []), strict=False)
            ],
        }
        for row in data.get("rows", [])
    ]
    return {**data, "rows": rows}


class CleanRichTextField(RichTextField):
    """A RichTextField that stores only cleaned HTML, in saves, updates and revisions alike."""

    def pre_save(self, model_instance, add):
        # The instance keeps what the database keeps: code that saved it reads back the clean text.
        value = clean_rich_text(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        return super().get_prep_value(clean_rich_text(value))


class CleanStreamField(StreamField):
    """A StreamField whose rich text blocks are cleaned when stored, however the stream was given.

    Cleaning the stored data rather than each block's value also covers streams given as raw JSON
    (a list of dicts or a JSON string), which Wagtail writes back without passing through the blocks.
    """

    def get_prep_value(self, value):
        prepared = super().get_prep_value(value)
        if isinstance(value, StreamValue) and isinstance(prepared, list):
            return clean_block_data(self.stream_block, prepared)
        return prepared
