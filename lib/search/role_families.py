"""Role titles grouped into families: "Sr. Data Analyst", "data analyst" and "Lead Data Analyst"
are one family, "Data Analyst".

Case, punctuation, spacing, seniority words (senior, sr, junior, jr, lead, principal, staff,
intern, mid-level, I/II/III, ...) and where the job is done (remote, hybrid, onsite) are ignored.
Letters of every script are kept, so titles in other scripts group the same way. A title made only
of such words keeps its own words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from lib.core import vocab

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
# Where the job is done, not what it is: "Analytics Engineer (Remote)" is an Analytics Engineer.
WORK_MODE_WORDS = frozenset({"remote", "hybrid", "onsite"})
_IGNORED = SENIORITY_WORDS | WORK_MODE_WORDS
_NOT_WORD = re.compile(r"[^\w]+")
# a job's reference, not its kind: "(R0992884)", "[Job ID 75608]", "#12345", "REQ-20931"
_REFERENCE = re.compile(r"[(\[][^)\]]*\d[^)\]]*[)\]]|#\s*\d+|(?<![\w-])[\w-]*\d{4}[\w-]*")
_NO_ROLE = vocab.ROLE_NOT_GIVEN.casefold()


def role_family_key(title: object) -> str:
    """The family's identity: casefolded words of the title without seniority words or a job's
    reference number; "" for no title (also the placeholder saved when a file gave none)."""
    if not isinstance(title, str) or title.strip().casefold() == _NO_ROLE:
        return ""
    text = _REFERENCE.sub(" ", unicodedata.normalize("NFKC", title)).casefold().replace("_", " ")
    words = [w for w in _NOT_WORD.split(text) if w]
    kept = [w for w in words if w not in _IGNORED]
    return " ".join(kept or words)


UNKNOWN = "Unknown"  # no title: not a kind of role, left out where kinds of role are compared


def role_family(title: object) -> str:
    """A readable family name ("sr. data analyst" -> "Data Analyst"); "Unknown" for no title."""
    key = role_family_key(title)
    if not key:
        return UNKNOWN
    return " ".join(w[:1].upper() + w[1:] for w in key.split())


def _as_written(title: str) -> str | None:
    """The title as the person wrote it, seniority words left out, when its capitals say something
    the family's own name can't ("IT Support Analyst", "Software Engineering Co-Op", "DevOps
    Engineer"); None when Title Case of the family says it as well."""
    tokens = unicodedata.normalize("NFKC", title).replace("_", " ").split()
    kept = [t.strip(",;:") for t in tokens if role_family_key(t) and role_family_key(t) not in _IGNORED]
    kept = [t for t in kept if t]
    shouted = " ".join(kept).isupper() and (len(kept) > 1 or len(kept[0]) > 4) if kept else False
    if not kept or shouted:  # a title in capitals ("DATA ANALYST", "ANALYST") is not a spelling; "QA" is
        return None
    if not any(c.isupper() for t in kept for c in t[1:]):
        return None
    return " ".join(t[:1].upper() + t[1:] if t.islower() else t for t in kept)


def role_families(titles: Iterable[object] | pd.Series) -> pd.Series:
    """`role_family` over many titles, computed once per distinct title (fast at 10,000 rows).

    A family whose most common title is spelled with capitals of its own ("IT", "Co-Op") is named
    as that title writes it: "It Support Analyst" would misspell it. Every title of one family
    still gets one name."""
    series = pd.Series(titles) if not isinstance(titles, pd.Series) else titles
    counts = series.dropna().value_counts(sort=True)  # most common first; ties keep first-seen order
    named: dict[str, str] = {}
    for title in counts.index:
        key = role_family_key(title)
        if key and key not in named:
            written = _as_written(title) if isinstance(title, str) else None
            named[key] = written if written and role_family_key(written) == key else role_family(title)
    mapping = {title: named.get(role_family_key(title), UNKNOWN) for title in counts.index}
    return series.map(mapping).fillna(UNKNOWN)


def known_role_families(titles: Iterable[object] | pd.Series) -> pd.Series:
    """`role_families` with no family (None) for a missing title: rates by kind of role leave those
    out ("Role not given", 17 rows of a tracker, led the chart as a kind of role)."""
    families = role_families(titles)
    return families.where(families != UNKNOWN, None)
