"""Company names: one company however it is typed.

`company_key` is the identity kept in `companies.name_key`: "ACME", "acme ", "Acme, Inc.",
"Société Générale S.A." / "Societe Generale", "Harbor & Vale" / "Harbor and Vale" and
"Amazon.com Inc." / "Amazon" are one company. `match_companies` proposes existing companies for what is being typed (prefix of whole
words, small typos), best first, with the reason; it never joins "Meta" and "Metabase".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

# Legal forms dropped from the end of a name (after dots are removed: "S.A." -> "sa").
LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "llp",
        "lp",
        "ltd",
        "limited",
        "gmbh",
        "mbh",
        "se",
        "sa",
        "sas",
        "sarl",
        "spa",
        "srl",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "bv",
        "nv",
        "ag",
        "kg",
        "oy",
        "ab",
        "as",
        "asa",
        "aps",
        "pty",
        "pte",
        "pvt",
        "kk",
    ]
)
_DOTS = re.compile(r"(?<=\w)\.(?=\w|\s|$)")
# A name written as its web address: "Amazon.com", "Booking.com B.V.", "Fly.io" are the company.
_WEB_ENDING = re.compile(r"(?<=\w)\.(?:com|net|org|io|ai|co|app|dev)(?=[\s,]|$)")
_NOT_WORD = re.compile(r"[^\w]+")


def plain(text: str) -> str:
    """Accents off, case folded: "Société" -> "societe"."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(text)))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=65_536)  # pickers compare one name with every company on each rerun
def company_key(name: str) -> str:
    """The identity of a company name: case, accents, spacing, punctuation, "&"/"and" and a
    trailing legal form (Inc, Ltd, GmbH, SE, S.A., LLC, BV, AG, plc, ...) and a web ending
    (".com", ".io", ...) ignored."""
    text = plain(name).replace("&", " and ").replace("+", " and ")
    text = _WEB_ENDING.sub("", text)
    text = _DOTS.sub("", text)
    words = _NOT_WORD.sub(" ", text).replace("_", " ").split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-1] == "and":  # "Smith &" after dropping "Co."
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class CompanyMatch:
    name: str  # the existing company's name, as stored
    score: int  # 100 = the same name written differently; higher is better
    reason: str  # why it is proposed, in the user's words


def _typo_allowed(key: str) -> int:
    """How many typed letters may be wrong: none in short names (Meta/Beta), 1 from 5, 2 from 10."""
    length = len(key.replace(" ", ""))
    return 0 if length < 5 else 1 if length < 10 else 2


def _match(typed: str, existing: str) -> tuple[int, str] | None:
    if not typed or not existing:
        return None
    if typed == existing:
        return 100, "the same name, written differently"
    if typed.replace(" ", "") == existing.replace(" ", ""):
        return 97, "the same name, spaced differently"
    allowed = _typo_allowed(typed)
    if allowed and Levenshtein.distance(typed, existing, score_cutoff=allowed) <= allowed:
        return 90, "a letter or two apart"
    typed_words, existing_words = typed.split(), existing.split()
    shorter, longer = sorted((typed_words, existing_words), key=len)
    head = " ".join(longer[: len(shorter)])
    short = " ".join(shorter)
    if head == short:
        return (
            (80, "starts with what you typed")
            if shorter is typed_words
            else (75, "what you typed starts with it")
        )
    allowed = _typo_allowed(short)
    if allowed and Levenshtein.distance(short, head, score_cutoff=allowed) <= allowed:
        return 70, "starts almost like what you typed"
    return None


def match_companies(typed: str, existing: list[str], limit: int = 8) -> list[CompanyMatch]:
    """Existing companies that are probably the one being typed, best match first."""
    key = company_key(typed)
    found: list[CompanyMatch] = []
    seen: set[str] = set()
    for name in existing:
        if not isinstance(name, str) or name in seen:
            continue
        seen.add(name)
        hit = _match(key, company_key(name))
        if hit:
            found.append(CompanyMatch(name, *hit))
    found.sort(key=lambda m: (-m.score, len(m.name), m.name.casefold()))
    return found[:limit]


def is_probably_same(a: str, b: str) -> bool:
    """Two names that would be one company by the rules of `match_companies`."""
    return bool(match_companies(a, [b]))


