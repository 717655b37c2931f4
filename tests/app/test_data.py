"""The data page: upload, mapping, preview, import; export; backup and restore; delete all."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd

from lib.core import db
from lib.core.models import ApplicationIn
from lib.data import backup as backups
from lib.store import applications as app_store
from tests.app.shown import shown

PAGE = "pages/data.py"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _open_tab(open_page, tab: str, **kwargs):
    at = open_page(PAGE, **kwargs)
    at.session_state["data_tab"] = tab
    at.run()
    return at


def _table(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _upload(at, *names: str):
    at.file_uploader[0].set_value([(name, (FIXTURES / name).read_bytes(), "text/csv") for name in names])
    at.run()
    return at


def _applications(app_env: str):
    engine = db.open_database(app_env)
    try:
        return app_store.load_applications(engine)
    finally:
        engine.dispose()


def test_with_nothing_uploaded_the_page_says_what_to_do(open_page):
    at = open_page(PAGE)
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Import", "Emails", "Export", "Backup & restore", "Delete all"]
    assert at.file_uploader[0].label.startswith("LinkedIn archive")
    assert any("Drop one or more files" in c.value for c in at.caption)
    # the upload stops at 20 MB: the way past it is said before anyone hits it
    assert any("python -m lib import FILE" in c.value for c in at.caption)


def test_an_uploaded_spreadsheet_shows_its_guessed_mapping_and_a_preview(open_page):
    at = _upload(open_page(PAGE), "tracker.csv")
    assert not at.exception
    assert (
        at.selectbox(key=[k for k in at.session_state if str(k).endswith("_company")][0]).value == "Company"
    )
    assert _metric(at, "Applications to add") == "5"
    assert _metric(at, "Stage events") == "4"
    assert _metric(at, "Problems") == "3"
    assert any(m.value.startswith("**3 rows left out** — below") for m in at.markdown)
    problems = _table(at, "problem")
    assert problems[["line", "field"]].values.tolist() == [
        [7, "date applied"],
        [8, "date applied"],
        [9, "job link"],
    ]
    assert any("no year" in i.value for i in at.info)
    assert at.button(key="import_go").label == "Import 5 records"
    # how far each got, read from its status, before anything is written
    preview = _table(at, "how_far").set_index("company")["how_far"]
    assert preview["Wayfair"] == "Applied · Rejected"
    assert preview["Boston Red Sox"] == "Final round" and preview["Symbotic"] == "Accepted"
    assert set(preview["Rockstar"]) == {"Applied", "Screen"}


def test_the_headline_and_the_table_count_problems_the_same_way(open_page):
    data = (
        b"Company,Role,Date Applied\nAcme,Analyst,2024-03-01\n"
        b"Be\x00ta,Analyst,2024-03-02,extra,cells\n"  # two problems on one row
        b"Gamma,Analyst,not a date\n"
    )
    at = open_page(PAGE)
    at.file_uploader[0].set_value(("two.csv", data, "text/csv")).run()
    assert not at.exception
    problems = _table(at, "problem")
    assert len(problems) == 3 and problems["line"].nunique() == 2
    assert _metric(at, "Problems") == "3"
    assert _table(at, "problems")["problems"].tolist() == [3]
    # NULs removed and extra cells ignored: Beta still comes in; Gamma's date can't be read
    assert any(m.value.startswith("**1 row left out; 1 row brought in with a note**") for m in at.markdown)
    assert problems["what happens"].tolist() == ["brought in, as said", "brought in, as said", "left out"]
    assert _metric(at, "Applications to add") == "2"


def test_a_row_with_extra_cells_is_said_as_brought_in_not_left_out(open_page, app_env):
    """The extra cells are ignored and the row comes in: "the rows named below are left out" was
    untrue of it."""
    data = b"Company,Role,Date Applied\nAcme,Analyst,2024-03-01\nExtra Cells GmbH,Analyst,2024-03-02,x,y\n"
    at = open_page(PAGE)
    at.file_uploader[0].set_value(("extra.csv", data, "text/csv")).run()
    assert not at.exception
    assert any(
        m.value
        == "**1 row brought in with a note** — below, each with what happens to it; nothing is left out."
        for m in at.markdown
    )
    at.button(key="import_go").click().run()
    assert not at.exception
    assert sorted(_applications(app_env)["company"]) == ["Acme", "Extra Cells GmbH"]
    assert "1 row brought in with a note: listed below." in shown(at.info)
    assert not any("left out" in w.casefold() for w in shown(at.warning))


def test_a_binary_file_is_refused_at_once_in_one_message(open_page):
    import random

    from lib.data.importers import binary

    at = open_page(PAGE)
    at.file_uploader[0].set_value(("fake.zip", random.Random(7).randbytes(3_000), "application/zip")).run()
    assert not at.exception
    assert shown(at.warning) == [f"**fake.zip** — {binary.NOT_TEXT}"]
    assert not at.metric and not at.dataframe and not at.expander
    assert not [b for b in at.button if b.key == "import_go"]


def test_an_image_beside_a_spreadsheet_is_refused_and_the_spreadsheet_still_previewed(open_page):
    at = open_page(PAGE)
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    at.file_uploader[0].set_value(
        [("pic.png", png, "image/png"), ("tracker.csv", (FIXTURES / "tracker.csv").read_bytes(), "text/csv")]
    ).run()
    assert not at.exception
    assert len(at.warning) == 1
    assert "an image (PNG)" in shown(at.warning)[0] and "File → Save As → CSV" in shown(at.warning)[0]
    assert _metric(at, "Applications to add") == "5"
    assert at.button(key="import_go").label == "Import 5 records"


def test_an_email_dropped_on_import_points_to_the_emails_tab(open_page):
    at = open_page(PAGE)
    eml = Path(__file__).resolve().parents[1] / "fixtures" / "emails" / "en-app-01.eml"
    at.file_uploader[0].set_value(("reply.eml", eml.read_bytes(), "message/rfc822")).run()
    assert not at.exception
    assert len(at.warning) == 1 and "Emails tab" in at.warning[0].value
    assert not at.metric


def test_the_uploader_says_which_files_it_reads(open_page):
    at = open_page(PAGE)
    assert any("Rebound reads CSV files" in c.value and ".zip" in c.value for c in at.caption)


def test_correcting_a_mapped_column_changes_the_preview(open_page):
    at = _upload(open_page(PAGE), "tracker.csv")
    role_key = next(k for k in at.session_state if str(k).endswith("_role"))
    at.selectbox(key=role_key).set_value("Details").run()
    assert not at.exception
    preview = _table(at, "applied_on")
    assert "on greenhouse, had a CL" in preview["role"].tolist()


def test_importing_writes_once_and_a_second_upload_is_all_duplicates(open_page, app_env):
    at = _upload(open_page(PAGE), "tracker.csv", "Connections.csv")
    at.button(key="import_go").click().run()
    assert not at.exception
    assert any("Imported 5 applications" in s for s in shown(at.success))
    assert len(_applications(app_env)) == 5
    # rows imported as "Submitted" in 2024, never answered: said before the log shows them Ghosted
    said = " ".join(c.value for c in at.caption)
    assert re.search(
        r"\d+ open applications? in your log ha(s|ve) had no word from the employer for 30 days", said
    )
    at = _upload(at, "tracker.csv")
    assert _metric(at, "Duplicates skipped") == "5"
    assert at.button(key="import_go").disabled
    said = " ".join(shown(at.success))
    assert "Everything this file holds is in your log already" in said and "again adds nothing" in said


def test_an_import_of_people_only_says_what_came_in_and_where_they_are(open_page):
    at = _upload(open_page(PAGE), "Connections.csv")
    at.button(key="import_go").click().run()
    [said] = [s for s in shown(at.success) if s.startswith("Imported")]
    assert re.fullmatch(r"Imported \d+ contacts?\.", said)  # not "0 applications, 0 stage events and …"
    links = [link.proto.label for link in at.get("page_link")]
    assert "See them in Network" in links and "See them in the log" not in links


def test_the_demo_never_takes_an_import(open_page):
    at = open_page(PAGE, demo=True)
    assert not at.exception
    assert not at.file_uploader
    assert any("My data" in i.value for i in at.info)


def test_export_offers_the_zip_once_there_is_data(open_page, app_env):
    at = _open_tab(open_page, "Export")
    assert any("Nothing to export yet" in i.value for i in at.info)
    engine = db.open_database(app_env)
    app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date(2025, 1, 2))
    )
    engine.dispose()
    at.run()
    assert not at.exception
    assert "Holds 1 application, 1 company." in [c.value for c in at.caption]  # not "1 applications"


def test_export_offers_the_zip_to_someone_who_has_only_written(open_page, app_env):
    from lib.store import writing as writing_store

    engine = db.open_database(app_env)
    writing_store.finish(engine, writing_store.start_session(engine, 1), "What I could not say.")
    engine.dispose()
    at = _open_tab(open_page, "Export")
    assert not any("Nothing to export yet" in i.value for i in at.info)
    assert "Holds 1 writing session." in [c.value for c in at.caption]


def test_export_counts_what_it_holds_in_the_pages_words(open_page):
    """ "49 mood checkins, 15 follow up notes" were the tables' names."""
    at = _open_tab(open_page, "Export", demo=True)
    holds = next(c.value for c in at.caption if c.value.startswith("Holds "))
    assert "mood check-ins" in holds and "follow-up notes" in holds and "stage events" in holds
    assert "_" not in holds and "checkins" not in holds


