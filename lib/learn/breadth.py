"""Broaden a narrow search: when most applications sit in one role family, point to related families
where the person's own traction is better. Follows the claim rules (lib.learn.claims): no rate or
comparison from fewer than MIN_CASES applications in any group it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.learn.claims import MIN_CASES, rate_text
from lib.search.role_families import role_families, role_family_key

NARROW_SHARE = 0.70  # at least this share of applications in one family ...
NARROW_MIN = 10  # ... of at least this many applications
TRACTION_STAGES = frozenset({"interview", "final", "offer", "accepted"})
# Words too general to make two families related.
_GENERIC = frozenset({"and", "of", "the", "for", "in", "to", "a", "an", "&", "unknown"})


@dataclass(frozen=True)
class Breadth:
    family: str
    share: float
    n: int
    in_family: int
    sentence: str
    better: pd.DataFrame  # related families with enough cases and better traction
    untried: list[str]  # related families with too few applications to compare


def _related(key: str, other: str) -> bool:
    words = set(key.split()) - _GENERIC
    return other != key and bool(words & (set(other.split()) - _GENERIC))


def narrow_search(log: pd.DataFrame) -> Breadth | None:
    """None unless at least NARROW_SHARE of at least NARROW_MIN applications are in one family."""
    if log is None or len(log) < NARROW_MIN or "role" not in log:
        return None
    frame = pd.DataFrame(
        {
            "family": role_families(log["role"]).to_numpy(),
            "traction": log["furthest_stage"].isin(TRACTION_STAGES).to_numpy(),
        }
    )
    counts = frame.groupby("family").agg(n=("traction", "size"), hits=("traction", "sum"))
    top = counts["n"].idxmax()
    n, in_family = len(frame), int(counts.loc[top, "n"])
    share = in_family / n
    if share < NARROW_SHARE or top == "Unknown":
        return None
    key = role_family_key(top)
    related = counts[[_related(key, role_family_key(f)) for f in counts.index]]
    top_hits = int(counts.loc[top, "hits"])
    enough = related[related["n"] >= MIN_CASES]
    better = enough[(enough["hits"] / enough["n"]) > top_hits / in_family].sort_values("n", ascending=False)
    untried = sorted(related[related["n"] < MIN_CASES].index.tolist())
    head = (
        f"{in_family} of your {n} applications ({share:.0%}) are for {top} roles. "
        "A narrow search can be a clear one — and related roles can open more doors."
    )
    if not better.empty:
        parts = [
            f"{family}: {int(row.hits)} of {int(row.n)} reached an interview, {rate_text(int(row.hits), int(row.n))}"
            for family, row in better.head(3).iterrows()
        ]
        tail = (
            f" Related roles where your own traction tends to be better: {'; '.join(parts)} — against "
            f"{top_hits} of {in_family} for {top}, {rate_text(top_hits, in_family)}."
        )
    elif untried:
        tail = (
            f" Related roles you have tried only a little (too few to compare yet): {', '.join(untried[:5])}."
        )
    else:
        tail = (
            " None of your other applications is in a related role yet: a neighbouring title is worth a look."
        )
    return Breadth(
        family=top,
        share=share,
        n=n,
        in_family=in_family,
        sentence=head + tail,
        better=better.reset_index(),
        untried=untried,
    )
