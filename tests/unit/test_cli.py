"""The command line: python -m lib import|export|backup|restore."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib.__main__ import build_parser, main
from lib.core import db
from lib.store import applications as app_store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "imports"


def _count(path: Path) -> int:
    engine = db.open_database(f"sqlite:///{path}")
    try:
        return len(app_store.load_applications(engine))
    finally:
        engine.dispose()


def test_import_with_json_prints_one_json_object_as_its_last_line(tmp_path):
    target = tmp_path / "r.db"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "lib",
            "import",
            str(FIXTURES / "tracker.csv"),
            str(FIXTURES / "Connections.csv"),
            "--db",
            str(target),
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert [f["format"] for f in report["files"]] == ["spreadsheet", "linkedin-connections"]
    assert report["files"][0]["errors"][0] == {
        "line": 7,
        "field": "date applied",
        "message": "The date applied is missing.",
    }
    assert report["imported"]["applications"] == 5 and report["imported"]["contacts"] == 3
    assert report["duplicates_skipped"] == 0
    assert _count(target) == 5


def test_dry_run_writes_nothing_and_the_second_import_skips_duplicates(tmp_path, capsys):
    target = tmp_path / "r.db"
    assert main(["import", str(FIXTURES / "simplify.csv"), "--db", str(target), "--dry-run"]) == 0
    assert "Would add: 2 applications" in capsys.readouterr().out
    assert _count(target) == 0
    main(["import", str(FIXTURES / "simplify.csv"), "--db", str(target)])
    main(["import", str(FIXTURES / "simplify.csv"), "--db", str(target), "--json"])
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["imported"]["applications"] == 0 and report["duplicates_skipped"] == 2


def test_a_dry_run_on_a_missing_database_named_by_its_url_writes_no_file(tmp_path, monkeypatch, capsys):
    # the address may name SQLite's driver, or carry options: still the file at its path
    for url in (f"sqlite+pysqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}?timeout=5"):
        monkeypatch.setenv("REBOUND_DATABASE_URL", url)
        assert main(["import", str(FIXTURES / "simplify.csv"), "--dry-run"]) == 0
        assert "Would add: 2 applications" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_is_said_not_raised(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "r.db")]) == 2
    assert "No such file" in capsys.readouterr().err


def test_export_backup_and_restore_from_the_command_line(tmp_path, capsys):
    target = tmp_path / "r.db"
    main(["import", str(FIXTURES / "jobsync.csv"), "--db", str(target)])
    assert main(["export", "--out", str(tmp_path / "out"), "--db", str(target)]) == 0
    assert (tmp_path / "out" / "applications.csv").exists()
    assert main(["backup", str(tmp_path / "b.db"), "--db", str(target)]) == 0
    main(["import", str(FIXTURES / "simplify.csv"), "--db", str(target)])
    assert _count(target) == 3
    assert main(["restore", str(tmp_path / "b.db"), "--db", str(target)]) == 0
    assert "Replaced: 3 applications" in capsys.readouterr().out
    assert _count(target) == 1
    assert main(["restore", str(FIXTURES / "jobsync.csv"), "--db", str(target)]) == 1
    assert "Not restored" in capsys.readouterr().err
    assert _count(target) == 1


def test_the_database_defaults_to_rebound_database_url(tmp_path, monkeypatch):
    monkeypatch.setenv("REBOUND_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    main(["import", str(FIXTURES / "jobsync.csv")])
    assert _count(tmp_path / "env.db") == 1


@pytest.mark.parametrize("command", ["import", "export", "backup", "restore"])
def test_every_command_is_documented_in_the_readme(command):
    readme = (ROOT / "README.md").read_text()
    assert f"python -m lib {command}" in readme
    assert command in build_parser().format_help()
