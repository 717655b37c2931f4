"""Export (formula-safe CSV per table), full backup, restore with the previous database kept, delete all."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import zipfile

import pytest

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.data import backup as backups
from lib.data import export
from lib.data.importers import import_files
from lib.store import applications as app_store
from lib.store import data as data_store
from lib.store.base import count_rows

DAY = dt.date(2025, 3, 3)


def _add(engine, company="Acme", role="Data Analyst", **extra) -> int:
    return app_store.add_application(
        engine, ApplicationIn(company=company, role=role, applied_on=DAY, **extra)
    )


def _rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1 555", "'+1 555"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already", "''=already"),
        ("Acme", "Acme"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_neutralised(value, expected):
    assert export.neutralise(value) == expected


def test_every_table_exports_to_its_own_csv_with_company_names_and_status(engine):
    app_id = _add(engine, role="=cmd|' /C calc'!A0", notes="line one\nline two")
    app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=DAY))
    app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=DAY + dt.timedelta(days=4))
    )
    files = export.export_csv_files(engine)
    assert set(files) >= {
        "applications.csv",
        "stage_events.csv",
        "companies.csv",
        "contacts.csv",
        "reflections.csv",
        "interviews.csv",
        "follow_up_notes.csv",
        "mood_checkins.csv",
    }
    (row,) = _rows(files["applications.csv"])
    assert row["company"] == "Acme" and row["role"] == "'=cmd|' /C calc'!A0"
    assert (row["furthest_stage"], row["outcome"]) == ("screen", "rejected")
    assert row["stage_history"] == "screen 2025-03-03; rejected 2025-03-07"
    assert row["notes"] == "line one\nline two"
    assert files["applications.csv"].startswith("\ufeff".encode())


def test_an_export_imports_back_as_it_was(engine, tmp_path):
    app_id = _add(
        engine,
        company="Lumen Health",
        role="@risk analyst",
        channel="referral",
        source="Greenhouse",
        job_url="https://jobs.example.com/1",
        notes='=1+1, "quoted"\nnext line',
        work_mode="remote",
    )
    for kind, days in (("screen", 2), ("interview", 9), ("offer", 20), ("declined", 22)):
        app_store.add_stage_event(
            engine, StageEventIn(application_id=app_id, kind=kind, occurred_on=DAY + dt.timedelta(days=days))
        )
    out = export.export_csv(engine, tmp_path / "out")
    fresh = db.open_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    result = import_files([p for p in out if p.name == "applications.csv"], fresh)
    assert result["files"][0]["format"] == "rebound" and result["files"][0]["errors"] == []
    columns = ["company", "role", "applied_on", "channel", "source", "job_url", "notes", "work_mode"]
    before = app_store.load_applications(engine)[columns].to_dict("records")
    after = app_store.load_applications(fresh)[columns].to_dict("records")
    assert after == before
    kinds = lambda e: list(zip(e["kind"], e["occurred_on"]))  # noqa: E731
    assert kinds(app_store.load_events(fresh).sort_values("occurred_on")) == kinds(
        app_store.load_events(engine).sort_values("occurred_on")
    )
    fresh.dispose()


def test_the_export_zip_imports_back_its_applications_and_says_what_it_leaves(engine, tmp_path):
    _add(engine)
    _add(engine, company="Globex", role="Analyst")
    archive = tmp_path / "rebound-export.zip"
    archive.write_bytes(export.export_zip(engine))
    fresh = db.open_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    result = import_files([archive], fresh)
    [read] = result["files"]
    assert read["path"].endswith("applications.csv") and read["imported"] == 2
    assert any("its other files (companies," in notice for notice in read["notices"])
    assert result["imported"]["applications"] == count_rows(fresh, db.applications) == 2
    fresh.dispose()


def test_the_exports_other_tables_are_refused_by_name_not_read_as_applications(engine, tmp_path):
    _add(engine)
    out = export.export_csv(engine, tmp_path / "out")
    fresh = db.open_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    result = import_files([p for p in out if p.name in ("companies.csv", "contacts.csv")], fresh)
    said = [e["message"] for f in result["files"] for e in f["errors"]]
    assert any(m.startswith("This is Rebound's own list of companies from an export") for m in said)
    assert any(m.startswith("This is Rebound's own list of people from an export") for m in said)
    assert count_rows(fresh, db.applications) == 0  # companies.csv made an application per company
    fresh.dispose()


def test_the_zip_holds_every_csv(engine):
    _add(engine)
    with zipfile.ZipFile(io.BytesIO(export.export_zip(engine))) as archive:
        names = archive.namelist()
    assert "rebound-export/applications.csv" in names and len(names) == len(data_store.EXPORT_TABLES)


# --- backup and restore ----------------------------------------------------------------------


def test_a_backup_is_a_consistent_self_contained_copy(engine, db_url, tmp_path):
    _add(engine)
    path = backups.backup(db_url, tmp_path / "backup.db")
    copy = sqlite3.connect(path)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert copy.execute("SELECT role FROM applications").fetchall() == [("Data Analyst",)]
    copy.close()
    assert backups.check_backup(path).ok


def test_restore_replaces_the_data_keeps_the_previous_database_and_can_go_back(engine, db_url, tmp_path):
    _add(engine, role="Before the backup")
    backup = backups.backup(db_url, tmp_path / "backup.db")
    _add(engine, role="After the backup")
    revision = db.revision(engine)

    result = backups.restore(db_url, backup, engines=[engine])
    assert result.replaced["applications"] == 2 and result.check.counts["applications"] == 1
    assert set(app_store.load_applications(engine)["role"]) == {"Before the backup"}
    assert db.revision(engine) > revision  # caches keyed on the revision can't show the old data
    assert result.previous.exists()

    backups.undo_restore(db_url, engines=[engine])
    assert set(app_store.load_applications(engine)["role"]) == {"Before the backup", "After the backup"}
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"Company,Role\nAcme,Analyst\n", "not a Rebound backup: a backup is the .db file"),
        (b"", "not a Rebound backup: a backup is the .db file"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    engine, db_url, tmp_path, content, reason
):
    _add(engine)
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(backups.RestoreError, match=reason):
        backups.restore(db_url, bad)
    assert count_rows(engine, db.applications) == 1


def test_a_damaged_or_foreign_database_is_refused(tmp_path, db_url, engine):
    foreign = tmp_path / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (text)")
    connection.commit()
    connection.close()
    assert "not a Rebound backup" in backups.check_backup(foreign).message

    backup = backups.backup(db_url, tmp_path / "b.db")
    raw = bytearray(backup.read_bytes())
    raw[100:300] = b"\xff" * 200  # scribble over the schema page
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(raw))
    assert not backups.check_backup(damaged).ok


def test_a_backup_cut_short_says_so_and_to_take_it_again(tmp_path, db_url, engine):
    _add(engine)
    whole = backups.backup(db_url, tmp_path / "b.db").read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(whole[: len(whole) // 2])
    check = backups.check_backup(cut)
    assert not check.ok and check.message.startswith("This backup is cut short: it holds ")
    assert (
        f"of its {len(whole) / 1_048_576:.1f} MB" in check.message
        and "take the backup again" in check.message
    )
    assert backups.check_backup(tmp_path / "b.db").ok  # the whole one is sound


def test_a_backup_from_a_newer_rebound_or_with_triggers_is_refused(tmp_path, db_url, engine):
    backup = backups.backup(db_url, tmp_path / "b.db")
    newer = sqlite3.connect(backup)
    newer.execute("UPDATE alembic_version SET version_num = '9999'")
    newer.commit()
    newer.close()
    assert "newer" in backups.check_backup(backup).message

    backup = backups.backup(db_url, tmp_path / "c.db")
    sneaky = sqlite3.connect(backup)
    sneaky.execute("CREATE TRIGGER t AFTER INSERT ON applications BEGIN DELETE FROM companies; END")
    sneaky.commit()
    sneaky.close()
    assert "triggers" in backups.check_backup(backup).message


def test_delete_all_empties_every_table_and_forgets_the_kept_copy(engine, db_url, tmp_path):
    app_id = _add(engine)
    app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=DAY))
    backup = backups.backup(db_url, tmp_path / "b.db")
    backups.restore(db_url, backup, engines=[engine])
    assert backups.can_undo_restore(db_url)
    backups.delete_all(db_url, engine)
    assert all(n == 0 for n in data_store.counts(engine).values())
    assert not backups.can_undo_restore(db_url)
    assert b"Data Analyst" not in (tmp_path / "rebound.db").read_bytes()


def test_a_zip_of_an_applications_csv_and_contacts_csv_is_not_taken_for_rebounds_export(tmp_path):
    import io as _io

    from lib.data.importers import parse_bytes

    buffer = _io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("applications.csv", "Company,Role,Date applied\nAcme,Analyst,2025-01-02\n")
        archive.writestr("contacts.csv", "Name,Email\nJo,jo@example.com\n")
    [parsed] = parse_bytes("mine.zip", buffer.getvalue())
    assert not any("From Rebound's export" in n for n in parsed.notices)


def test_a_stand_in_day_applied_stays_one_through_an_export_and_an_import_back(engine, tmp_path):
    """Imported again, Rebound's own export made a stand-in day (no date applied in the first file:
    the answer's day) a real day applied, counted in response times."""
    tracker = tmp_path / "tracker.csv"
    tracker.write_text("Company,Role,Date applied,Status,Status date\nAcme,Analyst,,Rejected,2025-03-20\n")
    import_files([tracker], engine)
    assert app_store.load_applications(engine)["applied_known"].tolist() == [False]
    out = export.export_csv(engine, tmp_path / "out")
    (row,) = _rows((tmp_path / "out" / "applications.csv").read_bytes())
    assert (row["applied_on"], row["applied_known"]) == ("2025-03-20", "False")
    fresh = db.open_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    import_files([p for p in out if p.name == "applications.csv"], fresh)
    again = app_store.load_applications(fresh)
    assert again["applied_known"].tolist() == [False] and again["applied_on"].dt.date.tolist() == [
        DAY.replace(day=20)
    ]
    assert (
        import_files([p for p in out if p.name == "applications.csv"], fresh)["imported"]["applications"] == 0
    )
    fresh.dispose()