def test_a_file_that_is_not_a_backup_is_refused_beside_the_upload(open_page):
    at = _open_tab(open_page, "Backup & restore")
    at.file_uploader[0].set_value(("notes.db", b"just text", "application/octet-stream")).run()
    assert not at.exception
    assert any("can't be restored" in e.value for e in at.error)
    assert not any("Import" in e.value for e in at.error)
    # a spreadsheet is taken (Streamlit's own "text/csv files are not allowed" said nothing more)
    # and pointed to the way it does come in
    at.file_uploader[0].set_value(("tracker.csv", b"Company,Role\nAcme,Analyst\n", "text/csv")).run()
    [said] = shown(at.error)
    assert "not a Rebound backup: a backup is the .db file that Download a full backup gives" in said
    assert "use the **Import** tab" in said


def test_restoring_a_backup_says_what_it_replaces_and_can_be_undone(open_page, app_env, tmp_path):
    engine = db.open_database(app_env)
    app_store.add_application(
        engine, ApplicationIn(company="Acme", role="In the backup", applied_on=dt.date(2025, 1, 2))
    )
    backup = backups.backup(app_env, tmp_path / "backup.db")
    app_store.add_application(
        engine, ApplicationIn(company="Beta", role="After it", applied_on=dt.date(2025, 1, 3))
    )
    engine.dispose()

    at = _open_tab(open_page, "Backup & restore")
    at.file_uploader[0].set_value(("backup.db", backup.read_bytes(), "application/octet-stream")).run()
    assert any("**1 application, 1 company**" in m.value for m in at.markdown)
    assert any("2 applications" in w.value for w in at.warning)
    assert at.button(key="restore_go").disabled
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    assert not at.exception
    assert any("Restored" in s for s in shown(at.success))
    assert _applications(app_env)["role"].tolist() == ["In the backup"]
    # going back names what it puts back: the 2 applications the restore replaced
    assert any(
        "before the last restore or step back: **2 applications, 2 companies**" in c.value for c in at.caption
    )
    at.button(key="undo_restore").click().run()
    assert sorted(_applications(app_env)["role"]) == ["After it", "In the backup"]
    assert any("Back one step: you have 2 applications" in s for s in shown(at.success))
    # and then the copy kept is the restored one: no "undo" of what would be a redo
    assert any(
        "before the last restore or step back: **1 application, 1 company**" in c.value for c in at.caption
    )
    deleting = _open_tab(open_page, "Delete all")  # a restore's copy exists now: the delete says it goes too
    assert any("and the copy kept by the last restore" in m.value for m in deleting.markdown)


