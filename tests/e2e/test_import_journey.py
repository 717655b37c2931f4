"""A user brings in LinkedIn applications and a spreadsheet, fixes one column, imports, finds them
in the log; then downloads a backup, deletes everything and restores the backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa
from playwright.sync_api import expect

from lib.core import db
from tests.e2e.conftest import goto, wait_for_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
SPREADSHEET = (
    "Company,Role,Created,Date sent,Status,Notes\n"
    "Quill & Ink,Data Analyst,2025-06-30,2025-06-02,Phone Screen,\n"
    "Tidewater,BI Developer,2025-06-30,2025-06-05,Rejected,\n"
    "Lantern Labs,Analytics Engineer,2025-06-30,2025-06-09,Submitted,\n"
)


def _applied_dates(server) -> dict[str, dt.date]:
    engine = db.make_engine(server.db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(db.companies.c.name, db.applications.c.applied_on).join(
                    db.applications, db.applications.c.company_id == db.companies.c.id
                )
            ).all()
    finally:
        engine.dispose()
    return dict(rows)


def _open_data_page(page, server, tab: str | None = None) -> None:
    goto(page, server, "data")
    if tab:
        page.get_by_role("tab", name=tab).click()
        wait_for_app(page)


def _log_count(page, server) -> str:
    goto(page, server, "applications")
    page.get_by_test_id("stDataFrame").wait_for()
    return page.get_by_test_id("stCaptionContainer").filter(has_text="application").first.inner_text()


def test_import_a_linkedin_file_and_a_spreadsheet_then_back_up_and_restore(page, server, tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sheet = tmp_path / "my tracker.csv"
    sheet.write_text(SPREADSHEET)

    _open_data_page(page, server)
    page.locator("input[type=file]").first.set_input_files(
        [str(FIXTURES / "Job Applications.csv"), str(sheet)]
    )
    wait_for_app(page)
    page.get_by_text("Import 5 records").wait_for()

    # "Created" was taken for the date applied; the file's real one is "Date sent".
    page.get_by_text("How the columns of my tracker.csv are read").click()
    page.get_by_role("combobox", name="Date applied *").click()
    page.get_by_role("option", name="Date sent", exact=True).click()
    wait_for_app(page)
    page.get_by_role("button", name="Import 5 records").click()
    wait_for_app(page)
    page.get_by_text("Imported 5 applications and 2 stage events.").wait_for()

    dates = _applied_dates(server)
    assert dates["Quill & Ink"] == dt.date(2025, 6, 2) and dates["Northwind Analytics"] == dt.date(
        2022, 6, 18
    )

    page.get_by_role("link", name="See them in the log").click()
    wait_for_app(page)
    page.get_by_test_id("stDataFrame").wait_for()
    expect(page.get_by_text("5 applications", exact=True)).to_be_visible()

    # Take a backup, delete everything, restore the backup.
    _open_data_page(page, server, "Backup & restore")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download a full backup").click()
    backup = tmp_path / "backup.db"
    download_info.value.save_as(backup)
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")

    _open_data_page(page, server, "Delete all")
    page.get_by_label("Type DELETE to confirm").fill("DELETE")
    page.get_by_role("button", name="Delete all my data").click()
    wait_for_app(page)
    expect(page.get_by_text("All your data was deleted.")).to_be_visible()
    assert _applied_dates(server) == {}

    _open_data_page(page, server, "Backup & restore")
    page.locator("input[type=file]").first.set_input_files(str(backup))
    wait_for_app(page)
    expect(page.get_by_text("This backup holds 5 applications")).to_be_visible()
    page.get_by_text("Replace my data with this backup").click()
    wait_for_app(page)
    page.get_by_role("button", name="Restore this backup").click()
    wait_for_app(page)
    expect(page.get_by_text("Restored: 5 applications")).to_be_visible()
    assert _log_count(page, server) == "5 applications"
    assert dialogs == []
