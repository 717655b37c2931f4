"""LinkedIn's data archive: job applications, saved jobs and connections.

- `Jobs/Job Applications.csv` and its continuations (`Job Applications_1.csv`, ...): applications
  through LinkedIn (channel job board, source LinkedIn). LinkedIn keeps no status, so they start
  as applied.
- `Jobs/Saved Jobs.csv`: jobs saved, not applied to (kept as notes on the company).
- `Connections.csv`, with or without the "Notes:" preamble and the URL column: contacts, matched
  to companies; rows of members who hide their details are skipped and counted.
"""

from __future__ import annotations

import re

import pandas as pd

from lib.core.models import MAX_SHORT_TEXT
from lib.core.text import plural
from lib.data.importers.application_rows import applications_from
from lib.data.importers.dates import parse_dates
from lib.data.importers.rows import (
    CONTACT_COLUMNS,
    SAVED_COLUMNS,
    ParsedFile,
    clean_text,
    hash_key,
)
from lib.data.importers.text import RowError, read_table

APPLICATIONS_HEADER = {"Application Date", "Company Name", "Job Title"}
SAVED_HEADER = {"Saved Date", "Company Name", "Job Title"}
CONNECTIONS_HEADER = {"First Name", "Last Name", "Connected On"}
PREFERENCES_HEADER = {"Dream Companies", "Job Seeker Activity Level"}

_RECRUITER = re.compile(r"recruit|talent|sourc|\bhr\b|human resource|people partner|hiring", re.IGNORECASE)


def kind_of(header: list[str]) -> str | None:
    """Which LinkedIn file a header belongs to, if any."""
    present = set(header)
    if present >= APPLICATIONS_HEADER:
        return "linkedin-applications"
    if present >= SAVED_HEADER:
        return "linkedin-saved-jobs"
    if present >= CONNECTIONS_HEADER:
        return "linkedin-connections"
    if PREFERENCES_HEADER & present:
        return "linkedin-preferences"
    return None


def _connections_header(line: str) -> bool:
    return line.lstrip("\ufeff").startswith("First Name")


def _column(table, name: str) -> list[str]:
    if name not in table.header:
        return [""] * len(table.rows)
    index = table.header.index(name)
    return [row[index] for row in table.rows]


NO_REPLIES_KEPT = (
    "LinkedIn's export keeps no replies: these come in as applied. One with no word recorded for "
    "the days set in Settings (30 at first) reads Ghosted, and your response rate counts it as "
    "unanswered. Record the answers and interviews you had (on each application, or bring in the "
    "emails), so the rate says what happened."
)


def parse_applications(data: bytes, path: str = "Job Applications.csv") -> ParsedFile:
    table = read_table(data)
    frame = pd.DataFrame(
        {
            "line": table.lines,
            "company": _column(table, "Company Name"),
            "role": _column(table, "Job Title"),
            "applied_on": _column(table, "Application Date"),
            "job_url": _column(table, "Job Url"),
            "resume_version": _column(table, "Resume Name"),
        }
    )
    # Jobs LinkedIn no longer shows keep only a date: say so rather than "company missing".
    gone = pd.Series(
        [not (c.strip() or r.strip()) for c, r in zip(frame["company"], frame["role"])],
        index=frame.index,
        dtype=bool,
    )
    parsed = applications_from(
        frame[~gone], path, "linkedin-applications", default_channel=("job board", "LinkedIn")
    )
    parsed.rows = len(frame)
    if len(parsed.applications):  # its silence is LinkedIn's, not the employers': said before it counts
        parsed.notices.append(NO_REPLIES_KEPT)
    parsed.errors = sorted(
        table.errors
        + parsed.errors
        + [
            RowError(int(line), "company", "LinkedIn no longer shows this job's company and title.")
            for line in frame.loc[gone, "line"]
        ],
        key=lambda e: e.line,
    )
    return parsed


def parse_preferences(data: bytes, path: str = "Job Seeker Preferences.csv") -> ParsedFile:
    """LinkedIn's job-seeker preferences hold no applications: recognised, and said so."""
    table = read_table(data)
    parsed = ParsedFile(path=path, format="linkedin-preferences", rows=len(table.rows))
    parsed.notices.append(
        "LinkedIn job-seeker preferences hold no applications or contacts: nothing to import."
    )
    parsed.skipped["preferences"] = len(table.rows)
    return parsed


