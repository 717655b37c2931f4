"""The command line's sharing commands: python -m lib report | mcp."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lib.__main__ import build_parser, main
from lib.core import db
from lib.core.models import ApplicationIn, MoodIn
from lib.store import applications as app_store
from lib.store import reflections as reflection_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "r.db"
    engine = db.open_database(f"sqlite:///{path}")
    today = dt.date.today()
    for i in range(6):
        app_store.add_application(
            engine,
            ApplicationIn(company=f"Firm {i}", role="Analyst", applied_on=today - dt.timedelta(days=i)),
        )
    reflection_store.add_mood(engine, MoodIn(score=2, words="A grey and private day"))
    engine.dispose()
    return path


def test_report_writes_html_and_pdf_without_private_parts(small_db, tmp_path, capsys):
    out = tmp_path / "share" / "coach.html"
    assert main(["report", "--out", str(out), "--db", str(small_db), "--leave-out", "traction"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Headline numbers" in html and "A grey and private day" not in html
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    printed = capsys.readouterr().out
    assert "6 applications" in printed and "Left out:" in printed and "mood" in printed


def test_report_includes_a_private_part_only_when_named(small_db, tmp_path):
    out = tmp_path / "coach.html"
    args = [
        "report",
        "--out",
        str(out),
        "--db",
        str(small_db),
        "--include",
        "mood",
        "--leave-out",
        "traction",
    ]
    assert main(args) == 0
    assert "A grey and private day" in out.read_text(encoding="utf-8")


def test_report_with_a_backwards_period_writes_nothing(small_db, tmp_path, capsys):
    out = tmp_path / "coach.html"
    assert (
        main(
            ["report", "--out", str(out), "--db", str(small_db), "--from", "2026-02-01", "--to", "2026-01-01"]
        )
        == 2
    )
    assert not out.exists()
    assert "starts after it ends" in capsys.readouterr().err


def test_report_refuses_a_date_it_cannot_read():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["report", "--out", "x.html", "--from", "last week"])


def test_mcp_takes_its_flags():
    args = build_parser().parse_args(["mcp", "--db", "x.db", "--allow-writes", "--include-reflections"])
    assert args.allow_writes and args.include_reflections and args.db == "x.db"
    assert not build_parser().parse_args(["mcp"]).allow_writes


@pytest.mark.parametrize("command", ["report", "mcp"])
def test_sharing_commands_are_documented_in_the_readme(command):
    readme = (ROOT / "README.md").read_text()
    assert f"python -m lib {command}" in readme
    assert command in build_parser().format_help()
