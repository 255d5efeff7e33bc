"""Rich text as the plain-text part of an email: what a mail client shows when it shows no HTML.

Paragraphs, headings and list items each start a block, blocks are parted by a blank line, a link
keeps its address after its words (« le guide (https://…) »), and lines stay under 78 characters
(RFC 5322 asks for 78 at most) without ever cutting an address in two.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

from django.utils.text import wrap

from wagtail.rich_text import expand_db_html

LINE_WIDTH = 76
WHITESPACE = re.compile(r"\s+")
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "ul", "ol", "table", "tr"}


class TextCollector(HTMLParser):
    def __init__(self, base_url):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.blocks, self.words, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.end_block()
            if tag == "li":
                self.words.append("- ")
        elif tag == "br":
            self.words.append("\n")
        elif tag == "a":
            self.links.append(urljoin(self.base_url, dict(attrs).get("href") or ""))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.end_block()
        elif tag == "a" and self.links:
            href = self.links.pop()
            text = "".join(self.words).rstrip()
            # A link whose words are its address is given once; mailto: and anchors need no address.
            if href.startswith(("http://", "https://")) and not text.endswith(href):
                self.words.append(f" ({href})")

    def handle_data(self, data):
        self.words.append(WHITESPACE.sub(" ", data))

    def end_block(self):
        text = "".join(self.words)
        lines = [" ".join(line.split()) for line in text.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            self.blocks.append(block)
        self.words = []


def rich_text_to_plain(html, base_url=""):
    """Wagtail rich text (its database form: internal links included) as wrapped plain text."""
    collector = TextCollector(base_url)
    collector.feed(expand_db_html(html or ""))
    collector.close()
    collector.end_block()
    return "\n\n".join(wrap(block, LINE_WIDTH) for block in collector.blocks)
