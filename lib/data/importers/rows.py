"""From raw cells to validated rows: the fields, the frames and the cell helpers every importer shares.

Each importer turns its file into a frame of text in Rebound's fields (FIELDS, with a `line`
column); `application_rows.applications_from` validates it and `stage_history` derives the stage
events.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.core import vocab
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
ROLE_NOT_GIVEN = vocab.ROLE_NOT_GIVEN

APPLICATION_COLUMNS = [
    "line",
    "company",
    "role",
    "applied_on",
    "applied_known",
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
WORK_MODES = {
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
    return by_distinct(series, _clean_all)


def _clean_all(values: list) -> list:
    out = []
    append = out.append
    for value in values:
        if value.__class__ is str:  # the usual case, inline: trimmed, not a missing word, no guard quote
            text = value.strip()
            if text and text[0] != "'" and (len(text) > _LONGEST_MISSING or text.casefold() not in MISSING):
                append(text)
                continue
        append(_clean(value))
    return out


def by_distinct(series: pd.Series, convert) -> pd.Series:
    """`convert` (a list of values -> a list of results) applied once per distinct value, missing
    values (None, NaN) as None: a column of 50,000 cells seldom has more than a few thousand."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    table = np.empty(len(uniques) + 1, dtype=object)  # the last slot answers code -1, the missing
    table[:-1] = convert(uniques.tolist())
    table[-1] = None
    return pd.Series(table[codes], index=series.index, dtype=object)


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
    days = pd.Series(pd.to_datetime(applied_on).to_numpy().astype("datetime64[D]"), index=role.index)
    day_text = by_distinct(days, lambda ds: [str(d)[:10] for d in ds])
    role_text = by_distinct(role, lambda rs: [" ".join(str(r).split()).casefold() for r in rs])
    # rows with a missing role or date keep the words the old key wrote for them ("None", "NaT")
    day_text = day_text.where(days.notna(), "NaT")
    role_text = role_text.where(role.notna(), "none")
    keys = [
        f"app:{day}|{company}|{role}"
        for day, company, role in zip(day_text.tolist(), company_keys.tolist(), role_text.tolist())
    ]
    return pd.Series(keys, index=role.index, dtype=object)


def told_apart_by_link(keys: pd.Series, links: pd.Series) -> pd.Series:
    """Keys of a file's rows where two postings at one company, for one role, on one day (LinkedIn
    has them: "Data Analyst" at TCS twice on 3 June) are told apart by their job links: where rows
    share a key but not a link, each row with a link gets `linked_key` (whatever the file's order;
    the log knows its applications by that key too). Rows with one link between them, or none, stay
    one application (a row written twice); so does a row with no link beside postings (it is taken as
    the first of them written again)."""
    repeated = keys.duplicated(keep=False)
    if not repeated.any():
        return keys
    group, link = keys[repeated], links[repeated]
    postings = link.groupby(group.to_numpy()).nunique()  # distinct links per key
    in_several = group.map(postings).gt(1)
    several = in_several & link.notna()
    if not several.any():
        return keys
    keys = keys.copy()
    keys.loc[several[several].index] = linked_key(group[several], link[several])
    unlinked = in_several & link.isna()
    if unlinked.any():
        first = keys[several[several].index].groupby(group[several].to_numpy()).first()
        keys.loc[unlinked[unlinked].index] = group[unlinked].map(first)
    return keys


def linked_key(keys: pd.Series, links: pd.Series) -> pd.Series:
    """An application's key with its job link: how one of two postings under one key is known."""
    return keys + " " + links.astype(str)


def keyed_role(role: pd.Series, job_url: pd.Series, company_keys: pd.Series, days: pd.Series) -> pd.Series:
    """The role as the duplicate key reads it. An application with no role is told apart by its job
    link (two postings at one company on one day); without a link, by its place among those at the
    same company on the same day, in order ("#2" for the second). The import numbers a file's rows
    and the log its applications (by id) so, so a file imported again adds nothing and two postings
    in it stay two."""
    no_role = role == ROLE_NOT_GIVEN
    if not no_role.any():
        return role
    linked = no_role & job_url.notna()
    keyed = role.where(~linked, ROLE_NOT_GIVEN + " " + job_url.astype(str))
    bare = no_role & job_url.isna()
    if bare.any():
        place = (
            pd.DataFrame({"company": company_keys[bare], "day": days[bare]})
            .groupby(["company", "day"], dropna=False, sort=False)
            .cumcount()
        )
        later = place[place > 0]
        keyed.loc[later.index] = ROLE_NOT_GIVEN + " #" + (later + 1).astype(str)
    return keyed


def map_unique(series: pd.Series, func) -> pd.Series:
    """`series.map(func)`, calling func once per distinct value."""
    uniques = series.dropna().unique()
    return series.map(dict(zip(uniques, map(func, uniques))))


_RECRUIT_NAMED = tuple(name for name in (*_JOB_BOARDS, *_ATS) if "recruit" in name)


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
        # "recruit" inside a board's or system's name (ZipRecruiter, Smart Recruiters) is no recruiter
        compact = person = key.replace(" ", "")  # names compared without their spaces
        for name in _RECRUIT_NAMED:
            person = person.replace(name, "")
        if "recruit" in person or "agency" in person or "headhunt" in person:
            return ("recruiter", text)
        if "fair" in key or "event" in key:
            return ("career fair", text)
        if "network" in key or "friend" in key or "contact" in key:
            return ("networking", text)
        if any(board in compact for board in _JOB_BOARDS):
            return ("job board", text)
        if any(ats in compact for ats in _ATS):
            return ("company site", text)
        return ("other", text)

    pairs = by_distinct(value, lambda texts: [one(t) for t in texts]).tolist()
    missing = ("other", None)
    return (
        pd.Series([(p or missing)[0] for p in pairs], index=value.index, dtype=object),
        pd.Series([(p or missing)[1] for p in pairs], index=value.index, dtype=object),
    )


def __getattr__(name: str):  # `applications_from` lives in application_rows; older imports keep working
    if name == "applications_from":
        from lib.data.importers.application_rows import applications_from

        return applications_from
    raise AttributeError(name)


# What a file left out, by why (ParsedFile.skipped's keys, as the CLI's JSON names them): one of each.
SKIPPED_ONE = {
    "preferences": "preference",
    "hidden members": "hidden member",
    "drafts (applied = No)": "draft (applied = No)",
}


def skipped_text(n: int, why: str) -> str:
    """ "1 hidden member", "5 hidden members": a skipped count in words."""
    return f"{n:,} {SKIPPED_ONE.get(why, why) if n == 1 else why}"
