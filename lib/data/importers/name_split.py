"""A name column that holds company and role together ("Meta SDE 1", "Msft Senior Engineer"), in a
file with no role of its own: split where the role's words begin.

Only a role that reads as one is taken: a title word (engineer, analyst, SDE, …) somewhere after
the split, and at least one word of company before it. "General Motors" or "Principal Financial"
stay whole (no title word after a first word)."""

from __future__ import annotations

import re

import pandas as pd

# words that make a role: a title…
TITLES = frozenset(
    [
        "engineer",
        "developer",
        "analyst",
        "scientist",
        "manager",
        "designer",
        "intern",
        "internship",
        "consultant",
        "architect",
        "sde",
        "swe",
        "sre",
        "researcher",
        "programmer",
        "specialist",
        "associate",
        "co-op",
        "coop",
        "administrator",
        "director",
        "recruiter",
        "accountant",
    ]
)
# …and the words that may come before it in the same role
LEADS = TITLES | frozenset(
    [
        "senior",
        "sr",
        "sr.",
        "junior",
        "jr",
        "jr.",
        "lead",
        "staff",
        "principal",
        "head",
        "chief",
        "vp",
        "entry",
        "mid",
        "graduate",
        "new",
        "software",
        "data",
        "ml",
        "ai",
        "backend",
        "back-end",
        "frontend",
        "front-end",
        "full-stack",
        "fullstack",
        "devops",
        "qa",
        "product",
        "machine",
        "research",
        "business",
        "financial",
        "marketing",
        "sales",
        "operations",
        "ops",
        "security",
        "cloud",
        "platform",
        "mobile",
        "web",
    ]
)
_WORD = re.compile(r"\S+")


def split_at(name: str) -> tuple[str, str] | None:
    """(company, role) where `name` reads as both, else None."""
    words = _WORD.findall(name)
    folded = [w.casefold().strip(",;:()") for w in words]
    for start in range(1, len(words)):
        if folded[start] in LEADS and any(w in TITLES for w in folded[start:]):
            return " ".join(words[:start]), " ".join(words[start:])
    return None


def split_names(names: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(company, role, split) for a column of names: `split` marks those read as company + role."""
    found = [split_at(n) if isinstance(n, str) else None for n in names]
    split = pd.Series([f is not None for f in found], index=names.index)
    company = pd.Series([f[0] if f else n for f, n in zip(found, names)], index=names.index, dtype=object)
    role = pd.Series([f[1] if f else None for f in found], index=names.index, dtype=object)
    return company, role, split
