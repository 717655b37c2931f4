"""Text helpers shared by every part: one way to compare what people typed."""

from __future__ import annotations


def squash(text: object) -> str:
    """`text` with runs of white space (spaces, tabs, line breaks) made one space, ends trimmed."""
    return " ".join(str(text).split())


def fold(text: object) -> str:
    """The comparison key of typed text: white space squashed, case folded ("  Data  analyst" ==
    "data ANALYST")."""
    return squash(text).casefold()
