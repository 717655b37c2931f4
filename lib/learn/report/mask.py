"""Company names replaced by "Company A", "Company B", … for a report shared outside.

The same name always gets the same letter within one report (by first application), in the
data the charts draw and inside any text (a review answer that names a company). A name is found
as its company key is (lib.search.companies): "NORTHWIND analytics, Inc." is Northwind Analytics.
An email address's domain goes too: it names the company as well as its name does. A short form
or a nickname is not a name this can know: the form says so.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

import pandas as pd

from lib.search.companies import company_key


def letters(i: int) -> str:
    """0 → A, 25 → Z, 26 → AA, …"""
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = string.ascii_uppercase[rest] + out
    return out


_EMAIL = re.compile(r"([\w.+'-]+)@[\w-]+(?:\.[\w-]+)+")


def _word(word: str) -> str:
    """A word of a company key as it may be written: "and" also as "&" or "+"."""
    return r"(?:and|&|\+)" if word == "and" else re.escape(word)


class Masker:
    """Replaces every known company name (any case) by its alias; a no-op when not masking."""

    def __init__(self, names: Iterable[str], active: bool = True) -> None:
        self.active = active
        unique: dict[str, str] = {}  # company key → alias
        written: set[str] = set()  # the names as stored (a key has lost their accents)
        for name in names:
            key = company_key(str(name))
            if key and key not in unique:
                unique[key] = f"Company {letters(len(unique))}"
            if key:
                written.add(r"\s+".join(map(re.escape, str(name).split())))
        self.aliases = unique
        self._pattern = None
        if unique and active:
            spelled = {r"[\W_]*".join(_word(w) for w in key.split()) for key in unique} | written
            spelled = sorted(spelled, key=len, reverse=True)  # "Acme Labs" before "Acme"
            self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(spelled)})(?!\w)", re.IGNORECASE)

    def _alias(self, found: str) -> str:
        return self.aliases.get(company_key(found), found)

    def name(self, value: object) -> str:
        text = "" if value is None else " ".join(str(value).split())
        if not self.active:
            return text
        alias = self.aliases.get(company_key(text))
        return alias if alias is not None else self.text(text)

    def text(self, value: object) -> str:
        if value is None:
            return ""
        text = str(value)
        if not self.active:
            return text
        text = _EMAIL.sub(lambda m: m.group(1) + "@…", text)
        return self._pattern.sub(lambda m: self._alias(m.group(0)), text) if self._pattern else text

    def email(self, value: object) -> object:
        """An address without its domain ("jane@…"): the domain names the company."""
        if not self.active or not isinstance(value, str):
            return value
        return _EMAIL.sub(lambda m: m.group(1) + "@…", value)

    def column(self, series: pd.Series) -> pd.Series:
        if not self.active:
            return series
        return series.map(lambda v: v if v is None or (isinstance(v, float) and pd.isna(v)) else self.name(v))

    def texts(self, series: pd.Series) -> pd.Series:
        if not self.active:
            return series
        return series.map(lambda v: v if not isinstance(v, str) else self.text(v))
