"""A write that finds the database held by another (a big import) waits briefly, then says so."""

import sqlite3
import threading
import time

import pytest
import sqlalchemy as sa

from lib.core import db


def _hold_write_lock(path: str, seconds: float, started: threading.Event) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    connection.execute("ROLLBACK")
    connection.close()


def _holder(engine, seconds: float) -> threading.Thread:
    started = threading.Event()
    thread = threading.Thread(target=_hold_write_lock, args=(engine.url.database, seconds, started))
    thread.start()
    started.wait()
    return thread


def test_a_save_waits_for_a_short_write_then_goes_through(engine):
    holder = _holder(engine, 0.6)
    with db.transaction(engine, wait=5) as connection:
        connection.execute(sa.insert(db.settings).values(key="k", value="1"))
    holder.join()
    assert db.revision(engine) == 1


def test_a_save_behind_a_long_write_raises_busy_with_a_calm_message_and_writes_nothing(engine):
    holder = _holder(engine, 2.5)
    start = time.monotonic()
    with pytest.raises(db.DatabaseBusy) as caught:
        with db.transaction(engine, wait=0.8) as connection:
            connection.execute(sa.insert(db.settings).values(key="k", value="1"))
    assert time.monotonic() - start < 2.2
    assert caught.value.message == "Rebound is busy importing; try again in a moment."
    holder.join()
    assert db.revision(engine) == 0


def test_an_import_queues_behind_another_write_instead_of_failing(engine, tmp_path, monkeypatch):
    from lib.data.importers import import_files

    source = tmp_path / "log.csv"
    source.write_text("Company,Role,Date Applied,Status\nAcme,Analyst,2025-01-02,Applied\n")
    monkeypatch.setattr(db, "SAVE_WAIT_S", 0.1)  # a save would give up; an import waits its turn
    holder = _holder(engine, 1.2)
    import_files([source], engine)
    holder.join()
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(db.applications)).scalar() == 1
