"""What a person reads: element text with Markdown escapes (ui.text.md) and the invisible word
joiners it puts after "@" and "://" taken out."""

import re

_ESCAPE = re.compile(r"\\(.)")


def shown(elements) -> list[str]:
    """The text of each AppTest element as it reads on screen."""
    return [_ESCAPE.sub(r"\1", str(e.value)).replace("\u2060", "") for e in elements]  # word joiners: unseen
