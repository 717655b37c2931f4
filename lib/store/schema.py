"""The shape of a Rebound database, read from SQLite itself, so a backup can be compared with what this
version expects: every table's columns (type, NOT NULL, default, key), CHECK rules, links to other
tables and unique keys and indexes. Only reads."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

Schema = dict[str, dict[str, Any]]
_CHECK = re.compile(r"\bcheck\s*\(", re.IGNORECASE)


def _checks(sql: str) -> list[str]:
    """The CHECK rules in a CREATE TABLE statement, each as its bracketed text, spacing and case evened."""
    rules = []
    for match in _CHECK.finditer(sql):
        depth, start = 0, match.end() - 1
        for end in range(start, len(sql)):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            if depth == 0:
                rules.append(re.sub(r"\s+", " ", sql[start : end + 1].lower().replace('"', "")))
                break
    return sorted(rules)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def schema_of(connection: sqlite3.Connection) -> Schema:
    """Each table's columns, CHECK rules, foreign keys and indexes (names of indexes left out)."""
    schema: Schema = {}
    tables = connection.execute(
        "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for name, sql in tables:
        table = _quoted(name)
        columns = {
            row[1]: (str(row[2]).upper(), bool(row[3]), row[4], row[5], row[6])
            for row in connection.execute(f"PRAGMA table_xinfo({table})")
        }
        links = sorted(
            (row[2], str(row[3]), str(row[4]), row[5], row[6])
            for row in connection.execute(f"PRAGMA foreign_key_list({table})")
        )
        indexes = sorted(
            (
                bool(row[2]),
                tuple(str(c[2]) for c in connection.execute(f"PRAGMA index_info({_quoted(row[1])})")),
            )
            for row in connection.execute(f"PRAGMA index_list({table})")
        )
        schema[name] = {"columns": columns, "checks": _checks(sql), "links": links, "indexes": indexes}
    return schema


def _names(columns: list[str]) -> str:
    shown = ", ".join(f"“{c}”" for c in columns[:3])
    more = f" and {len(columns) - 3} more" if len(columns) > 3 else ""
    return ("column " if len(columns) == 1 else "columns ") + shown + more


def differences(expected: Schema, found: Schema, limit: int = 4) -> list[str]:
    """What in `found` is not as `expected`, in words; at most `limit` items."""
    out = [f"an extra table “{t}”" for t in sorted(found.keys() - expected.keys())]
    out += [f"no table “{t}”" for t in sorted(expected.keys() - found.keys())]
    for table in sorted(expected.keys() & found.keys()):
        want, have = expected[table], found[table]
        if missing := sorted(want["columns"].keys() - have["columns"].keys()):
            out.append(f"{table} lacks {_names(missing)}")
        if extra := sorted(have["columns"].keys() - want["columns"].keys()):
            out.append(f"{table} has the extra {_names(extra)}")
        out += [
            f"{table}.{c} has another type or rule"
            for c in sorted(want["columns"].keys() & have["columns"].keys())
            if want["columns"][c] != have["columns"][c]
        ]
        if want["checks"] != have["checks"]:
            out.append(f"{table} has other CHECK rules")
        if want["links"] != have["links"]:
            out.append(f"{table} links to other tables differently")
        if want["indexes"] != have["indexes"]:
            out.append(f"{table} has other unique keys or indexes")
    return out[:limit]
