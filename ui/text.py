"""User text shown through Markdown is escaped, so it always reads as typed."""

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:&])")  # "&": "&amp;" typed read "&"
# Markdown turns bare web and mail addresses into links even when escaped; an invisible word joiner
# after "://", "www" and "@" keeps them text (it shows nothing and breaks no line).
_AUTOLINK = re.compile(r"(://|(?<![^\W_])www(?=\.)|@)", re.IGNORECASE)


def md(text: object) -> str:
    """Escape Markdown (and with it any HTML-looking text and bare addresses) in user-provided text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK.sub("\\1\u2060", str(text)))


def clipped(text: object, limit: int = 60) -> str:
    """`text` cut to `limit` characters with "…", for a page's title: a 200-character company name
    there pushed the page's form below the fold, and 60 characters tell which one it is."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def address(text: object) -> str:
    """An email address for Markdown: as code, where nothing turns into a link, so it is copied
    exactly (through `md` it carried an invisible word joiner after "@" into the mail app's To)."""
    value = " ".join(str(text).split())
    return f"`{value}`" if value and "`" not in value else md(value)
