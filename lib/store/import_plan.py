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

from lib.core import db, vocab
from lib.core.text import fold, squash
from lib.data.importers.rows import (
    EVENT_COLUMNS,
    ROLE_NOT_GIVEN,
    ParsedFile,
    application_key_from,
    keyed_role,
    linked_key,
    map_unique,
)
from lib.search.companies import company_key, sure_matches
from lib.store.base import raw_frame

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
    # applications already there that a file shows further along: not changed by the import, said
    further: pd.DataFrame = field(default_factory=pd.DataFrame)

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


def _existing_application_keys(connection: Connection) -> dict[str, int]:
    """{key: application id} for every application there, by its import key and its natural key."""
    frame = raw_frame(  # the driver's values: SQLAlchemy's per-row work was half a re-import's plan
        connection,
        sa.select(A.c.id, A.c.import_key, C.c.name, C.c.name_key, A.c.role, A.c.job_url, A.c.applied_on)
        .join(C, C.c.id == A.c.company_id)
        .order_by(A.c.id),  # roleless ones are numbered in the order they came in
    )
    if frame.empty:
        return {}
    # A roleless application that came in by import is known by its import key alone: its place
    # ("#2") was counted among the file's rows, which the log can't count again (a refused row
    # leaves a gap). One typed by hand, or keyed by its line as imports once did, by its words.
    keyed_by_file = (
        frame["role"].eq(ROLE_NOT_GIVEN)
        & frame["import_key"].notna()
        & ~frame["import_key"].astype(str).str.contains(_LINE_KEYED, regex=True)
    )
    words = frame[~keyed_by_file]
    role = keyed_role(words["role"], words["job_url"], words["name_key"], words["applied_on"])
    natural = application_key_from(words["name_key"], role, words["applied_on"])
    keys = dict(zip(natural, words["id"]))
    # A company kept apart when its name's identity grew ("Amazon.com Inc." beside "Amazon", until
    # merged) is also known by the name's key today: the file says "amazon" now.
    today = map_unique(words["name"], company_key)
    moved = today.ne(words["name_key"])
    if moved.any():
        keys |= dict(
            zip(
                application_key_from(today[moved], role[moved], words["applied_on"][moved]),
                words["id"][moved],
            )
        )
    # A file's row with no date applied is keyed without a day: it is any application at that
    # company for that role (the later one where there are several).
    keys |= dict(
        zip(application_key_from(words["name_key"], role, pd.Series(pd.NaT, index=role.index)), words["id"])
    )
    # One of two postings under one key (told apart by its link in a file) is known by its link.
    linked = words["job_url"].notna()
    if linked.any():
        keys |= dict(
            zip(linked_key(natural[linked.to_numpy()], words["job_url"][linked]), words["id"][linked])
        )
    imported = frame.dropna(subset=["import_key"])
    return keys | dict(zip(imported["import_key"], imported["id"]))


_LINE_KEYED = r"\|role not given \d+$"  # the import key roleless rows had before: by their line


_ENDING_CODE = {kind: code for code, kind in enumerate(vocab.OUTCOMES, start=1)}


def _furthest(key: pd.Series, kind: pd.Series) -> pd.DataFrame:
    """Per key: the furthest stage's rank and the ending's code (0: none), as numbers (quick)."""
    return (
        pd.DataFrame(
            {
                "key": key.to_numpy(),
                "rank": kind.map(vocab.STAGE_RANK).fillna(0).to_numpy(),
                "ending": kind.map(_ENDING_CODE).fillna(0).to_numpy(),
            }
        )
        .groupby("key")
        .max()
    )


