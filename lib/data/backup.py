"""Full backup and restore of the database file.

- Backup: a consistent copy of the database made with SQLite's online backup API, as one
  self-contained file.
- Restore: the file is checked first (a sound SQLite database with Rebound's tables, a schema
  this version knows, nothing executable in it); the database it replaces is kept, so one step
  back is possible (`undo_restore`).
"""

from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from lib.core import db
from lib.core.db import Engine
from lib.store import data as data_store
from lib.store import schema
from lib.store.data import BackupCheck

# --- backup and restore ------------------------------------------------------------------------


class RestoreError(ValueError):
    """A backup refused before anything was replaced; the message says why."""


@dataclass
class RestoreResult:
    check: BackupCheck
    replaced: dict[str, int]  # what the database held before
    previous: Path  # where that database is kept


def database_path(url: str) -> Path:
    """The file behind a SQLite URL."""
    parsed = sa.engine.make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database or parsed.database == ":memory:":
        raise RestoreError("Backups need the database to be an SQLite file.")
    return Path(parsed.database)


def previous_path(url: str) -> Path:
    """Where the database a restore replaced is kept (one step back)."""
    path = database_path(url)
    return path.parent / "backups" / f"{path.stem}-before-restore.db"


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of `source` into `target` with SQLite's backup API, as one
    self-contained file (rollback journal, so no -wal file is needed beside it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(partial))
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    os.replace(partial, target)


def backup(url: str, target: str | Path) -> Path:
    """Write a full backup of the database at `url` to `target` (replaced only once complete)."""
    source = database_path(url)
    if not source.exists():
        db.open_database(url).dispose()
    target = Path(target)
    _copy_database(source, target)
    return target


def backup_bytes(url: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = backup(url, Path(folder) / "rebound-backup.db")
        return path.read_bytes()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(db.MIGRATIONS_DIR)).walk_revisions()}


@functools.cache
def expected_schema(revision: str) -> schema.Schema:
    """The schema this version of Rebound makes at `revision`: a fresh database migrated to it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reference.db"
        engine = db.make_engine(f"sqlite:///{path}")
        try:
            db.upgrade(engine, revision)
        finally:
            engine.dispose()
        connection = sqlite3.connect(str(path))
        try:
            return schema.schema_of(connection)
        finally:
            connection.close()


def check_backup(path: str | Path) -> BackupCheck:
    """What a backup file holds and whether it can be restored (checked on a private copy)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "check.db"
        try:
            shutil.copyfile(path, copy)
        except OSError as exc:
            return BackupCheck(False, f"The file can't be read ({exc.strerror or exc}).")
        return data_store.check_backup(copy, _known_revisions(), expected_schema)


def check_backup_bytes(content: bytes) -> BackupCheck:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.db"
        path.write_bytes(content)
        return check_backup(path)


def restore(url: str, source: str | Path, engines: Iterable[Engine] = ()) -> RestoreResult:
    """Replace the database at `url` with the backup `source`, after checking it.

    The database it replaces is kept at `previous_path(url)`. `engines` open on that database
    are disposed, so their next connection reads the restored data."""
    target = database_path(url)
    with tempfile.TemporaryDirectory() as folder:
        staged = Path(folder) / "restore.db"
        try:
            shutil.copyfile(source, staged)
        except OSError as exc:
            raise RestoreError(f"The backup can't be read ({exc.strerror or exc}).") from exc
        check = data_store.check_backup(staged, _known_revisions(), expected_schema)
        if not check.ok:
            raise RestoreError(check.message)
        current = db.open_database(url)
        try:
            replaced = data_store.counts(current)
            old_revision = db.revision(current)
        finally:
            current.dispose()
        for engine in engines:
            engine.dispose()
        kept = previous_path(url)
        _copy_database(target, kept)
        # Copy the backup into the live file page by page (the backup API takes the locks), so
        # other connections never see a half-written file.
        src = sqlite3.connect(str(staged))
        dst = sqlite3.connect(str(target), timeout=10)
        try:
            src.backup(dst)
        except sqlite3.Error as exc:
            raise RestoreError(f"The backup could not be copied in ({exc}); nothing was replaced.") from exc
        finally:
            dst.close()
            src.close()
    restored = db.open_database(url)  # upgrades an older backup's schema
    try:
        data_store.set_revision_above(restored, max(old_revision, check.data_revision))
    finally:
        restored.dispose()
    for engine in engines:
        engine.dispose()
    return RestoreResult(check, replaced, kept)


def restore_bytes(url: str, content: bytes, engines: Iterable[Engine] = ()) -> RestoreResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.db"
        path.write_bytes(content)
        return restore(url, path, engines)


def can_undo_restore(url: str) -> bool:
    try:
        return previous_path(url).exists()
    except RestoreError:
        return False


def undo_restore(url: str, engines: Iterable[Engine] = ()) -> RestoreResult:
    """Put back the database the last restore replaced (the one replaced now is kept in turn)."""
    kept = previous_path(url)
    if not kept.exists():
        raise RestoreError("There is no earlier database to go back to.")
    return restore(url, kept, engines)


def delete_all(url: str, engine: Engine) -> None:
    """Delete all the user's data, and the copy a restore kept."""
    data_store.delete_all(engine)
    try:
        previous_path(url).unlink(missing_ok=True)
    except RestoreError:
        pass
