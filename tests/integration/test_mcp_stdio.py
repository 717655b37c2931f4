"""`python -m lib mcp` as a subprocess, driven over stdio by the official `mcp` client: the way a
desktop assistant or an editor starts it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
import threading
from pathlib import Path

import anyio
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from lib.core import db
from lib.data import demo
from lib.store import applications as app_store
from lib.store import base

ROOT = Path(__file__).resolve().parents[2]
READ_CALLS = [
    ("search_applications", {"text": "a", "limit": 3}),
    ("application_timeline", {"application_id": 2}),
    ("question_library", {}),
    ("traction_summary", {"applied_from": "2020-01-01"}),
    ("next_actions", {}),
    ("this_week_plan", {}),
]


def _params(path: Path, *flags: str) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable, args=["-m", "lib", "mcp", "--db", str(path), *flags], cwd=str(ROOT)
    )


def _run(path: Path, calls, *flags: str, between=None):
    async def session():
        async with Client(_params(path, *flags), cache=None, read_timeout_seconds=60) as client:
            names = {t.name for t in (await client.list_tools()).tools}
            results = []
            for i, (name, args) in enumerate(calls):
                if between:
                    between(i)
                results.append(await client.call_tool(name, args))
            return names, results

    return anyio.run(session)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    engine = db.open_database(f"sqlite:///{path}")
    demo.build(engine)
    engine.dispose()
    return path


def test_the_server_lists_its_tools_and_answers_every_read(demo_path):
    names, results = _run(demo_path, READ_CALLS)
    assert {name for name, _ in READ_CALLS} <= names
    assert "reflections" not in names and "mood_history" not in names
    for (name, _), result in zip(READ_CALLS, results, strict=True):
        assert not result.is_error, (name, result.content[0].text)
        assert json.loads(result.content[0].text)


def test_a_write_is_refused_without_allow_writes_and_applied_with_it(demo_path):
    args = {"company": "Lindqvist Data", "role": "Analyst", "applied_on": dt.date.today().isoformat()}
    _, refused = _run(demo_path, [("add_application", args)])
    assert refused[0].is_error and "--allow-writes" in refused[0].content[0].text
    _, applied = _run(demo_path, [("add_application", args)], "--allow-writes")
    written = json.loads(applied[0].content[0].text)
    engine = db.open_database(f"sqlite:///{demo_path}")
    try:
        assert app_store.get_application(engine, written["id"])["company"] == "Lindqvist Data"
        assert base.count_rows(engine, db.applications) == 61
    finally:
        engine.dispose()


def test_reflections_are_readable_only_when_included(demo_path):
    names, results = _run(demo_path, [("reflections", {"limit": 2})], "--include-reflections")
    assert {"reflections", "mood_history"} <= names
    assert not results[0].is_error


def test_a_write_waits_while_the_app_holds_the_database_then_goes_through(demo_path):
    lock = sqlite3.connect(demo_path, isolation_level=None, check_same_thread=False)
    release = threading.Timer(1.5, lambda: lock.execute("COMMIT"))

    def hold(i):
        if i == 0:
            lock.execute("BEGIN IMMEDIATE")  # the app in the middle of a save
            release.start()

    args = {"company": "Busy Bee", "role": "Analyst", "applied_on": dt.date.today().isoformat()}
    _, results = _run(
        demo_path,
        [("add_application", args), ("search_applications", {"text": "Busy"})],
        "--allow-writes",
        between=hold,
    )
    release.join()
    lock.close()
    assert not results[0].is_error, results[0].content[0].text
    assert json.loads(results[1].content[0].text)["matching"] == 1
    check = sqlite3.connect(demo_path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def test_a_database_held_too_long_is_a_tool_error_and_the_server_carries_on(demo_path):
    lock = sqlite3.connect(demo_path, isolation_level=None, timeout=0)

    def hold(i):
        if i == 0:
            lock.execute("BEGIN IMMEDIATE")
        if i == 1:
            lock.execute("COMMIT")

    args = {"company": "Busy Bee", "role": "Analyst", "applied_on": dt.date.today().isoformat()}
    calls = [("add_application", args), ("add_application", args)]
    _, results = _run(demo_path, calls, "--allow-writes", between=hold)
    lock.close()
    assert results[0].is_error and "busy" in results[0].content[0].text
    assert not results[1].is_error
