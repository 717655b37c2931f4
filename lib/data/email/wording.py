"""Many wordings of one thing, searched fast: each is tried only when a word it starts with is in
the text (found from the pattern itself, so the gate can never hide a match)."""

from __future__ import annotations

import re
import re._constants as _C
import re._parser as _P


class Wording:
    """Alternative wordings of one thing, each tried only when a word it starts with is in the text
    (plain substring tests first: a mailbox scan reads thousands of emails a second)."""

    def __init__(self, patterns: tuple[str, ...]):
        self.parts = [(_leads(p), re.compile(p)) for p in patterns]
        self.pattern = "|".join(f"(?:{p})" for p in patterns)

    def _live(self, text: str):
        return [rx for leads, rx in self.parts if leads is None or any(w in text for w in leads)]

    def search(self, text: str) -> re.Match[str] | None:
        for rx in self._live(text):
            found = rx.search(text)
            if found:
                return found
        return None

    def finditer(self, text: str) -> list[re.Match[str]]:
        return sorted((m for rx in self._live(text) for m in rx.finditer(text)), key=lambda m: m.start())


def _leads(pattern: str) -> frozenset[str] | None:
    """Words one of which must be in a text for `pattern` to match in it (None: no such words)."""

    def lead(items) -> set[str] | None:
        out = ""
        for op, av in items:
            if op is _C.AT and not out:
                continue
            if op is _C.LITERAL:
                out += chr(av)
                continue
            if out:
                break
            if op is _C.SUBPATTERN:
                return lead(list(av[3]))
            if op is _C.BRANCH:
                found: set[str] = set()
                for alternative in av[1]:
                    words = lead(list(alternative))
                    if not words:
                        return None
                    found |= words
                return found
            return None
        return {out} if len(out) >= 2 else None

    words = lead(list(_P.parse(pattern)))
    return frozenset(words) if words else None
