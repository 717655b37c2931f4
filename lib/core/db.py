"""Engine, migrations and the transaction helper; the tables (lib/core/schema.py) are read as db.<table>.

The schema is created and upgraded only by the Alembic revisions in lib/core/migrations, applied
at start by `open_database`. SQLite runs with WAL, foreign keys and a busy timeout.
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core.schema import (  # noqa: F401 - the tables are read as db.<table> everywhere
    applications,
    companies,
    contacts,
    drafts,
    feedback,
    follow_up_notes,
    interview_contacts,
    interview_questions,
    interviews,
    meta,
    metadata,
    mood_checkins,
    next_actions,
    reflections,
    settings,
    stage_events,
    strategy_reviews,
)
from lib.core.schema_inbox import emails  # noqa: F401 - the inbox table, as db.emails
from lib.core.schema_practice import (  # noqa: F401 - the practice tables, as db.<table>
    practice_cards,
    practice_reviews,
    practice_settings,
    search_checks,
    setback_notes,
    weekly_plans,
    writing_sessions,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'rebound.db'}"
DEMO_DATABASE_URL = f"sqlite:///{DATA_DIR / 'demo.db'}"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def as_url(setting: str) -> str:
    """A database address as set: "sqlite:////home/me/rebound.db", or a plain file path
    ("~/Documents/rebound.db"), which stopped the app with a traceback ("Could not parse…")."""
    if "://" in setting:
        return setting
    return f"sqlite:///{Path(setting).expanduser().resolve()}"


def database_url() -> str:
    """The user's database: REBOUND_DATABASE_URL, else data/rebound.db."""
    return as_url(os.environ.get("REBOUND_DATABASE_URL") or DEFAULT_DATABASE_URL)


def demo_database_url() -> str:
    """The demo database: REBOUND_DEMO_DATABASE_URL, else data/demo.db (never the user's file)."""
    return as_url(os.environ.get("REBOUND_DEMO_DATABASE_URL") or DEMO_DATABASE_URL)


def _on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # Set before the first write only (an existing file keeps its own): 16 KiB pages make a
    # large import's commit write a quarter as many log frames (50,000 rows: 65 ms down to 14).
    cursor.execute("PRAGMA page_size=16384")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite, with WAL, foreign keys on and a busy timeout."""
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 5})
        sa.event.listen(engine, "connect", _on_connect)
        return engine
    return sa.create_engine(url)


def _alembic_config(connection: Connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (normally the newest)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


_REVISION_LINE = re.compile(r"""^(down_revision|revision)\b[^=]*=\s*["']([^"']+)["']""", re.MULTILINE)


@functools.cache
def head_revision() -> str:
    """The newest revision in lib/core/migrations (read once per process).

    Read from the revision files themselves (the one revision no other names as its parent), so
    starting the app does not import Alembic when the database is already up to date.
    """
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (revisions if name == "revision" else parents).add(value)
    heads = revisions - parents
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # an unusual layout: ask Alembic

    with make_engine("sqlite://").connect() as connection:
        return ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for a new, empty database)."""
    with engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def open_database(url: str | None = None) -> Engine:
    """Engine for the database at `url` (default: `database_url()`), migrated to the newest schema."""
    engine = make_engine(url or database_url())
    if current_revision(engine) != head_revision():  # skip Alembic's machinery when up to date
        upgrade(engine)
    return engine


SAVE_WAIT_S = 4.0  # how long a save waits for another write (an import) before saying so
IMPORT_WAIT_S = 900.0  # imports queue behind each other instead of failing
BUSY_MESSAGE = "Rebound is busy importing; try again in a moment."


class DatabaseBusy(RuntimeError):
    """Another write held the database for longer than this one was willing to wait."""

    def __init__(self) -> None:
        super().__init__(BUSY_MESSAGE)
        self.message = BUSY_MESSAGE


def _is_busy(exc: sa.exc.OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text


def _begin_write(engine: Engine, wait: float) -> tuple[Connection, sa.RootTransaction]:
    """A connection inside a write transaction that already holds SQLite's write lock.

    The lock is taken first (BEGIN IMMEDIATE), so a busy database is found before any work is
    done, and the attempt can be repeated until `wait` seconds have passed.
    """
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        connection = engine.connect()
        try:
            transaction = connection.begin()
            if connection.dialect.name == "sqlite":
                remaining_ms = max(int((deadline - time.monotonic()) * 1000), 0)
                connection.exec_driver_sql(f"PRAGMA busy_timeout={min(remaining_ms, 1000)}")
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                connection.exec_driver_sql("PRAGMA busy_timeout=5000")
            return connection, transaction
        except sa.exc.OperationalError as exc:
            connection.close()
            if not _is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy() from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextmanager
def transaction(engine: Engine, *, wait: float | None = None, bump: bool = True) -> Iterator[Connection]:
    """One write transaction; bumps the data revision so cached reads refresh.

    Waits up to `wait` seconds while another write (an import) holds the database, then raises
    DatabaseBusy (shown as BUSY_MESSAGE). `bump=False` for writes no cached view shows (drafts).
    """
    connection, trans = _begin_write(engine, SAVE_WAIT_S if wait is None else wait)
    try:
        yield connection
        if bump:
            bump_revision(connection)
        trans.commit()
    except BaseException:
        if trans.is_active:
            trans.rollback()
        raise
    finally:
        connection.close()


def bump_revision(connection: Connection) -> None:
    updated = connection.execute(
        sa.update(meta)
        .where(meta.c.key == "revision")
        .values(value=sa.cast(sa.cast(meta.c.value, sa.Integer) + 1, sa.String))
    )
    if updated.rowcount == 0:
        connection.execute(sa.insert(meta).values(key="revision", value="1"))


def revision(engine: Engine) -> int:
    """The data revision: changes whenever anything is written.

    Every cached read on every rerun asks for it, so it goes straight to the driver: one pooled
    connection and one precompiled statement (a twelfth of the cost of a SQLAlchemy query)."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT value FROM meta WHERE key = 'revision'")
        row = cursor.fetchone()
    finally:
        connection.close()
    return int(row[0]) if row and row[0] else 0
