"""User text shown through Markdown is escaped, so it always reads as typed."""

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")


def md(text: object) -> str:
    """Escape Markdown (and with it any HTML-looking text) in user-provided text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