def test_a_restore_into_an_empty_rebound_says_it_replaces_nothing(open_page, app_env, tmp_path):
    engine = db.open_database(app_env)
    app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Kept", applied_on=dt.date(2025, 1, 2))
    )
    backup = backups.backup(app_env, tmp_path / "backup.db")
    engine.dispose()
    backups.delete_all(app_env, db.open_database(app_env))
    at = _open_tab(open_page, "Backup & restore")
    at.file_uploader[0].set_value(("backup.db", backup.read_bytes(), "application/octet-stream")).run()
    assert not at.warning  # "replaces what you have now: nothing yet. That is kept…" was said
    assert any("nothing saved in Rebound yet, so nothing is replaced" in i.value for i in at.info)
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    [said] = [s for s in shown(at.success) if s.startswith("Restored")]
    assert "replaced is kept" not in said  # nothing was replaced
    # going back would empty Rebound: said so, and asked first (it read "puts back: nothing yet")
    assert any("going back empties it again" in w.value for w in at.warning)
    assert at.button(key="undo_restore").disabled
    at.checkbox(key="undo_restore_sure").check().run()
    at.button(key="undo_restore").click().run()
    assert _applications(app_env).empty
    assert any("Rebound is empty again, as it was before the restore" in s for s in shown(at.success))


def test_delete_all_on_an_empty_rebound_has_nothing_to_delete(open_page):
    at = _open_tab(open_page, "Delete all")
    assert any("Nothing to delete" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == "Delete all my data"]


