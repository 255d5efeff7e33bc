"""French spacing rules applied to text as it is shown: editors type ordinary spaces (or none).

French puts a narrow no-break space (U+202F) before « ? », « ! » and « ; », a no-break space
(U+00A0) before « : », and narrow no-break spaces inside « ». Without them a lone « ? » or « » »
can start a line. Only spaces already typed before ? ! ; : are replaced, so that URLs (« ?q= »),
times (« 14:00 ») and HTML entities (« &amp; ») are never touched; guillemets get their spaces
even when none were typed.
"""

import re

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_SPACE = r"(?:[ \t\u00a0\u202f]|&nbsp;)"
_BEFORE_TALL = re.compile(rf"{_SPACE}+([?!;])")
_BEFORE_COLON = re.compile(rf"{_SPACE}+:")
_AFTER_OPENING = re.compile(rf"«{_SPACE}*")
_BEFORE_CLOSING = re.compile(rf"{_SPACE}*»")
# Tags are kept as they are; only the text between them is respaced.
_TAG = re.compile(r"(<[^>]*>)")


def respace_text(text):
    text = _BEFORE_TALL.sub(rf"{NARROW_NBSP}\1", text)
    text = _BEFORE_COLON.sub(f"{NBSP}:", text)
    text = _AFTER_OPENING.sub(f"«{NARROW_NBSP}", text)
    return _BEFORE_CLOSING.sub(f"{NARROW_NBSP}»", text)


def respace_html(html):
    """The same rules on the text of an HTML fragment, never inside a tag or its attributes."""
    return "".join(part if part.startswith("<") else respace_text(part) for part in _TAG.split(html))
