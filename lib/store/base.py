"""Small helpers every store module shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine


class StoreError(ValueError):
    """A write refused for a reason the user can fix; `field` names the form field at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def errors(self) -> dict[str, str]:
        """{field: message} for the form ("form" when no one field is at fault)."""
        return {self.field or "form": self.message}


class FieldsRefused(StoreError):
    """Several fields refused at once: every message said in one go, not one per save."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(" ".join(errors.values()), next(iter(errors)))
        self._errors = dict(errors)

    @property
    def errors(self) -> dict[str, str]:
        return dict(self._errors)


class Conflict(StoreError):
    """The row changed since the form was opened (in another tab): nothing was saved.

    `saved` holds what is stored now, so the page can show both versions and let the person choose.
    """

    def __init__(self, saved: dict[str, Any]):
        super().__init__(
            "This was changed in another tab since you opened it, so nothing was saved yet. "
            "Both versions are below: choose which one to keep."
        )
        self.saved = saved


def check_version(current: int | None, expected: int | None, saved: Mapping[str, Any]) -> None:
    """Raise Conflict when the form started from another version than the stored one.

    `expected` None: the caller does not check. 0: the form started from no row at all.
    """
    if expected is not None and (current or 0) != expected:
        raise Conflict(dict(saved))


def read_frame(engine: Engine, query: sa.Select, parse_dates: list[str] | None = None) -> pd.DataFrame:
    """Run a select and return its rows as a DataFrame (columns even when there are no rows).

    Columns named in `parse_dates` are read as their stored text and parsed by pandas in one go,
    much faster than SQLAlchemy's row-by-row date conversion.
    """
    if parse_dates:
        query = query.with_only_columns(
            *[
                sa.type_coerce(c, sa.String).label(c.name) if c.name in parse_dates else c
                for c in query.selected_columns
            ]
        )
    with engine.connect() as connection:
        result = connection.execute(query)
        frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
    for column in parse_dates or []:
        frame[column] = pd.to_datetime(frame[column], errors="coerce", format="ISO8601")
    return frame


def read_raw_frame(engine: Engine, query: sa.Select) -> pd.DataFrame:
    """Like read_frame, for big plain tables: values come as the driver returns them (dates as
    ISO text, no JSON decoding), which skips SQLAlchemy's per-row conversion."""
    with engine.connect() as connection:
        return raw_frame(connection, query)


def raw_frame(connection: Connection, query: sa.Select) -> pd.DataFrame:
    """`read_raw_frame` on a connection already open (inside a transaction, say)."""
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or []]
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        columns = [d[0] for d in cursor.description]
        return pd.DataFrame(cursor.fetchall(), columns=columns)
    finally:
        cursor.close()


def insert_rows(connection: Connection, table: sa.Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert many rows at once (executemany); used by demo data, imports and restores."""
    rows = list(rows)
    if rows:
        connection.execute(sa.insert(table), rows)


def count_rows(engine: Engine, table: sa.Table) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
