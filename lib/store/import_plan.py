"""Imports, the plan: what a batch of parsed files would add, with nothing written.

Duplicates are skipped, not doubled: an application whose company, role and date applied are
already recorded (imported or typed), or a contact already imported (or with the same name at the
same company), is counted and left alone, so importing the same file twice adds nothing. The
`import_key` UNIQUE columns back this up in the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db
from lib.core.text import fold, squash
from lib.data.importers.rows import EVENT_COLUMNS, ParsedFile, application_key_from, map_unique
from lib.search.companies import company_key, sure_matches

A, C, K = db.applications, db.companies, db.contacts


@dataclass
class ImportPlan:
    """What an import adds, after duplicates are taken out."""

    applications: pd.DataFrame  # APPLICATION_COLUMNS + file
    events: pd.DataFrame  # EVENT_COLUMNS
    contacts: pd.DataFrame  # CONTACT_COLUMNS + file
    saved_jobs: pd.DataFrame  # SAVED_COLUMNS + file + note
    new_companies: list[str]
    duplicates: list[int]  # per file: rows skipped as duplicates
    added: list[int]  # per file: records that will be added
    counts: dict[str, int] = field(default_factory=dict)
    # typed company name -> the company already there it was matched to (a letter or two apart)
    matched_companies: dict[str, str] = field(default_factory=dict)

    @property
    def duplicates_skipped(self) -> int:
        return sum(self.duplicates)


def undated_notice(n: int) -> str:
    """What the preview says about statuses that come without a date of their own."""
    return (
        f"{n:,} status{'' if n == 1 else 'es'} {'comes' if n == 1 else 'come'} without a date of "
        f"{'its' if n == 1 else 'their'} own: {'it' if n == 1 else 'they'} will be recorded with the date "
        "marked unknown (not the application date), and left out of response times until you type the date "
        "on the application."
    )


def _tagged(files: Sequence[ParsedFile], attribute: str) -> pd.DataFrame:
    frames = [
        getattr(f, attribute).assign(file=i) for i, f in enumerate(files) if not getattr(f, attribute).empty
    ]
    if not frames:
        return pd.DataFrame(columns=list(getattr(ParsedFile("", ""), attribute).columns) + ["file"])
    return pd.concat(frames, ignore_index=True)


def _existing_application_keys(connection: Connection) -> set[str]:
    rows = connection.execute(
        sa.select(A.c.import_key, C.c.name_key, A.c.role, A.c.applied_on).join(C, C.c.id == A.c.company_id)
    ).all()
    if not rows:
        return set()
    frame = pd.DataFrame(rows, columns=["import_key", "name_key", "role", "applied_on"])
    natural = application_key_from(frame["name_key"], frame["role"], frame["applied_on"])
    return set(frame["import_key"].dropna()) | set(natural)


def _existing_contact_keys(connection: Connection) -> tuple[set[str], set[tuple[str, str]]]:
    rows = connection.execute(
        sa.select(K.c.import_key, K.c.name, C.c.name_key).select_from(
            K.outerjoin(C, C.c.id == K.c.company_id)
        )
    ).all()
    keys = {r.import_key for r in rows if r.import_key}
    people = {(fold(r.name), r.name_key or "") for r in rows}
    return keys, people


def _company_ids(connection: Connection) -> dict[str, int]:
    return {key: id_ for id_, key in connection.execute(sa.select(C.c.id, C.c.name_key))}


def plan_with(connection: Connection, files: Sequence[ParsedFile]) -> ImportPlan:
    """What importing `files` would add to the database behind `connection` (nothing is written)."""
    n = len(files)
    duplicates, added = [0] * n, [0] * n

    apps = _tagged(files, "applications")
    existing = _existing_application_keys(connection)
    is_dup = apps["import_key"].isin(existing) | apps["import_key"].duplicated()
    for i, count in apps.loc[is_dup, "file"].value_counts().items():
        duplicates[int(i)] += int(count)
    if is_dup.any():
        apps = apps[~is_dup].reset_index(drop=True)
    events = pd.concat(
        [f.events.assign(file=i) for i, f in enumerate(files) if not f.events.empty]
        or [pd.DataFrame(columns=[*EVENT_COLUMNS, "file"])],
        ignore_index=True,
    )
    if is_dup.any():
        # Only the history from the file whose row is kept: the same application in two files
        # (say a Hired and a Simplify export) must not get two endings.
        kept = pd.MultiIndex.from_frame(apps[["file", "import_key"]])
        mine = pd.MultiIndex.from_frame(events[["file", "import_key"]]).isin(kept)
        events = events[mine].reset_index(drop=True)
    events = events.drop(columns="file")

    company_ids = _company_ids(connection)
    apps["company_key"] = map_unique(apps["company"], company_key)
    saved = _tagged(files, "saved_jobs")
    saved["company_key"] = map_unique(saved["company"], company_key)
    # a name a letter or two from a company already there is that company ("matched to …")
    matched = sure_matches(pd.concat([apps["company_key"], saved["company_key"]]).unique(), company_ids)
    typed = pd.concat([apps[["company_key", "company"]], saved[["company_key", "company"]]])
    typed = typed[typed["company_key"].isin(matched)].drop_duplicates("company_key")
    apps["company_key"] = apps["company_key"].replace(matched)
    saved["company_key"] = saved["company_key"].replace(matched)
    names = pd.concat([apps[["company_key", "company"]], saved[["company_key", "company"]]])
    names = names[~names["company_key"].isin(company_ids.keys())].drop_duplicates("company_key")
    new_companies = names["company"].map(squash).tolist()
    known_keys = set(company_ids) | set(names["company_key"])

    contacts = _tagged(files, "contacts")
    contact_keys, people = _existing_contact_keys(connection)
    contacts["company_key"] = contacts["company"].map(lambda c: company_key(c) if c else "")
    contacts["company_key"] = contacts["company_key"].replace(
        sure_matches(contacts["company_key"].unique(), company_ids)
    )
    person = list(zip(contacts["name"].str.casefold().map(squash), contacts["company_key"]))
    contact_dup = (
        contacts["import_key"].isin(contact_keys)
        | contacts["import_key"].duplicated()
        | pd.Series([p in people for p in person], index=contacts.index, dtype=bool)
    )
    for i, count in contacts.loc[contact_dup, "file"].value_counts().items():
        duplicates[int(i)] += int(count)
    contacts = contacts[~contact_dup].reset_index(drop=True)
    contacts["matched"] = contacts["company_key"].isin(known_keys) & (contacts["company_key"] != "")

    saved["note"] = (
        "Saved job on LinkedIn"
        + saved["saved_on"].map(lambda d: f" ({d:%d %b %Y})" if d else "")
        + ": "
        + saved["role"].fillna("a job")
        + saved["job_url"].map(lambda u: f" {u}" if u else "")
    )
    current_notes = dict(connection.execute(sa.select(C.c.name_key, C.c.notes)).all())
    saved_dup = saved.duplicated(["company_key", "note"]) | pd.Series(
        [note in (current_notes.get(key) or "") for key, note in zip(saved["company_key"], saved["note"])],
        index=saved.index,
        dtype=bool,
    )
    for i, count in saved.loc[saved_dup, "file"].value_counts().items():
        duplicates[int(i)] += int(count)
    saved = saved[~saved_dup].reset_index(drop=True)

    for frame in (apps, contacts, saved):
        for i, count in frame["file"].value_counts().items():
            added[int(i)] += int(count)
    counts = {
        "applications": len(apps),
        "stage_events": len(events),
        "undated_events": int((~events["date_known"].astype(bool)).sum()) if len(events) else 0,
        "contacts": len(contacts),
        "companies": len(new_companies),
        "saved_jobs": len(saved),
        "contacts_matched_to_companies": int(contacts["matched"].sum()),
    }
    plan = ImportPlan(apps, events, contacts, saved, new_companies, duplicates, added, counts)
    if matched:
        stored = dict(connection.execute(sa.select(C.c.name_key, C.c.name)).all())
        plan.matched_companies = {
            squash(name): stored[matched[key]] for key, name in zip(typed["company_key"], typed["company"])
        }
    return plan


def plan(engine: Engine, files: Sequence[ParsedFile]) -> ImportPlan:
    """The preview: what importing `files` would add now."""
    with engine.connect() as connection:
        return plan_with(connection, files)