def test_delete_all_needs_the_confirmation_word(open_page, app_env):
    engine = db.open_database(app_env)
    app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date(2025, 1, 2))
    )
    engine.dispose()
    at = _open_tab(open_page, "Delete all")
    said = " ".join(m.value for m in at.markdown)
    assert "Deletes everything you have in Rebound" in said
    assert "copy kept by the last restore" not in said  # there was no restore: no such copy
    assert "settings go back to their defaults" in said
    # the backup it advises is a button here, not on another tab
    assert "Download a full backup first" in [b.label for b in at.get("download_button")]
    at.text_input(key="delete_confirm").input("delete")
    next(b for b in at.button if b.label == "Delete all my data").click().run()
    assert any("nothing was deleted" in e.value for e in at.error)
    assert len(_applications(app_env)) == 1
    at.text_input(key="delete_confirm").input("DELETE")
    next(b for b in at.button if b.label == "Delete all my data").click().run()
    assert not at.exception
    assert any("All your data was deleted" in s for s in shown(at.success))
    assert _applications(app_env).empty


def test_home_offers_an_import_when_there_is_no_data(open_page):
    at = open_page()
    assert any("Bring in what you already have" in m.value for m in at.markdown)
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    assert "Import LinkedIn or a spreadsheet" in links
    emails = links["Import emails (.eml, .mbox, .msg)"]  # the inbox was not named as a way in
    assert "data_tab=Emails" in emails.query_string


def test_a_file_name_with_markdown_or_html_is_shown_as_typed(open_page):
    at = open_page(PAGE)
    name = "[click](http://evil.example) <b>x</b>.csv"
    at.file_uploader[0].set_value((name, (FIXTURES / "tracker.csv").read_bytes(), "text/csv")).run()
    assert not at.exception
    notice = next(i.value for i in at.info if "no year" in i.value)
    assert notice.startswith("\\[click\\]\\(http") and "\\<b\\>" in notice


def test_a_mailbox_is_read_reviewed_and_its_job_emails_recorded(open_page, tmp_path):
    import os

    from lib.core import db as core_db
    from lib.store import applications as app_store
    from lib.store import emails as email_store

    emails = Path(__file__).resolve().parents[1] / "fixtures" / "emails"
    mbox = tmp_path / "inbox.mbox"
    with mbox.open("wb") as out:
        for name in ("en-app-01", "en-rej-09", "en-oth-01"):
            data = (emails / f"{name}.eml").read_bytes().replace(b"\nFrom ", b"\n>From ")
            out.write(b"From someone Mon Jan  1 00:00:00 2025\n" + data + b"\n")
    at = open_page(PAGE)
    at.session_state["data_tab"] = "Emails"
    at.run()
    at.text_input(key="mail_path").set_value(str(mbox)).run()
    at.button(key="mail_read").click().run()
    assert not at.exception
    assert any("Read 3 messages: 2 about applications" in m.value for m in at.markdown)
    # the review grid: what each is in words ("application" was shown raw), and its Date column in
    # view at 1,280 px (an undated email asks for it; it sat off to the right, after Role and Why)
    [grid] = [e for e in at.main if type(e).__name__ == "Dataframe"]
    config = json.loads(grid.proto.columns)
    assert {o["label"] for o in config["kind"]["type_config"]["options"]} >= {
        "Application received",
        "A rejection",
    }
    assert {o["label"] for o in config["stage"]["type_config"]["options"]} >= {"After applying", "Not said"}
    assert list(grid.proto.column_order)[:5] == ["accept", "kind", "company", "date", "application"]
    at.button(key="mail_record").click().run()
    assert not at.exception
    engine = core_db.open_database(os.environ["REBOUND_DATABASE_URL"])
    apps = app_store.load_applications(engine)
    assert apps["company"].tolist() == ["Vantage Robotics"]
    app_id = int(apps["id"].iloc[0])
    assert app_store.events_for(engine, app_id)["kind"].tolist() == ["interview", "rejected"]
    assert len(email_store.emails_for(engine, app_id)) == 2
    engine.dispose()

    # the same mailbox again: the preview says they are recorded, ticks none, offers nothing to record
    at.button(key="mail_read").click().run()
    assert any("2 about applications (2 recorded before)" in m.value for m in at.markdown)
    table = at.session_state["mail_scan"]["table"]
    assert not table["accept"].any() and table["why"].str.startswith("Recorded before").all()
    assert at.button(key="mail_record").disabled


def test_rows_left_out_are_still_listed_after_the_import_and_an_unknown_status_is_named(open_page, app_env):
    """After Import, only the counts were said: the preview's list of rows left out was gone."""
    csv = (
        b"Company,Position,Date Applied,Status\n"
        b"Acme,Analyst,2025-03-01,Applied\n"
        b",Analyst,2025-03-02,Applied\n"  # no company: left out
        b"Birch,Analyst,2025-03-03,Vibing\n"  # a status word no one knows
    )
    at = open_page(PAGE)
    at.file_uploader[0].set_value([("mine.csv", csv, "text/csv")])
    at.run()
    assert any("not recognised and taken as applied (“Vibing”)" in w for w in shown(at.warning))
    assert not any("saved job" in c.value for c in at.caption)  # no LinkedIn file given
    at.button(key="import_go").click().run()
    assert not at.exception
    assert any("Imported 2 applications" in s for s in shown(at.success))
    assert any(w.startswith("1 row left out. Where you can, fix them") for w in shown(at.warning))
    left = _table(at, "problem")
    assert left["line"].tolist() == [3]
    assert at.get("download_button")  # the list to take away
    assert len(_applications(app_env)) == 2


