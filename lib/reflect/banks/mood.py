"""The mood check-in, any day."""

from __future__ import annotations

from lib.reflect.banks.base import MOOD_WORDS, Bank, _q

_M = "Check in"
MOOD = Bank(
    id="mood",
    version=1,
    title="Mood check-in",
    sections=((_M, "A quick check-in, any day: it draws your mood line between the hard days."),),
    questions=(
        _q("score", "Mood", "How are you today?", "scale", _M, required=True, scale_words=MOOD_WORDS),
        _q("words", "In a few words", "In a few words?", "short", _M),
    ),
)