def test_the_export_gives_each_applications_status_as_the_app_shows_it(engine):
    """`outcome` holds what was recorded ("open"); the app shows a long silence as ghosted."""
    quiet = _add(engine, company="Globex")  # applied in March 2025: long silent
    rejected = _add(engine, company="Initech")
    app_store.add_stage_event(engine, StageEventIn(application_id=rejected, kind="rejected", occurred_on=DAY))
    rows = {int(r["id"]): r for r in _rows(export.export_csv_files(engine)["applications.csv"])}
    assert (rows[quiet]["outcome"], rows[quiet]["status"]) == ("open", "ghosted")
    assert (rows[rejected]["outcome"], rows[rejected]["status"]) == ("rejected", "rejected")


def test_a_step_with_no_known_day_is_exported_with_none_and_counts_no_silence(engine):
    """An imported "Interviewing" row: the log said Open (how long the silence is can't be known),
    the export "ghosted", counting from the stored day that only keeps the order; and
    stage_events.csv showed that day as a real one."""
    import sqlalchemy as sa

    app_id = _add(engine, company="Boston Co")
    event_id = app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="interview", occurred_on=DAY)
    )
    with db.transaction(engine) as connection:
        connection.execute(
            sa.update(db.stage_events).where(db.stage_events.c.id == event_id).values(date_known=False)
        )
    files = export.export_csv_files(engine)
    (row,) = _rows(files["applications.csv"])
    assert (row["furthest_stage"], row["status"]) == ("interview", "open")
    (event,) = _rows(files["stage_events.csv"])
    assert (event["occurred_on"], event["date_known"]) == ("", "False")


def test_an_application_with_an_undated_step_and_a_dated_ending_exports(engine):
    """A tracker's "screen" with no day, then a dated "no" (as Record a rejection adds them too):
    the export stopped with "agg function failed", dates and a gap mixed in one column."""
    import sqlalchemy as sa

    app_id = _add(engine, company="Bratislava Co")
    screen = app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=DAY)
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=DAY + dt.timedelta(days=9))
    )
    with db.transaction(engine) as connection:
        connection.execute(
            sa.update(db.stage_events).where(db.stage_events.c.id == screen).values(date_known=False)
        )
    files = export.export_csv_files(engine)
    (row,) = _rows(files["applications.csv"])
    assert (row["furthest_stage"], row["status"]) == ("screen", "rejected")
    events = {e["kind"]: e["occurred_on"] for e in _rows(files["stage_events.csv"])}
    assert events == {"screen": "", "rejected": f"{DAY + dt.timedelta(days=9):%Y-%m-%d}"}
