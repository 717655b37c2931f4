"""A backup's values, checked before it replaces anything: dates that are dates, numbers that are
numbers, and Rebound's own words where the pages rely on them (a stage, a channel). A backup whose
tables are right but whose values are not would otherwise be restored and break the pages that read
it. Only reads."""

from __future__ import annotations

import sqlite3

from lib.core import vocab
from lib.store.schema import _quoted

# Columns whose value must be one of Rebound's words: pages look them up.
WORDS = {
    ("stage_events", "kind"): vocab.EVENT_KINDS,
    ("stage_events", "via"): vocab.NEWS_CHANNELS,
    ("applications", "channel"): vocab.CHANNELS,
    ("applications", "work_mode"): vocab.WORK_MODES,
    ("contacts", "role"): vocab.CONTACT_ROLES,
    ("follow_up_notes", "kind"): vocab.NOTE_KINDS,
}
_DAY = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
MAX_SAID = 3  # columns named in the message; the rest counted


def _unreadable(table: str, column: str, declared: str) -> str | None:
    """SQL that is true for a value of `column` Rebound can't read (None: any value will do)."""
    c, kind = _quoted(column), declared.upper()
    if words := WORDS.get((table, column)):
        listed = ", ".join("'" + w.replace("'", "''") + "'" for w in words)
        return f"{c} IS NOT NULL AND (typeof({c}) != 'text' OR {c} NOT IN ({listed}))"
    if kind == "DATE":
        return f"{c} IS NOT NULL AND NOT (typeof({c}) = 'text' AND {c} GLOB '{_DAY}' AND date({c}) IS {c})"
    if kind in ("DATETIME", "TIMESTAMP"):
        return (
            f"{c} IS NOT NULL AND NOT (typeof({c}) = 'text' AND {c} GLOB '{_DAY}*' "
            f"AND julianday({c}) IS NOT NULL)"
        )
    if kind in ("INTEGER", "BOOLEAN", "BIGINT", "SMALLINT"):
        return f"typeof({c}) NOT IN ('integer', 'null')"
    if kind in ("FLOAT", "REAL", "NUMERIC"):
        return f"typeof({c}) NOT IN ('integer', 'real', 'null')"
    if kind.startswith(("VARCHAR", "TEXT", "JSON")):
        return f"typeof({c}) NOT IN ('text', 'null')"
    return None


def unreadable_values(connection: sqlite3.Connection, tables: set[str]) -> list[str]:
    """Per column holding values Rebound can't read: "table · column: N (“an example”)". One pass
    over each table."""
    found = []
    for table in sorted(tables - {"alembic_version"}):
        columns = connection.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
        checks = [
            (name, rule) for _, name, declared, *_ in columns if (rule := _unreadable(table, name, declared))
        ]
        if not checks:
            continue
        sums = ", ".join(f"sum(CASE WHEN {rule} THEN 1 ELSE 0 END)" for _, rule in checks)
        counts = connection.execute(f"SELECT {sums} FROM {_quoted(table)}").fetchone()
        for (name, rule), count in zip(checks, counts):
            if count:
                example = connection.execute(
                    f"SELECT CAST({_quoted(name)} AS TEXT) FROM {_quoted(table)} WHERE {rule} LIMIT 1"
                ).fetchone()[0]
                shown = "empty" if example is None else f"“{str(example)[:40]}”"
                found.append(f"{table} · {name}: {count:,} ({shown})")
    return found


def said(found: list[str]) -> str:
    more = f"; and {len(found) - MAX_SAID} more columns" if len(found) > MAX_SAID else ""
    return (
        "This backup holds values Rebound can't read — " + "; ".join(found[:MAX_SAID]) + more + ". "
        "Restored, they would stop pages from opening, so nothing was replaced."
    )
