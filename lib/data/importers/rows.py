"""From raw cells to validated rows: the checks every importer shares, done a column at a time.

Each importer turns its file into a frame of text in Rebound's fields (FIELDS, with a `line`
column); `applications_from` validates it the way lib.models.ApplicationIn does (tests check they
agree) and derives stage events from the status words, dated as best known and consistent with
lib.store.applications._check_event: nothing before the application date, the ending last.
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

import pandas as pd

from lib.core import vocab
from lib.core.models import MAX_LONG_TEXT, MAX_SHORT_TEXT
from lib.data.importers.dates import parse_dates
from lib.data.importers.statuses import map_status, word_key
from lib.data.importers.text import MISSING, RowError, unneutralise
from lib.search.companies import company_key

# Rebound's fields an application file can fill, with their labels (the mapping's vocabulary).
FIELDS: dict[str, str] = {
    "company": "Company",
    "role": "Role",
    "applied_on": "Date applied",
    "status": "Status",
    "status_date": "Status date",
    "stage_history": "Stage history",
    "channel": "Channel / source",
    "source": "Board or ATS",
    "job_url": "Job link",
    "location": "Location",
    "work_mode": "Work mode",
    "resume_version": "Résumé version",
    "notes": "Notes",
}
REQUIRED = ("company", "applied_on")
ROLE_NOT_GIVEN = "Role not given"

APPLICATION_COLUMNS = [
    "line",
    "company",
    "role",
    "applied_on",
    "channel",
    "source",
    "job_url",
    "resume_version",
    "location",
    "work_mode",
    "notes",
    "import_key",
]
EVENT_COLUMNS = ["import_key", "kind", "occurred_on", "date_known", "note"]
CONTACT_COLUMNS = [
    "line",
    "name",
    "company",
    "role",
    "email",
    "profile_url",
    "connected_on",
    "notes",
    "import_key",
]
SAVED_COLUMNS = ["line", "company", "role", "job_url", "saved_on"]

_JOB_BOARDS = (
    "linkedin",
    "indeed",
    "glassdoor",
    "monster",
    "dice",
    "ziprecruiter",
    "profesia",
    "stepstone",
    "xing",
    "handshake",
    "nuworks",
    "unstop",
    "naukri",
    "wellfound",
    "angel",
    "otta",
    "welcome to the jungle",
    "hiresome",
    "gohire",
    "builtin",
    "built in",
    "simplify",
    "job board",
    "jobboard",
    "board",
    "hired",
)
_ATS = (
    "workday",
    "greenhouse",
    "lever",
    "ashby",
    "icims",
    "smartrecruiters",
    "successfactors",
    "taleo",
    "personio",
    "workable",
    "bamboohr",
    "jobvite",
    "recruitee",
    "teamtailor",
    "breezy",
    "careers",
    "career site",
    "company site",
    "website",
    "direct",
    "company",
)
_WORK_MODES = {
    "remote": "remote",
    "hybrid": "hybrid",
    "on-site": "on-site",
    "onsite": "on-site",
    "on site": "on-site",
    "in office": "on-site",
    "office": "on-site",
    "in-office": "on-site",
}


@dataclass
class ParsedFile:
    """What one file holds, validated: rows ready to insert, and every row that isn't."""

    path: str
    format: str
    rows: int = 0
    applications: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=APPLICATION_COLUMNS))
    events: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EVENT_COLUMNS))
    contacts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CONTACT_COLUMNS))
    saved_jobs: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SAVED_COLUMNS))
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # things said about the file (inferred years, ...)
    skipped: dict[str, int] = field(default_factory=dict)  # rows left out on purpose, by reason
    columns: list[str] = field(default_factory=list)  # the file's header (for the mapping)
    mapping: dict[str, str] = field(default_factory=dict)  # Rebound field -> file column
    statuses: pd.DataFrame | None = None  # the status words found (for the editable mapping)


def _clean(value: object) -> str | None:
    if value is None or value != value:  # None or NaN
        return None
    text = str(value)
    if text[:1] == "'":
        text = unneutralise(text)  # the guard Rebound's export puts before formula-like cells
    text = text.strip()
    if not text or (len(text) <= _LONGEST_MISSING and text.casefold() in MISSING):
        return None
    return text


