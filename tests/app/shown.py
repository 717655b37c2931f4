"""What a person reads: element text with Markdown escapes (ui.text.md) taken out."""

import re

_ESCAPE = re.compile(r"\\(.)")


def shown(elements) -> list[str]:
    """The text of each AppTest element as it reads on screen."""
    return [_ESCAPE.sub(r"\1", str(e.value)) for e in elements]