def how_far(events: pd.DataFrame, keys: pd.Series) -> pd.Series:
    """Per import key in `keys` (in its order), how far the files have it, in words for the preview:
    the furthest stage, and how it ended if it did ("Screen · Rejected")."""
    some = events[events["import_key"].isin(set(keys))]
    said = _furthest(some["import_key"], some["kind"]).reindex(keys.to_numpy()).fillna(0)
    words = [
        vocab.stage_label(vocab.STAGES[int(rank)])
        + (f" · {vocab.stage_label(vocab.OUTCOMES[int(ending) - 1])}" if ending else "")
        for rank, ending in zip(said["rank"], said["ending"])
    ]
    return pd.Series(words, index=keys.index, name="how_far", dtype=object)


def _further_in_file(
    connection: Connection, repeated: pd.Series, events: pd.DataFrame, ids: dict[str, int]
) -> pd.DataFrame:
    """Applications already there that the files show further along (a tracker exported again after
    a reply): the import adds none of it, so the preview says which, and how far the file has them.
    `repeated`: the import keys already there. Columns: application_id, company, role, file_says,
    file_day (the day the file gives that step, NaT when it gives none)."""
    columns = ["application_id", "company", "role", "file_says", "file_day"]
    in_file = events[events["import_key"].isin(set(repeated))]
    if in_file.empty:
        return pd.DataFrame(columns=columns)
    said = _furthest(in_file["import_key"], in_file["kind"])
    said["application_id"] = said.index.map(ids)
    wanted = said["application_id"].astype(int).tolist()
    query = sa.select(db.stage_events.c.application_id, db.stage_events.c.kind)
    if len(wanted) <= 500:  # more would pass SQLite's limit on bound values: then read them all
        query = query.where(db.stage_events.c.application_id.in_(wanted))
    there = raw_frame(connection, query)
    known = _furthest(there["application_id"], there["kind"]).reindex(said["application_id"])
    further = (said["rank"].to_numpy() > known["rank"].fillna(0).to_numpy()) | (
        (said["ending"].to_numpy() > 0) & (known["ending"].fillna(0).to_numpy() == 0)
    )
    said = said[further]
    if said.empty:
        return pd.DataFrame(columns=columns)
    names = connection.execute(
        sa.select(A.c.id, C.c.name, A.c.role)
        .join(C, C.c.id == A.c.company_id)
        .where(A.c.id.in_([int(i) for i in said["application_id"].head(500)]))
    ).all()
    name_of = {row.id: (row.name, row.role) for row in names}
    said["file_says"] = [
        vocab.OUTCOMES[int(ending) - 1] if ending else vocab.STAGES[int(rank)]
        for rank, ending in zip(said["rank"], said["ending"])
    ]
    # the day the file gives that step, so the person need not look it up again to record it
    dated = in_file[in_file["date_known"].astype(bool)] if "date_known" in in_file else in_file
    day_of = dated.groupby(["import_key", "kind"])["occurred_on"].max()
    return pd.DataFrame(
        [
            (
                int(app_id),
                *name_of.get(int(app_id), ("", "")),
                says,
                pd.Timestamp(day_of.get((key, says), pd.NaT)),
            )
            for key, app_id, says in zip(said.index, said["application_id"], said["file_says"])
        ],
        columns=columns,
    )


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
    already = apps["import_key"].isin(existing.keys())
    is_dup = already | apps["import_key"].duplicated()
    repeated = apps.loc[already, "import_key"]
    for i, count in apps.loc[is_dup, "file"].value_counts().items():
        duplicates[int(i)] += int(count)
    if is_dup.any():
        apps = apps[~is_dup].reset_index(drop=True)
    events = pd.concat(
        [f.events.assign(file=i) for i, f in enumerate(files) if not f.events.empty]
        or [pd.DataFrame(columns=[*EVENT_COLUMNS, "file"])],
        ignore_index=True,
    )
    further = (
        _further_in_file(connection, repeated, events, existing)
        if not repeated.empty and not events.empty
        else pd.DataFrame(columns=["application_id", "company", "role", "file_says", "file_day"])
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
    plan = ImportPlan(
        apps, events, contacts, saved, new_companies, duplicates, added, counts, further=further
    )
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