def clean_text(series: pd.Series) -> pd.Series:
    """Trimmed text with missing words (blank, null, N/A) as None."""
    out = []
    append = out.append
    for value in series.tolist():
        if value.__class__ is str:  # the usual case, inline: trimmed, not a missing word, no guard quote
            text = value.strip()
            if text and text[0] != "'" and (len(text) > _LONGEST_MISSING or text.casefold() not in MISSING):
                append(text)
                continue
        append(_clean(value))
    return pd.Series(out, index=series.index, dtype=object)


_LONGEST_MISSING = max(map(len, MISSING))


def hash_key(prefix: str, *parts: pd.Series) -> pd.Series:
    joined = parts[0].astype(str)
    for part in parts[1:]:
        joined = joined + "\x1f" + part.astype(str)
    return prefix + joined.map(lambda s: hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:24])


def application_key(company: pd.Series, role: pd.Series, applied_on: pd.Series) -> pd.Series:
    """The identity of an application for duplicate detection: company, role and date applied."""
    return application_key_from(map_unique(company, company_key), role, applied_on)


def application_key_from(company_keys: pd.Series, role: pd.Series, applied_on: pd.Series) -> pd.Series:
    """`application_key` from company keys already made (companies.name_key)."""
    days = pd.to_datetime(applied_on).to_numpy().astype("datetime64[D]").astype(str).tolist()
    keys = [
        f"app:{day}|{company}|{' '.join(str(role).split()).casefold()}"
        for day, company, role in zip(days, company_keys.tolist(), role.tolist())
    ]
    return pd.Series(keys, index=role.index, dtype=object)


def map_unique(series: pd.Series, func) -> pd.Series:
    """`series.map(func)`, calling func once per distinct value."""
    uniques = series.dropna().unique()
    return series.map(dict(zip(uniques, map(func, uniques))))


def channel_and_source(value: pd.Series) -> tuple[pd.Series, pd.Series]:
    """("job board", "LinkedIn") from "LinkedIn"; a Rebound channel word is kept as the channel."""

    def one(text):
        if text is None:
            return ("other", None)
        key = text.casefold()
        if key in vocab.CHANNELS:
            return (key, None)
        if "referr" in key:
            return ("referral", text)
        if "recruit" in key or "agency" in key or "headhunt" in key:
            return ("recruiter", text)
        if "fair" in key or "event" in key:
            return ("career fair", text)
        if "network" in key or "friend" in key or "contact" in key:
            return ("networking", text)
        if any(board in key for board in _JOB_BOARDS):
            return ("job board", text)
        if any(ats in key for ats in _ATS):
            return ("company site", text)
        return ("other", text)

    pairs = map_unique(value, one)
    pairs = pairs.where(
        value.notna(), pd.Series([("other", None)] * len(value), index=value.index, dtype=object)
    )
    return pairs.map(lambda p: p[0]), pairs.map(lambda p: p[1])


def _stage_history(text: str) -> list[tuple[str, str]]:
    """[(word, date text)] from "[{'stage': 'Applied', 'date': '2024-11-05'}, ...]" or
    "screen 2024-11-05; interview 2024-11-12" (Rebound's own export)."""
    text = text.strip()
    if text.startswith("["):
        try:
            items = ast.literal_eval(text) if len(text) < 20_000 else []
        except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
            items = []
        pairs = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                word = item.get("stage") or item.get("status") or ""
                date = item.get("date") or item.get("on") or ""
                pairs.append((str(word), str(date)))
        return pairs
    pairs = []
    for part in re.split(r"[;|\n→>]+", text):
        match = re.match(r"^\s*(.*?)[\s:,@]+(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*$", part)
        if match:
            pairs.append((match.group(1), match.group(2)))
        elif part.strip():
            pairs.append((part.strip(), ""))
    return pairs


