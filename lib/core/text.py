"""Text helpers shared by every part: one way to compare what people typed."""

from __future__ import annotations

import datetime as dt


def squash(text: object) -> str:
    """`text` with runs of white space (spaces, tabs, line breaks) made one space, ends trimmed."""
    return " ".join(str(text).split())


def fold(text: object) -> str:
    """The comparison key of typed text: white space squashed, case folded ("  Data  analyst" ==
    "data ANALYST")."""
    return squash(text).casefold()


def plural(n: int, word: str, many: str | None = None) -> str:
    """`n` and the word in the right number: plural(1, "application") == "1 application",
    plural(1200, "person", "people") == "1,200 people"."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def joined(words: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def ended(sentence: str) -> str:
    """The sentence with one full stop at its end: "… at Acme Inc." gets none more."""
    return sentence if sentence.rstrip().endswith((".", "!", "?", "…")) else sentence + "."


def others(n: int, word: str, many: str | None = None) -> str:
    """What a "most" was measured against, in words: others(1, "format") == "the one other format",
    others(2, "company", "companies") == "2 other companies". "The one other": beside a channel
    named "other", "against the other channel" read as nonsense."""
    return f"the one other {word}" if n == 1 else f"{n:,} other {many or word + 's'}"


def short_date(day: dt.date | dt.datetime, today: dt.date) -> str:
    """A day as "27 Apr" in the current year and "27 Apr 2023" in any other (so an old date never
    reads as a recent one)."""
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %Y}"
