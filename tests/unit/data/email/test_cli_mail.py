"""`python -m lib import` with mail files: the JSON contract, confident-only writes, dry runs, dedupe."""

from __future__ import annotations

import json
from pathlib import Path

from lib.__main__ import main

EMAILS = Path(__file__).resolve().parents[3] / "fixtures" / "emails"
KEYS = {"message_id", "date", "kind", "company", "role", "stage", "application_id"}


def _mbox(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "inbox.mbox"
    with path.open("wb") as out:
        for name in names:
            data = (EMAILS / f"{name}.eml").read_bytes().replace(b"\nFrom ", b"\n>From ")
            out.write(b"From someone Mon Jan  1 00:00:00 2025\n" + data + b"\n")
    return path


def _run(capsys, *args) -> dict:
    assert main(["import", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_a_mailbox_import_reports_every_message_and_records_the_job_ones(tmp_path, capsys):
    mbox = _mbox(tmp_path, ["en-app-01", "en-rej-09", "en-oth-01", "en-oth-05"])
    db = tmp_path / "r.db"
    dry = _run(capsys, mbox, "--db", db, "--dry-run")
    entry = dry["files"][0]
    assert entry["format"] == "email" and entry["rows"] == 4 and entry["imported"] == 2
    assert all(set(e) == KEYS for e in entry["emails"])
    assert [e["kind"] for e in entry["emails"]] == ["application", "rejection", "other", "other"]
    # a dry run counts what a real one adds, and writes nothing, not even the database file
    assert dry["imported"]["applications"] == 1 and dry["imported"]["companies"] == 1
    assert dry["imported"]["stage_events"] >= 1 and not db.exists()

    done = _run(capsys, mbox, "--db", db)
    emails = done["files"][0]["emails"]
    assert done["files"][0]["imported"] == 2 and done["imported"]["applications"] == 1
    assert {k: done["imported"][k] for k in ("applications", "stage_events", "companies")} == {
        k: dry["imported"][k] for k in ("applications", "stage_events", "companies")
    }
    assert _run(capsys, mbox, "--db", db, "--dry-run")["imported"]["applications"] == 0  # all there now
    assert emails[0]["application_id"] == emails[1]["application_id"] is not None
    assert emails[1]["stage"] == "interview" and emails[2]["application_id"] is None

    again = _run(capsys, mbox, "--db", db)
    assert again["files"][0]["imported"] == 0 and again["files"][0]["duplicates"] == 2


def test_broken_files_are_errors_and_nothing_else_is_lost(tmp_path, capsys):
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.msg"
    fake.write_bytes(b"not an outlook file")
    report = _run(capsys, empty, fake, EMAILS / "de-rej-01.eml", "--db", tmp_path / "r.db")
    by_path = {Path(f["path"]).name: f for f in report["files"]}
    assert by_path["empty.eml"]["errors"] and by_path["fake.msg"]["errors"]
    assert by_path["de-rej-01.eml"]["imported"] == 1


def test_an_apple_mail_mailbox_folder_is_read_from_the_mbox_file_inside(tmp_path, capsys):
    """Apple Mail exports a mailbox as a folder "Inbox.mbox" holding a file "mbox"."""
    folder = tmp_path / "Apple" / "Inbox.mbox"
    folder.mkdir(parents=True)
    _mbox(tmp_path, ["en-app-01", "en-oth-01"]).rename(folder / "mbox")
    report = _run(capsys, folder, "--db", tmp_path / "r.db", "--dry-run")
    assert report["files"][0]["rows"] == 2 and report["files"][0]["imported"] == 1