def same_company(typed: str, existing: list[str]) -> str | None:
    """The existing company `typed` certainly names (the same name written differently), else None."""
    key = company_key(typed)
    return next((n for n in existing if isinstance(n, str) and company_key(n) == key), None) if key else None


def best_match(typed: str, existing: list[str]) -> CompanyMatch | None:
    """For imports: the one existing company a typed name most probably means, when only one is close
    enough to be sure (same name written or spaced differently, or a letter or two apart)."""
    sure = [m for m in match_companies(typed, existing) if m.score >= 90]
    if len(sure) == 1 or (sure and sure[0].score > sure[1].score):
        return sure[0]
    return None


@dataclass(frozen=True)
class PickerState:
    """What the company picker offers for the typed text."""

    typed: str
    exact: str | None  # an existing company that is certainly the one typed
    suggestions: list[CompanyMatch]  # other existing companies it may be, best first
    did_you_mean: str | None  # the closest one, asked about by name
    new_label: str | None  # "Add 'northwind' as a new company", always offered last


def picker_state(typed: str, existing: list[str]) -> PickerState:
    text = " ".join(str(typed or "").split())
    if not company_key(text):
        return PickerState(text, None, [], None, None)
    exact = same_company(text, existing)
    if exact is not None:
        return PickerState(text, exact, [], None, None)
    suggestions = match_companies(text, existing)
    return PickerState(
        text,
        None,
        suggestions,
        suggestions[0].name if suggestions else None,
        f"Add '{text}' as a new company",
    )


TYPO_BUDGET = 2_000_000  # name comparisons one import may spend on typos (about a second)


def sure_matches(typed_keys, existing_keys) -> dict[str, str]:
    """For imports, many names at once: {typed company key: existing company key} for each typed key
    that is not a company yet but surely is one already there, as `best_match` decides (spaced
    differently, or a letter or two apart from exactly one). Compared in rapidfuzz's C code, against
    the existing names with the same first two letters only, so a large import stays fast."""
    existing = set(existing_keys)
    compact = {key.replace(" ", ""): key for key in existing}
    buckets: dict[str, list[str]] = {}
    for key in existing:
        buckets.setdefault(key.replace(" ", "")[:2], []).append(key)
    found: dict[str, str] = {}
    budget = TYPO_BUDGET  # comparisons: past it, only names spaced differently are matched
    for key in sorted(set(typed_keys) - existing):
        if not key:
            continue
        if key.replace(" ", "") in compact:
            found[key] = compact[key.replace(" ", "")]
            continue
        allowed, bucket = _import_typo_allowed(key), buckets.get(key.replace(" ", "")[:2], [])
        if not allowed or len(bucket) > budget:
            continue
        budget -= len(bucket)
        near = process.extract(key, bucket, scorer=Levenshtein.distance, score_cutoff=allowed, limit=2)
        alone = len(near) == 1 or (len(near) == 2 and near[0][1] < near[1][1])
        if alone and not _one_extends_the_other(key, near[0][0]):
            found[key] = near[0][0]
    return found


def _import_typo_allowed(key: str) -> int:
    """Typos joined without asking, in an import: none under 8 letters ("Globe" is not "Globex",
    "Hooly" not "Hooli"), 1 from 8, 2 from 12. A wrong join mixes two companies' records; a
    missed one is a duplicate the person can merge."""
    length = len(key.replace(" ", ""))
    return 0 if length < 8 else 1 if length < 12 else 2


def _one_extends_the_other(a: str, b: str) -> bool:
    """ "northwind" and "northwinds", "globe" and "globex": another name, not a typo."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return a.startswith(b) or b.startswith(a)


def written_twice(names: dict[int, str]) -> list[tuple[int, int]]:
    """Pairs (newer id, older id) of companies whose names are one company written two ways
    ("Amazon.com Inc." beside "Amazon"): records kept apart when the identity of a name grew, for
    the person to merge. Oldest first; at most one pair per name."""
    first: dict[str, int] = {}
    pairs = []
    for company_id in sorted(names):
        key = company_key(names[company_id])
        if key in first:
            pairs.append((company_id, first[key]))
        else:
            first[key] = company_id
    return pairs
