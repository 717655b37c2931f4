"""Which application an email is about: same company (as the log matches companies), then role.

`same_company` is the one place a company name is compared, so a better company identity can be
swapped in without touching the rest.
"""

from __future__ import annotations

import re

import pandas as pd
from rapidfuzz import fuzz

from lib.core import vocab
from lib.search import companies


def same_company(name: str, names: list[str]) -> str | None:
    """The company in the log that `name` means: the same name written differently, else the one
    close enough to be sure (a letter or two apart), as imports match companies."""
    exact = companies.same_company(name, names)
    if exact:
        return exact
    found = companies.best_match(name, names)
    return found.name if found else None


def role_key(role: str | None) -> str:
    return " ".join(str(role or "").split()).casefold()


def company_in_text(text: str, names: list[str]) -> str | None:
    """The one company from the log that the email names (None when none or several)."""
    low = text[:20_000].casefold()
    found = {n for n in names if len(n) >= 3 and re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", low)}
    return found.pop() if len(found) == 1 else None


def match(kind: str, company: str | None, role: str | None, log: pd.DataFrame) -> tuple[int | None, str]:
    """(application id, why) for a reading; None means "not in the log: create one".

    `log` has id, company, role, applied_on and (optionally) outcome."""
    if kind == "other" or not company:
        return None, ""
    if log.empty:
        return None, f"No application at {company} in your log yet: saving creates one."
    known = same_company(company, log["company"].dropna().unique().tolist())
    same = log[log["company"] == known] if known else log.iloc[:0]
    if same.empty:
        return None, f"No application at {company} in your log yet: saving creates one."
    if role:
        wanted = role_key(role)
        scores = same["role"].map(lambda r: fuzz.token_set_ratio(role_key(r), wanted))
        close = same[scores >= 85]
        # the closest roles only: "IT Engineering Co-Op" is not "Software Engineering Co-Op"
        if not close.empty:
            same = close[scores[close.index] == scores[close.index].max()]
        elif kind == "application":
            return None, f"A new application at {company}: the roles in your log differ."
    if "outcome" in same and kind != "application":
        open_ones = same[same["outcome"] == vocab.OPEN]
        if not open_ones.empty:
            same = open_ones
    best = same.sort_values("applied_on").iloc[-1]
    if len(same) > 1:  # a guess, and said as one: the person checks it before recording
        return int(best["id"]), (
            f"{len(same)} applications at {best['company']} could be the one; the latest, "
            f"{best['role']}, is picked: check it."
        )
    return int(best["id"]), f"Matched to {best['company']} — {best['role']} in your log."
