"""kill -9 in the middle of an import never corrupts the database or leaves half an import."""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lib.core import db

ROOT = Path(__file__).resolve().parents[2]
ROWS = 4_000
KILLS = 15
CHILD = """
import sys
from lib.core import db
from lib.data.importers import import_files
engine = db.make_engine(sys.argv[2])
print("ready", flush=True)
import_files([sys.argv[1]], engine)
print("done", flush=True)
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _write_csv(path: Path) -> None:
    rng = random.Random(7)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Company", "Role", "Date Applied", "Status", "Source"])
        for i in range(ROWS):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
            writer.writerow(
                [
                    f"Company {rng.randint(1, 400)}",
                    f"Role {i}",
                    day.isoformat(),
                    rng.choice(["Applied", "Phone Screen", "Rejected", "Final Round"]),
                    "LinkedIn",
                ]
            )


def _state(path: Path) -> tuple[str, int, int]:
    connection = sqlite3.connect(path)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        apps = connection.execute("SELECT count(*) FROM applications").fetchone()[0]
        events = connection.execute("SELECT count(*) FROM stage_events").fetchone()[0]
    finally:
        connection.close()
    return integrity, apps, events


def _start(csv_path: Path, db_path: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(csv_path), f"sqlite:///{db_path}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    return child


def test_an_import_killed_at_random_moments_leaves_all_or_none_of_it(tmp_path):
    source = tmp_path / "applications.csv"
    _write_csv(source)
    template = tmp_path / "template.db"
    db.open_database(f"sqlite:///{template}").dispose()

    # One undisturbed run: how many rows a whole import makes, and how long the window is.
    whole = tmp_path / "whole.db"
    shutil.copyfile(template, whole)
    child = _start(source, whole)
    began = time.monotonic()
    assert child.wait(timeout=300) == 0
    window = time.monotonic() - began
    integrity, all_apps, all_events = _state(whole)
    assert integrity == "ok" and all_apps == ROWS and all_events > 0

    rng = random.Random(2026)
    killed_while_running = 0
    for attempt in range(KILLS):
        target = tmp_path / f"kill-{attempt}.db"
        shutil.copyfile(template, target)
        child = _start(source, target)
        time.sleep(rng.uniform(0, 0.9 * window))
        if child.poll() is None:
            killed_while_running += 1
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        child.stdout.close()
        integrity, apps, events = _state(target)
        assert integrity == "ok", f"kill {attempt}: {integrity}"
        assert (apps, events) in {(0, 0), (all_apps, all_events)}, f"kill {attempt}: half an import"
    assert killed_while_running > 0  # the kills really landed during imports