def _errors(frame: pd.DataFrame, mask: pd.Series, field_label: str, message) -> list[RowError]:
    if not mask.any():
        return []
    picked = frame.loc[mask]
    if callable(message):
        return [
            RowError(int(line), field_label, message(value))
            for line, value in zip(picked["line"], picked["_value"])
        ]
    return [RowError(int(line), field_label, message) for line in picked["line"]]


def _too_long(series: pd.Series, limit: int) -> pd.Series:
    return pd.Series(
        [v is not None and len(v) > limit for v in series.tolist()], index=series.index, dtype=bool
    )


def applications_from(
    frame: pd.DataFrame,
    path: str,
    fmt: str,
    status_map: dict[str, tuple[str, str]] | None = None,
    default_channel: tuple[str, str | None] | None = None,
) -> ParsedFile:
    """Validate a frame of text in Rebound's fields (missing fields allowed) into a ParsedFile."""
    parsed = ParsedFile(path=path, format=fmt, rows=len(frame))
    if frame.empty:
        return parsed
    today = pd.Timestamp(dt.date.today())
    data = pd.DataFrame({"line": frame["line"].astype(int).to_numpy()}, index=frame.index)
    for name in FIELDS:
        data[name] = clean_text(frame[name]) if name in frame else None
    errors: list[RowError] = []
    bad = pd.Series(False, index=data.index)

    # Dates: the year of year-less dates comes from the file's own full dates.
    applied = parse_dates(data["applied_on"])
    known_years = applied.dates[applied.dates.notna() & ~applied.yearless].dt.year
    hint = int(known_years.mode().iloc[0]) if not known_years.empty else applied.inferred_year
    status_dates = parse_dates(data["status_date"], year_hint=hint, day_first=applied.day_first or None)
    for parsed_dates in (applied, status_dates):
        if parsed_dates.yearless is not None and parsed_dates.yearless.any():
            lines = data.loc[parsed_dates.yearless, "line"].tolist()
            shown = ", ".join(map(str, lines[:5])) + ("…" if len(lines) > 5 else "")
            parsed.notices.append(
                f"{len(lines)} date(s) had no year (line {shown}); the year "
                f"{parsed_dates.inferred_year} was taken from the file's other dates."
            )
    if applied.day_first:
        parsed.notices.append(
            "Dates were read day first (23/10/2025 is 23 October), as the file writes them."
        )
    applied_on = applied.dates.copy()
    fallback = applied.missing & status_dates.dates.notna()
    if fallback.any():
        applied_on[fallback] = status_dates.dates[fallback]
        parsed.notices.append(
            f"{int(fallback.sum())} row(s) had no date applied; the status date was used instead."
        )

    data["_value"] = data["company"]
    missing_company = data["company"].isna()
    errors += _errors(data, missing_company, "company", "The company is missing.")
    long_company = _too_long(data["company"], MAX_SHORT_TEXT)
    errors += _errors(
        data, long_company, "company", f"The company is too long (at most {MAX_SHORT_TEXT} characters)."
    )
    bad |= missing_company | long_company

    no_date = applied_on.isna() & applied.missing
    unreadable = applied_on.isna() & ~applied.missing
    future = applied_on > today
    data["_value"] = data["applied_on"]
    errors += _errors(data, no_date & ~bad, "date applied", "The date applied is missing.")
    errors += _errors(
        data, unreadable & ~bad, "date applied", lambda v: f"“{str(v)[:40]}” is not a date Rebound can read."
    )
    errors += _errors(data, future & ~bad, "date applied", "The date applied can't be in the future.")
    bad |= no_date | unreadable | future

    role_missing = data["role"].isna()
    if (role_missing & ~bad).any():
        parsed.notices.append(
            f"{int((role_missing & ~bad).sum())} row(s) had no role; they are saved as “{ROLE_NOT_GIVEN}”."
        )
    data["role"] = data["role"].where(~role_missing, ROLE_NOT_GIVEN)

    for name, label, limit in (
        ("role", "role", MAX_SHORT_TEXT),
        ("location", "location", MAX_SHORT_TEXT),
        ("resume_version", "résumé version", MAX_SHORT_TEXT),
        ("notes", "notes", MAX_LONG_TEXT),
        ("channel", "channel / source", MAX_SHORT_TEXT),
        ("source", "board or ATS", MAX_SHORT_TEXT),
    ):
        long = _too_long(data[name], limit) & ~bad
        errors += _errors(data, long, label, f"The {label} is too long (at most {limit:,} characters).")
        bad |= long
    url = data["job_url"]
    bad_url = (
        pd.Series(
            [
                u is not None
                and (
                    not u[:8].lower().startswith(("http://", "https://"))
                    or " " in u
                    or len(u) < 11
                    or len(u) > 2_000
                )
                for u in url.tolist()
            ],
            index=url.index,
            dtype=bool,
        )
        & ~bad
    )
    data["_value"] = url
    errors += _errors(
        data, bad_url, "job link", lambda v: f"“{str(v)[:40]}” is not a web address (http:// or https://)."
    )
    bad |= bad_url

    # Status words -> furthest stage and outcome, through the (editable) map.
    stage = pd.Series("applied", index=data.index, dtype=object)
    outcome = pd.Series(vocab.OPEN, index=data.index, dtype=object)
    words = data["status"].dropna()
    if not words.empty:
        parsed.statuses = words
        lookup = {w: (status_map or {}).get(word_key(w)) or map_status(w)[:2] for w in words.unique()}
        stage.loc[words.index] = words.map(lambda w: lookup[w][0])
        outcome.loc[words.index] = words.map(lambda w: lookup[w][1])
    status_on = status_dates.dates
    bad_status_date = status_on.isna() & ~status_dates.missing & ~bad
    data["_value"] = data["status_date"]
    errors += _errors(
        data, bad_status_date, "status date", lambda v: f"“{str(v)[:40]}” is not a date Rebound can read."
    )
    future_status = (status_on > today) & ~bad
    errors += _errors(data, future_status, "status date", "The status date can't be in the future.")
    bad |= bad_status_date | future_status

    good = data[~bad].copy()
    good["applied_on"] = applied_on[~bad]
    if default_channel is not None:
        good["channel"], good["source"] = default_channel[0], default_channel[1]
    else:
        channel, source = channel_and_source(good["channel"].where(good["channel"].notna(), good["source"]))
        good["source"] = good["source"].where(good["source"].notna(), source)
        good["channel"] = channel
    good["work_mode"] = good["work_mode"].map(
        lambda w: _WORK_MODES.get(str(w).casefold()) if w is not None else None
    )
    role_for_key = good["role"].where(
        good["role"] != ROLE_NOT_GIVEN, ROLE_NOT_GIVEN + " " + good["line"].astype(str)
    )
    good["import_key"] = application_key(good["company"], role_for_key, good["applied_on"])
    good["applied_on"] = good["applied_on"].dt.date
    parsed.applications = good[APPLICATION_COLUMNS].reset_index(drop=True)
    parsed.events = _events(good, stage[~bad], outcome[~bad], status_on[~bad], status_map)
    parsed.errors = sorted(errors, key=lambda e: e.line)
    return parsed


