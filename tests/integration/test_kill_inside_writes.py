"""kill -9 *inside* a write transaction never corrupts the database or leaves half a save.

Each attempt forks a process that runs a real write (an import, or a save pressed in the app via
AppTest) against its own copy of a database. A hook on the engine stops the child after the k-th
statement of its write transaction (k drawn at random over the statements a whole write makes),
or lets it run and the kill lands a random time after the transaction began (which can hit a
statement or the commit itself). The parent then SIGKILLs it, checks PRAGMA integrity_check, and
checks the data holds all of the write or none of it.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import select
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
ROWS = 1_500

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"), reason="needs fork and SIGKILL"
)


def _watch_writes(report: int, stop_after: int | None) -> None:
    """In the child: tell the parent (b"B") when a write transaction begins; with `stop_after`,
    say b"K" and wait to be killed after that many statements inside it."""
    inside = {"n": -1}

    def before(conn, cursor, statement, *args):
        if statement.startswith("BEGIN IMMEDIATE"):
            inside["n"] = 0
            os.write(report, b"B")
        elif inside["n"] >= 0:
            inside["n"] += 1
            if stop_after is not None and inside["n"] == stop_after:
                os.write(report, b"K")
                time.sleep(120)

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", before)


def _count_statements(run: Callable[[], None]) -> tuple[int, float]:
    """How many statements the write transaction of `run` makes, and how long it stays open."""
    counted = {"n": -1, "began": 0.0, "last": 0.0}

    def before(conn, cursor, statement, *args):
        if statement.startswith("BEGIN IMMEDIATE"):
            counted["n"], counted["began"] = 0, time.monotonic()
        elif counted["n"] >= 0:
            counted["n"] += 1
            counted["last"] = time.monotonic()

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", before)
    try:
        run()
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", before)
    return counted["n"], counted["last"] - counted["began"]


def _fork(run: Callable[[], None], stop_after: int | None) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the write, never return into pytest
        code = 0
        try:
            os.close(read)
            _watch_writes(write, stop_after)
            run()
            os.write(write, b"D")
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _kill_inside(run: Callable[[], None], stop_after: int | None, delay: float) -> bool:
    """Run `run` in a child and SIGKILL it inside its write transaction. True when the kill landed
    before the child finished."""
    pid, read = _fork(run, stop_after)
    seen = b""
    try:
        deadline = time.monotonic() + 60
        while b"B" not in seen and b"D" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([read], [], [], 1)
            if ready:
                seen += os.read(read, 16) or b"D"
        assert b"B" in seen, "the write never began"
        if stop_after is not None:
            while b"K" not in seen and b"D" not in seen:
                seen += os.read(read, 16) or b"D"
        else:
            time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        ready, _, _ = select.select([read], [], [], 0)
        if ready:
            seen += os.read(read, 16)
    finally:
        os.close(read)
    return os.WIFSIGNALED(status) and b"D" not in seen


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def _counts(path: Path, *tables: str) -> tuple[int, ...]:
    connection = sqlite3.connect(path)
    try:
        return tuple(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)
    finally:
        connection.close()


def _plan(rng: random.Random, total_statements: int, window: float) -> list[tuple[int | None, float]]:
    """Half the kills after a random statement of the transaction, half at a random moment."""
    return [
        (rng.randint(1, total_statements), 0.0) if i % 2 == 0 else (None, rng.uniform(0, 0.9 * window))
        for i in range(KILLS)
    ]


# --- an import -----------------------------------------------------------------------------------


def _write_csv(path: Path) -> None:
    rng = random.Random(7)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Company", "Role", "Date Applied", "Status", "Source"])
        for i in range(ROWS):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
            status = rng.choice(["Applied", "Phone Screen", "Rejected", "Final Round"])
            writer.writerow(
                [f"Company {rng.randint(1, 400)}", f"Role {i}", day.isoformat(), status, "LinkedIn"]
            )


def test_an_import_killed_inside_its_transaction_leaves_all_or_none_of_it(tmp_path):
    from lib.data.importers import import_files

    source = tmp_path / "applications.csv"
    _write_csv(source)
    template = tmp_path / "template.db"
    db.open_database(f"sqlite:///{template}").dispose()

    whole = tmp_path / "whole.db"
    shutil.copyfile(template, whole)
    statements, window = _count_statements(
        lambda: import_files([source], db.make_engine(f"sqlite:///{whole}"))
    )
    full = _counts(whole, "applications", "stage_events", "companies")
    assert full[0] == ROWS and statements > 3

    rng = random.Random(2026)
    landed = 0
    for attempt, (stop_after, delay) in enumerate(_plan(rng, statements, window)):
        target = tmp_path / f"kill-{attempt}.db"
        shutil.copyfile(template, target)
        url = f"sqlite:///{target}"
        landed += _kill_inside(lambda u=url: import_files([source], db.make_engine(u)), stop_after, delay)
        assert _integrity(target) == "ok", f"kill {attempt}"
        after = _counts(target, "applications", "stage_events", "companies")
        assert after in {(0, 0, 0), full}, f"kill {attempt}: half an import {after}"
        target.unlink()
    assert landed >= KILLS * 2 // 3  # most kills landed while the transaction was open


# --- saves pressed in the app --------------------------------------------------------------------


def _seed(path: Path) -> int:
    engine = db.open_database(f"sqlite:///{path}")
    app_id = app_store.add_application(
        engine,
        ApplicationIn(
            company="Acme", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=20), notes="before"
        ),
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(
            application_id=app_id, kind="interview", occurred_on=dt.date.today() - dt.timedelta(days=3)
        ),
    )
    engine.dispose()
    return app_id


def _press_save(url: str, app_id: int, which: str) -> None:
    """In the child: open the page in the real app (AppTest) and press its save button."""
    from streamlit.testing.v1 import AppTest

    os.environ["REBOUND_DATABASE_URL"] = url
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["id"] = str(app_id)
    if which == "notes":
        at.query_params["application_tab"] = "Edit details"
        at.switch_page("pages/application.py")
        at.run()
        at.text_area(key=f"edit_application_{app_id}_notes").set_value("after " * 200)
        at.button(key=f"FormSubmitter:edit_application_{app_id}-Save changes").click()
    else:
        at.switch_page("pages/rejection.py")
        at.run()
        at.button_group(key=f"rejection_new_{app_id}__mood").set_value(2)
        at.button_group(key=f"rejection_new_{app_id}__news_via").set_value("phone")
        at.text_input(key=f"rejection_new_{app_id}__kind_thing").set_value("Structure the case first")
        at.run()
        at.button(key="save_rejection").click()
    at.run()
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])


def _saved(path: Path, which: str) -> tuple:
    connection = sqlite3.connect(path)
    try:
        if which == "notes":
            return connection.execute("SELECT notes, version FROM applications").fetchone()
        return tuple(
            connection.execute(sql).fetchone()[0]
            for sql in (
                "SELECT count(*) FROM reflections",
                "SELECT count(*) FROM stage_events WHERE kind = 'rejected'",
                "SELECT count(*) FROM mood_checkins",
            )
        )
    finally:
        connection.close()


def test_saves_pressed_in_the_app_and_killed_inside_their_transaction_are_all_or_nothing(tmp_path):
    template = tmp_path / "template.db"
    app_id = _seed(template)
    # One whole save of each kind, in this process: warms up imports and compiled pages (so each
    # forked child starts fast), counts the statements of its transaction and gives the "after" state.
    before = {which: _saved(template, which) for which in ("notes", "rejection")}
    statements, after = {}, {}
    for which in ("notes", "rejection"):
        warm = tmp_path / f"warm-{which}.db"  # a new file per run: the app keeps one engine per URL
        shutil.copyfile(template, warm)
        statements[which], _ = _count_statements(
            lambda w=which, u=f"sqlite:///{warm}": _press_save(u, app_id, w)
        )
        after[which] = _saved(warm, which)
    assert after["notes"][1] == before["notes"][1] + 1 and after["rejection"] == (1, 1, 1)

    rng = random.Random(15)
    landed = 0
    for attempt in range(KILLS):
        which = ("notes", "rejection")[attempt % 2]
        stop_after, delay = (
            (rng.randint(1, statements[which]), 0.0) if attempt % 4 < 2 else (None, rng.uniform(0, 0.004))
        )
        target = tmp_path / f"save-{attempt}.db"
        shutil.copyfile(template, target)
        url = f"sqlite:///{target}"
        landed += _kill_inside(lambda u=url, w=which: _press_save(u, app_id, w), stop_after, delay)
        assert _integrity(target) == "ok", f"kill {attempt}"
        assert _saved(target, which) in {before[which], after[which]}, f"kill {attempt}: half a save"
        target.unlink()
    assert landed >= KILLS * 2 // 3
