"""Company names replaced by "Company A", "Company B", … for a report shared outside.

The same name always gets the same letter within one report (by first application), in the
data the charts draw and inside any text (a review answer that names a company).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

import pandas as pd


def letters(i: int) -> str:
    """0 → A, 25 → Z, 26 → AA, …"""
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = string.ascii_uppercase[rest] + out
    return out


class Masker:
    """Replaces every known company name (any case) by its alias; a no-op when not masking."""

    def __init__(self, names: Iterable[str], active: bool = True) -> None:
        self.active = active
        unique: dict[str, str] = {}
        for name in names:
            clean = " ".join(str(name).split())
            if clean and clean.casefold() not in unique:
                unique[clean.casefold()] = f"Company {letters(len(unique))}"
        self.aliases = unique
        ordered = sorted(unique, key=len, reverse=True)  # "Acme Labs" before "Acme"
        self._pattern = (
            re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in ordered), re.IGNORECASE)
            if ordered and active
            else None
        )

    def name(self, value: object) -> str:
        text = "" if value is None else " ".join(str(value).split())
        if not self.active:
            return text
        alias = self.aliases.get(text.casefold())
        return alias if alias is not None else self.text(text)

    def text(self, value: object) -> str:
        if value is None:
            return ""
        text = str(value)
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self.aliases[" ".join(m.group(0).split()).casefold()], text)

    def column(self, series: pd.Series) -> pd.Series:
        if not self.active:
            return series
        return series.map(lambda v: v if v is None or (isinstance(v, float) and pd.isna(v)) else self.name(v))

    def texts(self, series: pd.Series) -> pd.Series:
        if not self.active:
            return series
        return series.map(lambda v: v if not isinstance(v, str) else self.text(v))
