"""The whole database at once: every table for export, checks on a backup file, delete all.

Backups and restores themselves are file operations (lib.exporters); what they need to ask a
database goes through here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.core import db
from lib.learn import traction
from lib.store import schema
from lib.store import settings as settings_store
from lib.store.backup_values import said, unreadable_values
from lib.store.base import read_frame

# Tables in the order they are exported (parents first) and emptied (children first).
EXPORT_TABLES: tuple[str, ...] = (
    "companies",
    "applications",
    "stage_events",
    "emails",
    "contacts",
    "interviews",
    "interview_contacts",
    "interview_questions",
    "reflections",
    "feedback",
    "follow_up_notes",
    "next_actions",
    "mood_checkins",
    "strategy_reviews",
    "drafts",
    "settings",
    # practice (writing stays private: in the backup and your own export, never in a report)
    "writing_sessions",
    "weekly_plans",
    "search_checks",
    "practice_cards",
    "practice_reviews",
    "setback_notes",
    "practice_settings",
)
REQUIRED_TABLES = frozenset({"alembic_version", "meta", "companies", "applications", "stage_events"})
# What "this backup holds" and "restoring replaces" count: every kind of thing a person makes, so
# someone who only wrote, practised or reviewed never reads "replaces … nothing yet".
SUMMARY_TABLES = (
    "applications",
    "stage_events",
    "companies",
    "contacts",
    "interviews",
    "interview_questions",
    "reflections",
    "feedback",
    "follow_up_notes",
    "emails",
    "mood_checkins",
    "strategy_reviews",
    "weekly_plans",
    "practice_cards",
    "writing_sessions",
)


def _stage_history(events: pd.DataFrame) -> pd.Series:
    """ "screen 2025-01-03; rejected 2025-01-20" per application: readable, and read back by import."""
    if events.empty:
        return pd.Series(dtype=object)
    ordered = events.sort_values(["application_id", "occurred_on", "id"])
    day = pd.to_datetime(ordered["occurred_on"]).dt.strftime(" %Y-%m-%d")
    if "date_known" in ordered:  # an unknown date is written as none, and read back as unknown
        day = day.where(ordered["date_known"].astype(bool), "")
    text = ordered["kind"] + day
    return text.groupby(ordered["application_id"]).agg("; ".join)


def _status_shown(engine: Engine, apps: pd.DataFrame, events: pd.DataFrame) -> pd.Series | None:
    """Each application's status as the app shows it today: `outcome` is only what was recorded,
    and an open application silent for the ghost days of Settings shows (and counts) as ghosted."""
    if apps.empty:
        return None
    ghost_days = settings_store.get_setting(engine, "ghost_days")
    shown = traction.with_status(apps[["id", "applied_on"]], events, dt.date.today(), ghost_days)
    return apps["id"].map(shown.set_index("id")["end_state"])


def table_frames(engine: Engine) -> dict[str, pd.DataFrame]:
    """Every table as a DataFrame, ready for a spreadsheet: applications and contacts carry their
    company's name; applications their furthest stage, outcome (as recorded), status (as shown
    today) and stage history."""
    frames = {name: read_frame(engine, sa.select(db.metadata.tables[name])) for name in EXPORT_TABLES}
    companies = (
        frames["companies"].set_index("id")["name"]
        if not frames["companies"].empty
        else pd.Series(dtype=object)
    )
    apps, events = frames["applications"], frames["stage_events"]
    apps.insert(1, "company", apps["company_id"].map(companies))
    status = traction.application_status(apps, events).set_index("application_id")
    apps["furthest_stage"] = apps["id"].map(status["furthest_stage"]) if not apps.empty else None
    apps["outcome"] = apps["id"].map(status["outcome"]) if not apps.empty else None
    apps["stage_history"] = apps["id"].map(_stage_history(events)) if not apps.empty else None
    # A day not known is none, as every page reads it: its stored day only keeps the order. Read as
    # the application's day, it made a silence counted from it (ghosted where the log says Open),
    # and a spreadsheet showed it as a real day.
    if "date_known" in events and not events.empty:
        known = events["date_known"].astype(bool)
        events["occurred_on"] = pd.to_datetime(events["occurred_on"], format="ISO8601").where(known)
    apps["status"] = _status_shown(engine, apps, events)
    if not events.empty:
        # days, not timestamps, once the status is worked out: as dates with a gap among them, the
        # latest step of an application with a dated and an undated one could not be found (Export
        # stopped with "agg function failed")
        events["occurred_on"] = pd.to_datetime(events["occurred_on"], format="ISO8601").dt.date
    contacts = frames["contacts"]
    contacts.insert(1, "company", contacts["company_id"].map(companies))
    return frames


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(
                sa.select(sa.func.count()).select_from(db.metadata.tables[name])
            ).scalar_one()
            for name in SUMMARY_TABLES
        }


def delete_all(engine: Engine) -> None:
    """Delete every row the user made (all tables but the schema's own), then compact the file so
    nothing deleted can be read back from it."""
    with db.transaction(engine) as connection:
        for name in reversed(EXPORT_TABLES):
            connection.execute(sa.delete(db.metadata.tables[name]))
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")


@dataclass
class BackupCheck:
    """What a file offered for restore holds, and whether it can be restored."""

    ok: bool
    message: str
    schema_revision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    data_revision: int = 0


def _size_in_header(header: bytes) -> int:
    """The database's size as its header gives it (page size × page count; 0 when it can't say)."""
    if len(header) < 100 or header[24:28] != header[92:96]:  # the size is valid only when these agree
        return 0
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    return page_size * int.from_bytes(header[28:32], "big")


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 104_858 else f"{max(1, round(size / 1024))} KB"


def check_backup(
    path: Path, known_revisions: set[str], expected: Callable[[str], schema.Schema] | None = None
) -> BackupCheck:
    """Is `path` a sound Rebound database? Only reads: nothing in it is run or changed.

    `expected(revision)` is the schema this version makes at that revision; the backup's tables,
    columns, types and constraints must be exactly those."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = Path(path).stat().st_size
    except OSError as exc:
        return BackupCheck(False, f"The file can't be read ({exc.strerror or exc}).")
    if header[:16] != b"SQLite format 3\x00":
        return BackupCheck(
            False, "This is not a Rebound backup: a backup is the .db file that Download a full backup gives."
        )
    if (whole := _size_in_header(header)) and size < whole:
        return BackupCheck(
            False,
            f"This backup is cut short: it holds {_megabytes(size)} of its {_megabytes(whole)}. It was "
            "probably cut off while it was downloaded or copied: take the backup again.",
        )
    try:
        connection = sqlite3.connect(str(path))  # a private copy (lib.exporters makes one first)
    except sqlite3.Error as exc:
        return BackupCheck(False, f"The database in this file can't be opened ({exc}).")
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            return BackupCheck(False, "This backup is damaged (the database integrity check failed).")
        objects = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
        tables = {name for kind, name in objects if kind == "table"}
        if any(kind in ("trigger", "view") for kind, _ in objects):
            return BackupCheck(
                False, "This file holds triggers or views Rebound never makes: it is not a Rebound backup."
            )
        if not tables >= REQUIRED_TABLES:
            return BackupCheck(False, "This database is not a Rebound backup (its tables are missing).")
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] not in known_revisions:
            return BackupCheck(
                False,
                "This backup was made by a newer or unknown version of Rebound; update Rebound first.",
                schema_revision=version[0] if version else None,
            )
        if expected is not None and (
            wrong := schema.differences(expected(version[0]), schema.schema_of(connection))
        ):
            return BackupCheck(
                False,
                "This backup's tables are not the ones Rebound uses (" + "; ".join(wrong) + "), so Rebound "
                "could not work with it. Nothing was replaced.",
                schema_revision=version[0],
            )
        if wrong_values := unreadable_values(connection, tables):
            return BackupCheck(False, said(wrong_values), schema_revision=version[0])
        found = {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in SUMMARY_TABLES
            if name in tables
        }
        revision = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        data_revision = int(revision[0]) if revision and str(revision[0]).isdigit() else 0
        return BackupCheck(True, "This backup is sound.", version[0], found, data_revision)
    except sqlite3.Error:  # SQLite's own words ("no such column: version_num") help no one here
        return BackupCheck(
            False,
            "This file is not a backup Rebound can read: its tables are not Rebound's, or it is damaged.",
        )
    finally:
        connection.close()


def set_revision_above(engine: Engine, floor: int) -> None:
    """After a restore, make the data revision larger than any the app has cached."""
    with engine.begin() as connection:
        current = connection.execute(sa.select(db.meta.c.value).where(db.meta.c.key == "revision")).scalar()
        value = str(max(int(current or 0), floor) + 1)
        updated = connection.execute(
            sa.update(db.meta).where(db.meta.c.key == "revision").values(value=value)
        )
        if updated.rowcount == 0:
            connection.execute(sa.insert(db.meta).values(key="revision", value=value))
