"""Role titles grouped into families: "Sr. Data Analyst", "data analyst" and "Lead Data Analyst"
are one family, "Data Analyst".

Case, punctuation, spacing and seniority words (senior, sr, junior, jr, lead, principal, staff,
intern, mid-level, I/II/III, ...) are ignored. Letters of every script are kept, so titles in
other scripts group the same way. A title made only of seniority words keeps its own words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

SENIORITY_WORDS = frozenset(
    {
        "senior",
        "sr",
        "snr",
        "junior",
        "jr",
        "jnr",
        "lead",
        "principal",
        "staff",
        "intern",
        "internship",
        "trainee",
        "graduate",
        "grad",
        "entry",
        "level",
        "mid",
        "associate",
        "i",
        "ii",
        "iii",
        "iv",
        "1",
        "2",
        "3",
        "4",
    }
)
_NOT_WORD = re.compile(r"[^\w]+")


def role_family_key(title: object) -> str:
    """The family's identity: casefolded words of the title without seniority words."""
    if not isinstance(title, str):
        return ""
    text = unicodedata.normalize("NFKC", title).casefold().replace("_", " ")
    words = [w for w in _NOT_WORD.split(text) if w]
    kept = [w for w in words if w not in SENIORITY_WORDS]
    return " ".join(kept or words)


def role_family(title: object) -> str:
    """A readable family name ("sr. data analyst" -> "Data Analyst"); "Unknown" for no title."""
    key = role_family_key(title)
    if not key:
        return "Unknown"
    return " ".join(w[:1].upper() + w[1:] for w in key.split())


def role_families(titles: Iterable[object] | pd.Series) -> pd.Series:
    """`role_family` over many titles, computed once per distinct title (fast at 10,000 rows)."""
    series = pd.Series(titles) if not isinstance(titles, pd.Series) else titles
    distinct = series.dropna().unique()
    mapping = {title: role_family(title) for title in distinct}
    return series.map(mapping).fillna("Unknown")