def test_the_same_file_dropped_twice_is_read_once(open_page, app_env):
    """ "tracker (1).csv" beside "tracker.csv" stopped the page: its column pickers had the same keys."""
    data = b"Company,Role,Date Applied\nAcme,Analyst,2024-03-01\nBirch,Analyst,2024-03-02\n"
    at = open_page(PAGE)
    at.file_uploader[0].set_value([("tracker.csv", data, "text/csv"), ("tracker (1).csv", data, "text/csv")])
    at.run()
    assert not at.exception
    assert "**tracker (1).csv** holds the same as **tracker.csv**: it is read once." in shown(at.info)
    assert _metric(at, "Applications to add") == "2"
    at.button(key="import_go").click().run()
    assert not at.exception
    assert len(_applications(app_env)) == 2


def test_a_bare_declined_is_read_as_the_employers_no_and_asked_about(open_page, app_env):
    """ "Declined" counted an offer the person turned down: on Home, in the report, in the rates."""
    data = b"Company,Role,Date Applied,Status\nAcme,Analyst,2025-03-01,Declined\n"
    at = open_page(PAGE)
    at.file_uploader[0].set_value(("tracker.csv", data, "text/csv")).run()
    assert not at.exception
    assert any(i.startswith("“Declined” can mean either side said no") for i in shown(at.info))
    at.button(key="import_go").click().run()
    engine = db.open_database(app_env)
    kinds = pd.read_sql("SELECT kind FROM stage_events", engine)["kind"].tolist()
    engine.dispose()
    assert kinds == ["rejected"]


def test_a_tracker_exported_again_after_replies_says_which_applications_it_has_further_along(
    open_page, app_env
):
    """Acme went from Applied to Rejected in the file: "10 duplicates skipped" was all it said."""
    first = b"Company,Role,Date Applied,Status,Status date\nAcme,Analyst,2025-03-01,Applied,\nWayne,Analyst,2025-03-02,Applied,\n"
    again = (
        first.replace(b"03-01,Applied,", b"03-01,Rejected,2025-03-20")
        + b"Birch,Analyst,2025-03-04,Applied,\n"
    )
    at = open_page(PAGE)
    at.file_uploader[0].set_value(("tracker.csv", first, "text/csv")).run()
    at.button(key="import_go").click().run()
    at.file_uploader[0].set_value(("tracker.csv", again, "text/csv")).run()
    assert not at.exception
    assert _metric(at, "Applications to add") == "1" and _metric(at, "Duplicates skipped") == "2"
    assert any(
        i.startswith("1 application already in your log is further along in this file")
        for i in shown(at.info)
    )
    links = [link.proto.label for link in at.get("page_link")]
    assert "Acme · Analyst — the file says: rejected on 20 Mar 2025" in links  # the day, to record it
    assert not any(label.startswith("Wayne") for label in links)  # the same in both: not said


def test_a_file_too_wide_to_read_is_said_as_not_brought_in_not_as_one_row_left_out(open_page):
    data = (",".join(f"c{i}" for i in range(600)) + "\n" + ",".join("x" * 600) + "\n").encode()
    at = open_page(PAGE)
    at.file_uploader[0].set_value(("wide.csv", data, "text/csv")).run()
    assert not at.exception
    assert any(m.value.startswith("**1 file can't be brought in as it is** — below") for m in at.markdown)
    assert _table(at, "problem")["what happens"].tolist() == ["file not brought in"]


def test_another_trackers_declined_is_asked_about_though_it_has_no_status_table(open_page):
    data = (
        b"index,createdAt,applied,appliedDate,Company,JobTitle,jobType,workplaceType,Location,JobSource,Status\n"
        b"1,2025-01-02,true,2025-01-03,Helix Bio,Data Analyst,FT,Remote,Berlin,Indeed,Declined\n"
    )
    at = open_page(PAGE)
    at.file_uploader[0].set_value(("jobsync.csv", data, "text/csv")).run()
    assert not at.exception
    assert any(i.startswith("jobsync.csv: “Declined” can mean either side said no") for i in shown(at.info))