def _history_word(word: str, status_map: dict[str, tuple[str, str]] | None) -> tuple[str, str]:
    """A stage-history word: Rebound's own words mean exactly themselves ("declined" after the
    offer already in the history), anything else goes through the status map."""
    key = word_key(word)
    if key in vocab.STAGE_RANK:
        return key, vocab.OPEN
    if key in vocab.OUTCOMES:
        return "applied", key
    return (status_map or {}).get(key) or map_status(word)[:2]


def _events(
    good: pd.DataFrame,
    stage: pd.Series,
    outcome: pd.Series,
    status_on: pd.Series,
    status_map: dict[str, tuple[str, str]] | None,
) -> pd.DataFrame:
    """Stage events for the valid rows: from a stage history when there is one, else the furthest
    stage and the outcome the status names. A status with no date of its own gets `date_known`
    false (its day then only keeps it in order: the application date, never before it, the ending
    last and on or after every stage)."""
    applied = pd.to_datetime(good["applied_on"])
    today = pd.Timestamp(dt.date.today())
    plans: list[pd.DataFrame] = []
    # Simple statuses, vectorised: furthest stage, then the outcome.
    has_stage = stage.map(vocab.STAGE_RANK) > 0
    ended = outcome != vocab.OPEN
    best = status_on.where(status_on.notna(), applied).clip(lower=applied)
    history = good["stage_history"].notna()
    stage_day = best.where(~ended, applied)  # the ending takes the status date; the stage came before it
    dated = status_on.notna()
    key = good["import_key"]
    plans.append(
        pd.DataFrame(
            {
                "import_key": key,
                "kind": stage,
                "occurred_on": stage_day,
                "date_known": dated & ~ended,
                "order": 0,
            }
        )[has_stage & ~history]
    )
    plans.append(
        pd.DataFrame(
            {"import_key": key, "kind": outcome, "occurred_on": best, "date_known": dated, "order": 1}
        )[ended & ~history]
    )
    # Stage histories: split row by row, then every date read in one go.
    rows = []
    histories = []
    for key, text, applied_day, fallback_stage, fallback_outcome in zip(
        good["import_key"][history],
        good["stage_history"][history],
        applied[history],
        stage[history],
        outcome[history],
    ):
        pairs = _stage_history(text) or [(fallback_stage, ""), (fallback_outcome, "")]
        histories.append((key, applied_day, pairs))
    all_dates = parse_dates(
        pd.Series([d for _, _, pairs in histories for _, d in pairs], dtype=object)
    ).dates.tolist()
    position = 0
    for key, applied_day, pairs in histories:
        seen_end = None
        for word, _ in pairs:
            day = all_dates[position]
            position += 1
            mapped = _history_word(word, status_map)
            known = not (pd.isna(day) or day > today)
            day = max(day, applied_day) if known else applied_day
            if vocab.STAGE_RANK.get(mapped[0], 0) > 0:
                rows.append((key, mapped[0], day, known, 0))
            if mapped[1] in vocab.OUTCOMES and seen_end is None:
                seen_end = (key, mapped[1], day, known, 1)
        if seen_end:
            rows.append(seen_end)
    if rows:
        plans.append(pd.DataFrame(rows, columns=["import_key", "kind", "occurred_on", "date_known", "order"]))
    events = (
        pd.concat([p for p in plans if not p.empty], ignore_index=True)
        if any(not p.empty for p in plans)
        else pd.DataFrame(columns=["import_key", "kind", "occurred_on", "date_known", "order"])
    )
    if events.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    events["occurred_on"] = pd.to_datetime(events["occurred_on"])
    # An ending is never before the last stage; declining needs an offer on record.
    last_stage = events[events["order"] == 0].groupby("import_key")["occurred_on"].max()
    is_end = events["order"] == 1
    floor = events.loc[is_end, "import_key"].map(last_stage)
    events.loc[is_end, "occurred_on"] = events.loc[is_end, "occurred_on"].where(
        floor.isna() | (events.loc[is_end, "occurred_on"] >= floor), floor
    )
    declined = events[is_end & (events["kind"] == "declined")]["import_key"]
    offered = set(events[(events["order"] == 0) & events["kind"].isin(["offer", "accepted"])]["import_key"])
    missing_offer = declined[~declined.isin(offered)]
    if not missing_offer.empty:
        days = events[is_end & events["import_key"].isin(missing_offer)].set_index("import_key")[
            "occurred_on"
        ]
        events = pd.concat(
            [
                events,
                pd.DataFrame(
                    {
                        "import_key": missing_offer.to_numpy(),
                        "kind": "offer",
                        "occurred_on": days.reindex(missing_offer).to_numpy(),
                        "date_known": False,  # an offer implied by "declined": its day is not known
                        "order": 0,
                    }
                ),
            ]
        )
    events = events.sort_values(["import_key", "order", "occurred_on"], kind="stable")
    events["occurred_on"] = events["occurred_on"].dt.date
    events["date_known"] = events["date_known"].astype(bool)
    events["note"] = None
    return events[EVENT_COLUMNS].reset_index(drop=True)