def parse_saved_jobs(data: bytes, path: str = "Saved Jobs.csv") -> ParsedFile:
    table = read_table(data)
    parsed = ParsedFile(
        path=path, format="linkedin-saved-jobs", rows=len(table.rows), errors=list(table.errors)
    )
    frame = pd.DataFrame({"line": table.lines})
    for name, column in (
        ("company", "Company Name"),
        ("role", "Job Title"),
        ("job_url", "Job Url"),
        ("saved_on", "Saved Date"),
    ):
        frame[name] = clean_text(pd.Series(_column(table, column), dtype=object))
    saved = parse_dates(frame["saved_on"])
    frame["saved_on"] = saved.dates.dt.date.where(saved.dates.notna(), None)
    ok = frame["company"].notna() & frame["company"].map(lambda c: c is not None and len(c) <= MAX_SHORT_TEXT)
    parsed.errors += [
        RowError(int(line), "company", "The company is missing or too long.")
        for line in frame.loc[~ok, "line"]
    ]
    parsed.saved_jobs = frame.loc[ok, SAVED_COLUMNS].reset_index(drop=True)
    return parsed


def parse_connections(data: bytes, path: str = "Connections.csv") -> ParsedFile:
    table = read_table(data, looks_like_header=_connections_header)
    parsed = ParsedFile(
        path=path, format="linkedin-connections", rows=len(table.rows), errors=list(table.errors)
    )
    raw = {
        name: clean_text(pd.Series(_column(table, column), dtype=object))
        for name, column in (
            ("first", "First Name"),
            ("last", "Last Name"),
            ("url", "URL"),
            ("email", "Email Address"),
            ("company", "Company"),
            ("position", "Position"),
            ("connected", "Connected On"),
        )
    }
    frame = pd.DataFrame({"line": table.lines, **raw})
    hidden = frame["first"].isna() & frame["last"].isna()
    if hidden.any():
        parsed.skipped["hidden members"] = int(hidden.sum())
    frame = frame[~hidden]
    name = (frame["first"].fillna("") + " " + frame["last"].fillna("")).str.split().str.join(" ")
    connected = parse_dates(frame["connected"])
    contacts = pd.DataFrame(
        {
            "line": frame["line"],
            "name": name,
            "company": frame["company"],
            "role": frame["position"].map(lambda p: "recruiter" if p and _RECRUITER.search(p) else "other"),
            "email": frame["email"].map(
                lambda e: e if e and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", e) else None
            ),
            "profile_url": frame["url"].map(
                lambda u: (
                    u
                    if u
                    and u.lower().startswith(("http://", "https://"))
                    and " " not in u
                    and 11 <= len(u) <= 2_000
                    else None
                )
            ),
            "connected_on": connected.dates.dt.date.where(connected.dates.notna(), None),
            "notes": frame["position"].map(lambda p: f"Position: {p}" if p else None),
        }
    )
    for field, given, label in (("email", "email", "email address"), ("profile_url", "url", "profile link")):
        dropped = contacts[field].isna() & frame[given].notna()
        if dropped.any():  # the person comes in; the unusable address is left out, and said
            parsed.notices.append(
                f"{plural(int(dropped.sum()), label)} couldn't be used and {'were' if dropped.sum() > 1 else 'was'} "
                f"left out (line {', '.join(map(str, contacts.loc[dropped, 'line'].head(5)))}"
                f"{'…' if dropped.sum() > 5 else ''}); the people are imported without them."
            )
    long_name = contacts["name"].str.len() > MAX_SHORT_TEXT
    long_company = contacts["company"].map(lambda c: c is not None and len(c) > MAX_SHORT_TEXT)
    long_notes = contacts["notes"].map(lambda n: n is not None and len(n) > 20_000)
    bad = long_name | long_company | long_notes
    parsed.errors += [
        RowError(int(line), "name" if ln else "company" if lc else "position", "Too long to be a contact.")
        for line, ln, lc in zip(contacts.loc[bad, "line"], long_name[bad], long_company[bad])
    ]
    contacts = contacts[~bad].copy()
    contacts["import_key"] = hash_key(
        "contact:",
        contacts["name"].str.casefold(),
        contacts["company"].fillna("").str.casefold(),
        contacts["profile_url"].fillna(contacts["connected_on"].astype(str)),
    )
    parsed.contacts = contacts[CONTACT_COLUMNS].reset_index(drop=True)
    parsed.errors.sort(key=lambda e: e.line)
    return parsed