def test_an_email_without_a_date_is_not_ticked_and_is_never_recorded_without_one(open_page, tmp_path):
    """A message with no Date header crashed the whole recording (NaT compared with a day)."""
    import os
    import re

    from lib.core import db as core_db
    from lib.store import applications as app_store

    emails = Path(__file__).resolve().parents[1] / "fixtures" / "emails"
    undated = re.sub(rb"(?m)^Date:.*\n", b"", (emails / "en-rej-09.eml").read_bytes())
    mbox = tmp_path / "inbox.mbox"
    with mbox.open("wb") as out:
        for data in ((emails / "en-app-01.eml").read_bytes(), undated):
            out.write(
                b"From someone Mon Jan  1 00:00:00 2025\n" + data.replace(b"\nFrom ", b"\n>From ") + b"\n"
            )
    at = open_page(PAGE)
    at.session_state["data_tab"] = "Emails"
    at.run()
    at.text_input(key="mail_path").set_value(str(mbox)).run()
    at.button(key="mail_read").click().run()
    assert not at.exception
    table = at.session_state["mail_scan"]["table"]
    no_day = table["date"].isna()
    assert no_day.sum() == 1 and not table.loc[no_day, "accept"].any()  # not ticked for the person
    assert table.loc[no_day, "why"].iloc[0].startswith("No date in the email: type the day it came.")

    at.button(key="mail_accept_confident").click().run()  # "all confident ones": not the undated
    assert not at.session_state["mail_scan"]["table"].loc[no_day, "accept"].any()
    table = at.session_state["mail_scan"]["table"]
    table["accept"] = True  # ticked by hand, the day still blank
    at.session_state["mail_editor_n"] = 99  # the grid drawn afresh from the table
    at.run()
    at.button(key="mail_record").click().run()
    assert not at.exception
    assert any("1 ticked email has no date, so nothing was recorded yet" in e for e in shown(at.error))
    engine = core_db.open_database(os.environ["REBOUND_DATABASE_URL"])
    assert app_store.load_applications(engine).empty  # nothing half-recorded
    engine.dispose()


def test_a_rejection_that_starts_a_new_application_says_its_day_and_takes_the_day_typed(open_page, tmp_path):
    """A lone "no" from a company not in the log dated the application by the "no", without a word."""
    import datetime as dt
    import os

    from lib.core import db as core_db
    from lib.store import applications as app_store

    emails = Path(__file__).resolve().parents[1] / "fixtures" / "emails"
    mbox = tmp_path / "inbox.mbox"
    data = (emails / "en-rej-09.eml").read_bytes().replace(b"\nFrom ", b"\n>From ")
    mbox.write_bytes(b"From someone Mon Jan  1 00:00:00 2025\n" + data + b"\n")
    at = open_page(PAGE)
    at.session_state["data_tab"] = "Emails"
    at.run()
    at.text_input(key="mail_path").set_value(str(mbox)).run()
    at.button(key="mail_read").click().run()
    table = at.session_state["mail_scan"]["table"]
    assert (
        table["why"]
        .iloc[0]
        .startswith(
            "A new application: the email doesn't say when you applied, so the log keeps it as applied by this email's day."
        )
    )
    table["applied"] = [dt.date(2025, 10, 20)]
    table["accept"] = True
    at.session_state["mail_editor_n"] = 99
    at.run()
    at.button(key="mail_record").click().run()
    assert not at.exception
    engine = core_db.open_database(os.environ["REBOUND_DATABASE_URL"])
    assert [d.date() for d in app_store.load_applications(engine)["applied_on"]] == [dt.date(2025, 10, 20)]
    engine.dispose()


def test_a_notice_true_of_several_files_is_said_once_naming_them(open_page):
    at = _upload(open_page(PAGE), "Job Applications.csv", "Job Applications_1.csv")
    assert not at.exception
    replies = [i.value for i in at.info if "keeps no replies" in i.value]
    # once, naming both: one per file pushed Import below a 1,280 × 800 window's edge
    assert len(replies) == 1 and replies[0].startswith(
        "Job Applications\\.csv and Job Applications\\_1\\.csv:"
    )


def test_a_long_file_name_leaves_room_for_what_happens_to_each_row(open_page):
    """A long file name took half the table: "what happens" and "left out" were cut at its edge."""
    at = _upload(open_page(PAGE), "tracker.csv")
    for column in ("problem", "left out"):
        [grid] = [d for d in at.dataframe if column in d.value.columns]
        config = json.loads(grid.proto.columns)
        assert config["file"]["width"] == "medium", column


