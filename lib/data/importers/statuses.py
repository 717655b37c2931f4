"""Status words from other trackers, mapped onto the stage ladder and the outcome.

"Phone Screen" -> screen, "Final Round" -> final, "Ghosted (no reply)" -> ghosted,
"Accepted!" -> accepted, "Submitted"/"Pending" -> applied, "Rejected after assessment" -> a
screen, then rejected. Words nobody knows are taken as applied and flagged, so the user can map
them in the editable table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from lib.core import vocab
from lib.core.text import fold, squash

# (pattern, stage) checked for the furthest stage a word names; the highest match wins.
_STAGE_PATTERNS: list[tuple[str, str]] = [
    (r"\b(accepted|hired|signed|joined|starting)\b", "accepted"),
    (r"\boffers?\b|\bofferred\b", "offer"),
    (r"\bfinal|on-?site|super ?day|last round", "final"),
    (r"interview|\bround\b|\bpanel\b|technical|\bhiring manager\b|case study|tech\b(?! screen)", "interview"),
    (
        r"screen|phone|recruiter call|assessment|\btest\b|take[- ]?home|\boa\b|challenge|call\b|"
        r"\bresponded\b|\breplied\b",
        "screen",
    ),
]
_OUTCOME_PATTERNS: list[tuple[str, str]] = [
    (
        r"withdr[ae]w|pulled out|\bretracted\b|not interested|cancel+ed by me|i cancel+ed|candidate declined",
        "withdrawn",
    ),
    (r"ghost|no reply|no response|never heard|\bsilence\b|no answer|expired|\bstale\b", "ghosted"),
    (r"declined offer|offer declined|turned down (the )?offer|\bi declined\b", "declined"),
    (
        r"reject|not selected|unsuccessful|turned down|\bdenied\b|no offer|\bnot moving\b|\bdeclined\b|"
        r"\bclosed\b|\bfilled\b|\bno\b$|\bdinged\b|\bfailed\b",
        "rejected",
    ),
]
_APPLIED = re.compile(
    r"appl|submit|pending|sent|review|waiting|\bopen\b|active|in progress|to do|todo|saved|wishlist|"
    r"\bnew\b|bookmark|interested|\bplanned\b|\bdraft\b|^\W*$"
)


# Words that read two ways, taken as the likelier and asked about in the preview: a bare "Declined"
# is most often the employer's no (it was read as an offer the person declined, counting an offer).
TWO_WAYS = re.compile(r"^(declined|was declined)$")
TWO_WAYS_NOTE = (
    "can mean either side said no: read as the employer's no (rejected). If you turned down an "
    "offer, set its ending to declined (or write “Offer declined” in the file)."
)


def word_key(word: object) -> str:
    return fold(word)


def map_status(word: str) -> tuple[str, str, bool]:
    """(furthest stage, outcome, recognised) for one status word."""
    text = word_key(word)
    outcome = vocab.OPEN
    for pattern, kind in _OUTCOME_PATTERNS:
        if re.search(pattern, text):
            outcome = kind
            break
    stage = "applied"
    for pattern, kind in _STAGE_PATTERNS:
        if re.search(pattern, text):
            stage = kind
            break
    if outcome == "declined" and vocab.STAGE_RANK[stage] < vocab.STAGE_RANK["offer"]:
        stage = "offer"  # only an offer can be declined
    if stage == "accepted" and outcome != vocab.OPEN:
        outcome = vocab.OPEN
    recognised = outcome != vocab.OPEN or stage != "applied" or bool(_APPLIED.search(text))
    return stage, outcome, recognised


def status_table(words: Iterable[str]) -> pd.DataFrame:
    """The editable mapping: one row per distinct status word, with how often it appears."""
    words = words if isinstance(words, pd.Series) else pd.Series(list(words), dtype=object)
    raw = words.dropna().value_counts()
    counts = raw.groupby(raw.index.map(squash)).sum().sort_values(ascending=False, kind="stable")
    counts = counts[counts.index != ""]
    rows = []
    for word, count in counts.items():
        stage, outcome, recognised = map_status(word)
        rows.append(
            {
                "word": word,
                "rows": int(count),
                "stage": stage,
                "outcome": outcome,
                "recognised": recognised,
                "two_ways": bool(TWO_WAYS.search(word_key(word))),
            }
        )
    return pd.DataFrame(rows, columns=["word", "rows", "stage", "outcome", "recognised", "two_ways"])


def normalise_choice(stage: str, outcome: str) -> tuple[str, str]:
    """A mapping row made consistent: known values only; declining needs an offer."""
    stage = stage if stage in vocab.STAGE_RANK else "applied"
    outcome = outcome if outcome in vocab.OUTCOMES else vocab.OPEN
    if outcome == "declined" and vocab.STAGE_RANK[stage] < vocab.STAGE_RANK["offer"]:
        stage = "offer"
    if stage == "accepted":
        outcome = vocab.OPEN
    return stage, outcome


def status_map_from_table(table: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """{word key: (stage, outcome)} from an (edited) status table."""
    return {
        word_key(row.word): normalise_choice(str(row.stage), str(row.outcome))
        for row in table.itertuples(index=False)
    }
