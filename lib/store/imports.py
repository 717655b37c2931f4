"""Imports, the writing: adding what a plan holds, in one transaction (all of it or none).

The plan (what would be added, duplicates taken out) is lib/store/import_plan.py; its names are
re-exported here so callers need one module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db
from lib.data.importers.rows import APPLICATION_COLUMNS, CONTACT_COLUMNS, ParsedFile, by_distinct
from lib.data.importers.text import paused_gc
from lib.search.companies import company_key
from lib.store.import_plan import ImportPlan, _company_ids, how_far, plan, plan_with, undated_notice

__all__ = ["ImportPlan", "apply", "how_far", "plan", "plan_with", "undated_notice"]

A, C, E, K = db.applications, db.companies, db.stage_events, db.contacts
CHUNK = 5_000
IMPORT_CACHE_KB = 64 * 1024
Progress = Callable[[float, str], None]


def _rows(frame: pd.DataFrame, columns: list[str], sqlite: bool) -> list[tuple]:
    """Plain tuples for executemany; dates as SQLite stores them (ISO text), missing as None."""
    values = []
    for column in columns:
        series = frame[column]
        if sqlite and column in ("applied_on", "occurred_on", "connected_on"):
            values.append(by_distinct(series, lambda days: [str(day)[:10] for day in days]).tolist())
            continue
        series = series.astype(object)
        values.append(series.where(series.notna(), None).tolist())
    return list(zip(*values))


def _filled(frame: pd.DataFrame, columns: list[str]) -> list[str]:
    """The columns with at least one value: the others are NULL without being sent."""
    return [c for c in columns if frame[c].notna().any()]


def _insert_chunks(
    connection: Connection,
    table: sa.Table,
    frame: pd.DataFrame,
    columns: list[str],
    progress: Progress | None,
    start: float,
    span: float,
    label: str,
) -> None:
    """Insert `frame` into `table` with executemany, in chunks (one transaction: the caller's)."""
    if frame.empty:
        return
    sqlite = connection.dialect.name == "sqlite"
    columns = _filled(frame, columns)
    rows = _rows(frame, columns, sqlite)
    if sqlite:  # straight to the driver: the fastest executemany there is
        statement = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
    total = len(rows)
    for offset in range(0, total, CHUNK):
        chunk = rows[offset : offset + CHUNK]
        if sqlite:
            connection.exec_driver_sql(statement, chunk)
        else:
            connection.execute(sa.insert(table), [dict(zip(columns, row)) for row in chunk])
        if progress:
            progress(start + span * min(1.0, (offset + CHUNK) / total), label)


def apply(engine: Engine, files: Sequence[ParsedFile], progress: Progress | None = None) -> ImportPlan:
    """Add what `files` hold, in one transaction (all of it or, if anything fails, none)."""
    with paused_gc(), db.transaction(engine, wait=db.IMPORT_WAIT_S) as connection:  # imports queue
        # Take the write lock first: what is planned, and the ids given below, stay true until commit.
        connection.execute(
            sa.update(db.meta).where(db.meta.c.key == "revision").values(value=db.meta.c.value)
        )
        with _roomy_cache(connection):
            result = _write(connection, files, progress)
    return result


@contextmanager
def _indexes_built_after(connection: Connection, table: sa.Table, adding: int) -> Iterator[None]:
    """Drop `table`'s plain indexes while `adding` rows go in, and build them again after, when the
    table holds fewer rows than that: one sorted build is cheaper than an index entry per row put in
    at random places (a first import of 50,000 rows: about 60 ms less). In the one transaction, so
    a failed import leaves the indexes as they were."""
    plain = [index for index in table.indexes if not index.unique]
    held = connection.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0
    if connection.dialect.name != "sqlite" or held >= adding or not plain:
        yield
        return
    for index in plain:
        index.drop(connection)
    yield
    for index in plain:
        index.create(connection)


@contextmanager
def _roomy_cache(connection: Connection) -> Iterator[None]:
    """A 64 MB page cache for the length of an import: with SQLite's 2 MB default, index pages
    spill to the write-ahead log and are written again and again within the one transaction."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size={-IMPORT_CACHE_KB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _write(connection: Connection, files: Sequence[ParsedFile], progress: Progress | None) -> ImportPlan:
    """Plan and insert, inside the caller's transaction."""
    result = plan_with(connection, files)
    if progress:
        progress(0.05, "Adding companies…")
    if result.new_companies:
        connection.execute(
            sa.insert(C), [{"name": name, "name_key": company_key(name)} for name in result.new_companies]
        )
    company_ids = _company_ids(connection)

    apps = result.applications.copy()  # in the file's order: ids follow the rows
    apps["company_id"] = apps["company_key"].map(company_ids)
    first_id = (connection.execute(sa.select(sa.func.max(A.c.id))).scalar() or 0) + 1
    apps["id"] = range(first_id, first_id + len(apps))  # known ids: the events need no read-back
    columns = ["id"] + [c for c in APPLICATION_COLUMNS if c not in ("line", "company")] + ["company_id"]
    with _indexes_built_after(connection, A, len(apps)):
        _insert_chunks(connection, A, apps, columns, progress, 0.1, 0.5, "Adding applications…")

    if not result.events.empty:
        events = result.events.copy()
        events["application_id"] = events["import_key"].map(
            pd.Series(apps["id"].to_numpy(), index=apps["import_key"])
        )
        with _indexes_built_after(connection, E, len(events)):
            _insert_chunks(
                connection,
                E,
                events,
                ["application_id", "kind", "occurred_on", "date_known", "note"],
                progress,
                0.6,
                0.3,
                "Adding stage events…",
            )

    contacts = result.contacts.copy()
    if not contacts.empty:
        contacts["company_id"] = contacts["company_key"].map(company_ids).where(contacts["matched"], None)
        unmatched = ~contacts["matched"] & contacts["company"].notna()
        contacts.loc[unmatched, "notes"] = (
            "Company: "
            + contacts.loc[unmatched, "company"]
            + "\n"
            + contacts.loc[unmatched, "notes"].fillna("")
        ).str.strip()
        columns = [c for c in CONTACT_COLUMNS if c not in ("line", "company")] + ["company_id"]
        _insert_chunks(connection, K, contacts, columns, progress, 0.9, 0.05, "Adding contacts…")

    for key, notes in result.saved_jobs.groupby("company_key")["note"]:
        current = connection.execute(sa.select(C.c.notes).where(C.c.name_key == key)).scalar()
        combined = (current + "\n" if current else "") + "\n".join(notes)
        connection.execute(sa.update(C).where(C.c.name_key == key).values(notes=combined))
    if progress:
        progress(1.0, "Done.")
    return result