def test_a_file_that_adds_nothing_again_says_nothing_of_how_its_rows_are_saved(open_page, app_env):
    """Beside "nothing new to import", the preview still said "1 row had no role: saved as …"."""
    rows = b"Company,Role,Date applied\nAcme,,2026-01-05\nBeta,Analyst,2026-01-06\n"
    at = open_page(PAGE)
    at.file_uploader[0].set_value([("roles.csv", rows, "text/csv")])
    at.run()
    assert any("had no role" in s for s in shown(at.info))
    at.button(key="import_go").click().run()
    assert not at.exception
    at.file_uploader[0].set_value([("roles.csv", rows, "text/csv")])
    at.run()
    assert _metric(at, "Duplicates skipped") == "2"
    assert not any("had no role" in s for s in shown(at.info))


def test_the_preview_marks_a_stand_in_day_applied_with_by(open_page):
    """The notice said "shown as such", and the preview showed the status date as the day applied."""
    rows = b"Company,Role,Date applied,Status,Status date\nAcme,Analyst,,Rejected,2026-01-20\nBeta,Analyst,2026-01-06,,\n"
    at = open_page(PAGE)
    at.file_uploader[0].set_value([("standin.csv", rows, "text/csv")])
    at.run()
    assert not at.exception
    applied = _table(at, "applied_on").set_index("company")["applied_on"].to_dict()
    assert applied == {"Acme": "by 20 Jan 2026", "Beta": "06 Jan 2026"}


def test_an_apple_mail_mailbox_folder_and_a_quoted_path_are_read_and_a_bare_folder_is_said(
    open_page, tmp_path
):
    """Apple Mail exports "Inbox.mbox" as a folder holding a file "mbox": it got "No file at", and
    so did a path in quotes (Windows' "Copy as path"); a wrong path left "Reading the mail…" on."""
    emails = Path(__file__).resolve().parents[1] / "fixtures" / "emails"
    folder = tmp_path / "Inbox.mbox"
    folder.mkdir()
    data = (emails / "en-app-01.eml").read_bytes().replace(b"\nFrom ", b"\n>From ")
    (folder / "mbox").write_bytes(b"From someone Mon Jan  1 00:00:00 2025\n" + data + b"\n")
    at = open_page(PAGE)
    at.session_state["data_tab"] = "Emails"
    at.run()
    for typed in (str(folder), f'"{folder}"', f"'{folder / 'mbox'}'"):
        if "mail_scan" in at.session_state:
            del at.session_state["mail_scan"]
        at.text_input(key="mail_path").set_value(typed).run()
        at.button(key="mail_read").click().run()
        assert not at.exception and not at.error, typed
        assert any("Read 1 message: 1 about applications" in m.value for m in at.markdown), typed

    empty = tmp_path / "Archive"
    empty.mkdir()
    del at.session_state["mail_scan"]
    at.text_input(key="mail_path").set_value(str(empty)).run()
    at.button(key="mail_read").click().run()
    assert not at.exception
    assert any("is a folder with no mailbox file (mbox) in it" in e for e in shown(at.error))
    assert not at.get("progress")  # the progress bar is put away with the error


