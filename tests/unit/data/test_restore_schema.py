"""Restore checks the backup's tables column by column and rule by rule, not only their names."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from lib.core import db
from lib.core.models import ApplicationIn
from lib.data import backup as backups
from lib.data import demo
from lib.store import applications as app_store
from lib.store.base import count_rows


def _add(engine) -> None:
    app_store.add_application(
        engine,
        ApplicationIn(
            company="Acme", role="Data Analyst", applied_on=dt.date(2024, 3, 1), channel="job board"
        ),
    )


def _rebuild(path, table: str, create_sql: str) -> None:
    """Replace `table` in the backup at `path` by one made with `create_sql`, keeping the common columns."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    old = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    connection.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
    connection.execute(create_sql)
    new = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    common = ", ".join(c for c in old if c in new)
    connection.execute(f"INSERT INTO {table} ({common}) SELECT {common} FROM old_{table}")
    connection.execute(f"DROP TABLE old_{table}")
    connection.commit()
    connection.close()


def _table_sql(path, table: str) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        connection.close()


def test_a_backup_this_version_made_is_accepted_at_every_schema_revision(tmp_path):
    for revision in sorted(backups._known_revisions()):
        url = f"sqlite:///{tmp_path / f'{revision}.db'}"
        engine = db.make_engine(url)
        db.upgrade(engine, revision)
        engine.dispose()
        check = backups.check_backup(backups.backup(url, tmp_path / f"{revision}-backup.db"))
        assert check.ok, (revision, check.message)


def test_a_backup_with_rebounds_table_names_but_other_columns_is_refused(engine, db_url, tmp_path):
    _add(engine)
    backup = backups.backup(db_url, tmp_path / "b.db")
    _rebuild(
        backup,
        "contacts",
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, full_name VARCHAR, company_id INTEGER)",
    )
    check = backups.check_backup(backup)
    assert not check.ok
    assert "contacts lacks columns “connected_on”, “created_at”, “email” and" in check.message
    assert (
        "contacts has the extra column “full_name”" in check.message
        and "Nothing was replaced" in check.message
    )
    with pytest.raises(backups.RestoreError, match="not the ones Rebound uses"):
        backups.restore(db_url, backup)
    assert count_rows(engine, db.applications) == 1


def test_a_backup_with_an_extra_check_rule_is_refused(engine, db_url, tmp_path):
    _add(engine)
    backup = backups.backup(db_url, tmp_path / "b.db")
    sql = _table_sql(backup, "applications").rstrip().rstrip(")")
    _rebuild(backup, "applications", sql + ", CHECK (length(role) < 1000))")
    check = backups.check_backup(backup)
    assert not check.ok
    assert "applications has other CHECK rules" in check.message
    with pytest.raises(backups.RestoreError, match="CHECK"):
        backups.restore(db_url, backup)


def test_a_backup_with_a_column_of_another_type_or_an_extra_table_is_refused(engine, db_url, tmp_path):
    backup = backups.backup(db_url, tmp_path / "b.db")
    sql = _table_sql(backup, "stage_events").replace("note TEXT", "note BLOB NOT NULL DEFAULT x''")
    _rebuild(backup, "stage_events", sql)
    connection = sqlite3.connect(backup)
    connection.execute("CREATE TABLE extras (x)")
    connection.commit()
    connection.close()
    message = backups.check_backup(backup).message
    assert "stage_events.note has another type or rule" in message and "an extra table “extras”" in message


def test_a_backup_of_the_demo_search_is_accepted_value_by_value(tmp_path):
    """Every table filled, every kind of value Rebound writes: none is taken for a bad one."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    demo.open_demo(url).dispose()
    check = backups.check_backup(backups.backup(url, tmp_path / "demo-backup.db"))
    assert check.ok, check.message


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("UPDATE applications SET applied_on = '05/01/2025'", "applications · applied_on: 1 (“05/01/2025”)"),
        ("UPDATE applications SET applied_on = '2025-13-45'", "applications · applied_on: 1 (“2025-13-45”)"),
        ("UPDATE applications SET applied_on = 45123", "applications · applied_on: 1 (“45123”)"),
        (
            "UPDATE applications SET channel = 'carrier pigeon'",
            "applications · channel: 1 (“carrier pigeon”)",
        ),
        ("UPDATE applications SET company_id = 'one'", "applications · company_id: 1 (“one”)"),
        ("UPDATE companies SET created_at = 'yesterday'", "companies · created_at: 1 (“yesterday”)"),
    ],
)
def test_a_backup_with_values_rebound_cant_read_is_refused_and_says_which(
    engine, db_url, tmp_path, change, said
):
    """Right tables, wrong values: restored, they broke five pages with a ValueError."""
    _add(engine)
    backup = backups.backup(db_url, tmp_path / "b.db")
    connection = sqlite3.connect(backup)
    connection.execute(change)
    connection.commit()
    connection.close()
    check = backups.check_backup(backup)
    assert not check.ok and said in check.message, check.message
    with pytest.raises(backups.RestoreError, match="values Rebound can't read"):
        backups.restore(db_url, backup)
    assert count_rows(engine, db.applications) == 1


def test_what_a_backup_holds_counts_writing_practice_and_reviews_in_words(engine, db_url, tmp_path):
    from lib.store import writing as writing_store
    from ui.data.data_tools import _describe

    session = writing_store.start_session(engine, 1)
    writing_store.finish(engine, session, "Only this, written after the no.")
    check = backups.check_backup(backups.backup(db_url, tmp_path / "writer.db"))
    assert check.ok
    # someone who only wrote reads what restoring would replace, not "nothing yet"
    assert _describe(check.counts) == "1 writing session"
    demo_url = f"sqlite:///{tmp_path / 'demo.db'}"
    demo.build(db.open_database(demo_url))
    described = _describe(backups.check_backup(backups.backup(demo_url, tmp_path / "d.db")).counts)
    assert "_" not in described  # every count in words
    assert "interview questions" in described and "strategy review" in described
