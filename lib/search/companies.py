"""Company names: one company however it is typed ("acme ", "ACME", "Acme, Inc.")."""

from __future__ import annotations

import re
import unicodedata

_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(inc|inc\.|llc|ltd|ltd\.|gmbh|s\.a\.|sa|plc|corp|corp\.|co\.|bv|ag)$", re.IGNORECASE
)


def company_key(name: str) -> str:
    """The identity of a company name: case, spacing, accents' form and legal suffix ignored."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _LEGAL_SUFFIX.sub("", text)
    text = " ".join(text.split()).strip(" .,")
    return text.casefold()


def match_companies(query: str, names: list[str], limit: int = 8) -> list[str]:
    """Existing names that match what is being typed: exact key first, then prefix, then substring."""
    key = company_key(query)
    if not key:
        return []
    exact, prefix, inner = [], [], []
    for name in names:
        name_key = company_key(name)
        if name_key == key:
            exact.append(name)
        elif name_key.startswith(key):
            prefix.append(name)
        elif key in name_key:
            inner.append(name)
    return (exact + sorted(prefix) + sorted(inner))[:limit]
