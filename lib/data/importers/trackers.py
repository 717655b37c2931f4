"""Other trackers' exports, with their statuses kept: Huntr, Hired, JobSync (drafts left out).

- Huntr: `listName` is the board column — Wishlist is a saved job, not an application; Applied,
  Interview, Offer, Rejected and custom lists go through the (editable) status table; `-` is
  empty; the HTML description becomes plain text in the notes; the board is not a "board or ATS".
- Hired: Stage and Round together say how far it got ("Rejected" at Round "Final" is a rejection
  after the final round); Closed is the ending's date; Why it ended and Tags are kept in the notes.
- JobSync: rows with `applied = No` are drafts: skipped and counted, not errors.
Simplify is read by the spreadsheet importer's known mapping (its upper-case statuses map as
they are). A status with no date of its own stays undated (see stage_history).
"""

from __future__ import annotations

import pandas as pd

from lib.core.text import plural
from lib.data.email.text import html_to_text
from lib.data.importers.application_rows import applications_from
from lib.data.importers.dates import parse_dates
from lib.data.importers.rows import SAVED_COLUMNS, ParsedFile, clean_text
from lib.data.importers.statuses import status_table
from lib.data.importers.text import read_table

HUNTR = frozenset({"listName", "companyName", "title", "createdAt", "boardName"})
HIRED = frozenset({"Company", "Role", "Stage", "Round", "Why it ended", "Closed", "Applied"})
JOBSYNC = frozenset({"applied", "appliedDate", "Company", "JobTitle", "Status"})
WISHLIST = ("wishlist", "wish list", "saved", "bookmarked", "interested")


def kind_of(header: list[str]) -> str | None:
    present = set(header)
    for name, signature in (("huntr", HUNTR), ("hired", HIRED), ("jobsync", JOBSYNC)):
        if signature <= present:
            return name
    return None


def _cells(data: bytes) -> pd.DataFrame:
    table = read_table(data)
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=object)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    for column in frame.columns:
        frame[column] = clean_text(frame[column].where(frame[column] != "-", None))
    frame.insert(0, "line", table.lines)
    frame.attrs["errors"] = table.errors
    return frame


def _col(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)


def _joined(*parts: pd.Series) -> pd.Series:
    rows = zip(*(p.tolist() for p in parts))
    return pd.Series(
        ["\n".join(x for x in row if x) or None for row in rows], index=parts[0].index, dtype=object
    )


def _finish(parsed: ParsedFile, frame: pd.DataFrame) -> ParsedFile:
    parsed.errors = sorted(frame.attrs.get("errors", []) + parsed.errors, key=lambda e: e.line)
    parsed.columns = [c for c in frame.columns if c != "line"]
    if parsed.statuses is not None:
        parsed.statuses = status_table(parsed.statuses)
    return parsed


def parse_huntr(data: bytes, path: str, status_map=None) -> ParsedFile:
    cells = _cells(data)
    words = _col(cells, "listName").fillna("")
    wish = words.str.casefold().str.strip().isin(WISHLIST)
    description = _col(cells, "htmlDescription").map(lambda h: html_to_text(h)[:5_000] if h else None)
    frame = pd.DataFrame(
        {
            "line": cells["line"],
            "company": _col(cells, "companyName"),
            "role": _col(cells, "title"),
            "applied_on": _col(cells, "createdAt"),
            "status": _col(cells, "listName"),
            "status_date": _col(cells, "lastMovedAt").where(~words.str.casefold().str.contains("appl"), None),
            "job_url": _col(cells, "url"),
            "location": _col(cells, "location"),
            "notes": _joined(_col(cells, "salary").map(lambda s: f"Salary: {s}" if s else None), description),
            "channel": "other",
        }
    )
    parsed = applications_from(frame[~wish], path, "huntr", status_map=status_map)
    saved = pd.DataFrame(
        {
            "line": frame["line"],
            "company": frame["company"],
            "role": frame["role"],
            "job_url": frame["job_url"],
            "saved_on": frame["applied_on"],
        }
    )[wish & frame["company"].notna()]
    days = parse_dates(saved["saved_on"]).dates
    saved["saved_on"] = days.dt.date.where(days.notna(), None)
    parsed.saved_jobs = saved[SAVED_COLUMNS].reset_index(drop=True)
    parsed.rows = len(frame)
    if int(wish.sum()):
        parsed.notices.append(
            f"{plural(int(wish.sum()), 'card')} on the Wishlist: saved jobs, noted on their company."
        )
    return _finish(parsed, cells)


def parse_hired(data: bytes, path: str, status_map=None) -> ParsedFile:
    cells = _cells(data)
    stage, round_ = _col(cells, "Stage").fillna(""), _col(cells, "Round").fillna("")
    status = [
        f"{s} {r} round".strip() if r and not r.casefold().startswith(s.casefold()) else s or None
        for s, r in zip(stage.tolist(), round_.tolist())
    ]
    why = _col(cells, "Why it ended").map(lambda w: f"Why it ended: {w}" if w else None)
    tags = _col(cells, "Tags").map(lambda t: f"Tags: {t}" if t else None)
    frame = pd.DataFrame(
        {
            "line": cells["line"],
            "company": _col(cells, "Company"),
            "role": _col(cells, "Role"),
            "applied_on": _col(cells, "Applied"),
            "status": pd.Series(status, index=cells.index, dtype=object),
            "status_date": _col(cells, "Closed"),
            "location": _col(cells, "Location"),
            "work_mode": _col(cells, "Work mode"),
            "resume_version": _col(cells, "Resume"),
            "job_url": _col(cells, "Job link").where(_col(cells, "Job link").notna(), _col(cells, "Link")),
            "notes": _joined(why, tags, _col(cells, "Notes")),
            "channel": "other",
        }
    )
    return _finish(applications_from(frame, path, "hired", status_map=status_map), cells)


def parse_jobsync(data: bytes, path: str, status_map=None) -> ParsedFile:
    cells = _cells(data)
    draft = _col(cells, "applied").fillna("").str.strip().str.casefold().isin(["no", "false", "0"])
    frame = pd.DataFrame(
        {
            "line": cells["line"],
            "company": _col(cells, "Company"),
            "role": _col(cells, "JobTitle"),
            "applied_on": _col(cells, "appliedDate"),
            "status": _col(cells, "Status"),
            "channel": _col(cells, "JobSource"),
            "location": _col(cells, "Location"),
            "work_mode": _col(cells, "workplaceType"),
        }
    )[~draft]
    parsed = applications_from(frame, path, "jobsync", status_map=status_map)
    parsed.rows = len(cells)
    if int(draft.sum()):
        parsed.skipped["drafts (applied = No)"] = int(draft.sum())
    return _finish(parsed, cells)


PARSERS = {"huntr": parse_huntr, "hired": parse_hired, "jobsync": parse_jobsync}