def test_a_status_word_set_by_the_person_is_no_longer_said_not_recognised(open_page, app_env):
    """ "Pohovor" set to interview: "2 status words were not recognised" still stood above it."""
    import hashlib

    csv = b"Company,Position,Date Applied,Status\nAcme,Analyst,2025-03-01,Pohovor\nBirch,Analyst,2025-03-03,Vibing\n"
    at = open_page(PAGE)
    at.file_uploader[0].set_value([("mine.csv", csv, "text/csv")])
    at.run()
    assert any("2 status words were not recognised" in w for w in shown(at.warning))
    key = f"status_{hashlib.sha1(csv).hexdigest()[:12]}"
    words = list(_table(at, "word")["word"])
    row = words.index("Pohovor")
    at.session_state[key] = {
        "edited_rows": {row: {"stage": "interview"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    said = " ".join(shown(at.warning))
    assert "1 status word was not recognised and taken as applied (“Vibing”)" in said
    assert "Pohovor" not in said


def test_the_files_of_a_zip_are_named_by_their_own_name_first_in_the_tables(open_page):
    # each cell read "Basic_LinkedInDataExport_12-06-2…": cut before the member's own name
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name in ("Job Applications.csv", "Job Applications_1.csv"):
            archive.writestr(f"Applications/{name}", (FIXTURES / name).read_bytes())
    at = open_page(PAGE)
    archive_name = "Basic_LinkedInDataExport_12-06-2026.zip"
    at.file_uploader[0].set_value((archive_name, packed.getvalue(), "application/zip")).run()
    assert not at.exception
    files = _table(at, "kind")["file"].tolist()
    assert files == [
        f"Job Applications.csv (in {archive_name})",
        f"Job Applications_1.csv (in {archive_name})",
    ]


def test_a_file_that_isnt_mail_on_the_emails_tab_is_said_where_it_goes(open_page):
    # a CSV got Streamlit's "text/csv files are not allowed"; a PNG named .mbox "This message has no headers"
    at = open_page(PAGE)
    at.session_state["data_tab"] = "Emails"
    at.run()
    at.file_uploader(key="mail_files").set_value(
        [
            ("tracker.csv", (FIXTURES / "tracker.csv").read_bytes(), "text/csv"),
            ("photo.mbox", b"\x89PNG\r\n\x1a\n" + bytes(200), "application/octet-stream"),
        ]
    ).run()
    at.button(key="mail_read").click().run()
    assert not at.exception
    problems = _table(at, "problem")
    said = dict(zip(problems["file"], problems["problem"]))
    assert "A spreadsheet or a LinkedIn archive is imported on the Import tab" in said["tracker.csv"]
    assert said["photo.mbox"].startswith("This file is an image (PNG), not mail")


def test_recruiters_reaching_out_are_named_and_a_file_that_isnt_a_mailbox_is_not_a_message(open_page):
    from email.message import EmailMessage

    outreach = EmailMessage()
    outreach["From"] = "Jordan Lee <jordan.lee@talentbridge.com>"
    outreach["Subject"] = "Analytics Lead opportunity at Litware"
    outreach["Date"] = "Mon, 02 Nov 2026 08:45:00 +0000"
    outreach["Message-ID"] = "<rec-litware@talentbridge.com>"
    outreach.set_content(
        "Hi Alex, I'm a recruiter at TalentBridge and came across your profile. I'm working with Litware on "
        "an Analytics Lead role. Would you be open to a call this week?"
    )
    mbox = b"From x Mon Jan 1 00:00:00 2026\n" + bytes(outreach) + b"\n"
    at = open_page(PAGE)
    at.session_state["data_tab"] = "Emails"
    at.run()
    at.file_uploader(key="mail_files").set_value(
        [
            ("inbox.mbox", mbox, "application/mbox"),
            ("notes.mbox", b"This file has no messages in it.\nJust some text.\n", "application/mbox"),
        ]
    ).run()
    at.button(key="mail_read").click().run()
    assert not at.exception
    summary = next(m.value for m in at.markdown if m.value.startswith("Read "))
    assert (
        summary == "Read 1 message: 0 about applications, 1 not (never stored), 1 file that couldn't be read."
    )
    problems = _table(at, "problem")
    assert problems["problem"].iloc[0].startswith("This file isn't a mailbox")
    assert at.expander[0].label == "1 recruiter reaching out, among those left out"
    listed = _table(at, "Subject")
    assert listed["Subject"].tolist() == ["Analytics Lead opportunity at Litware"]
    assert listed["From"].tolist() == ["Jordan Lee"]


def test_importing_only_people_says_nothing_about_applications_gone_quiet(open_page, app_env):
    at = _upload(open_page(PAGE), "tracker.csv")
    at.button(key="import_go").click().run()
    assert "no word from the employer" in " ".join(c.value for c in at.caption)
    at = _upload(at, "Connections.csv")
    at.button(key="import_go").click().run()
    assert not at.exception
    assert any(s.startswith("Imported ") and "contact" in s for s in shown(at.success))
    # the quiet applications are old news: after people came in it read as news about them
    assert "no word from the employer" not in " ".join(c.value for c in at.caption)


def test_a_file_with_no_column_for_the_company_says_so_beside_the_column_pickers(open_page):
    at = open_page(PAGE)
    at.file_uploader[0].set_value([("notes.csv", b"foo,bar\nhello,world\nmore,text\n", "text/csv")]).run()
    assert not at.exception
    warned = [w.value for w in at.expander[0].warning]
    assert any(
        w.startswith("No column is mapped to Company")
        and w.endswith("pick it below, or give the column that name in the file.")
        for w in warned
    )
    # picked, it is said no more
    company_key = next(
        k for k in at.session_state if str(k).startswith("map_") and str(k).endswith("_company")
    )
    at.selectbox(key=company_key).set_value("foo").run()
    date_key = next(
        k for k in at.session_state if str(k).startswith("map_") and str(k).endswith("_applied_on")
    )
    at.selectbox(key=date_key).set_value("bar").run()
    assert not any(w.value.startswith("No column is mapped") for w in at.expander[0].warning)


def test_a_header_that_cant_be_read_is_not_said_as_a_column_to_pick(open_page):
    # "This doesn't look like a table of applications: pick it below…" read as nonsense
    at = open_page(PAGE)
    at.file_uploader[0].set_value([("long.csv", ("x" * 300 + "\n").encode(), "text/csv")]).run()
    assert not at.exception
    assert not any("pick it below" in w.value for e in at.expander for w in e.warning)
