"""Importing into the database: one transaction, duplicates skipped, events that respect the rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from lib.core import db, vocab
from lib.core.models import ApplicationIn
from lib.data.importers import import_files, parse_bytes
from lib.store import applications as app_store
from lib.store import imports as store
from lib.store.base import count_rows

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
ALL = sorted(str(p) for p in FIXTURES.glob("*.csv"))


def _parse(*names: str):
    return [f for name in names for f in parse_bytes(name, (FIXTURES / name).read_bytes())]


def test_importing_adds_applications_events_contacts_and_companies(engine):
    result = import_files(ALL, engine)
    assert result["imported"]["applications"] == count_rows(engine, db.applications) > 0
    assert result["imported"]["stage_events"] == count_rows(engine, db.stage_events) > 0
    assert result["imported"]["contacts"] == count_rows(engine, db.contacts) == 5
    assert result["imported"]["companies"] == count_rows(engine, db.companies)


def test_importing_the_same_files_twice_adds_nothing(engine):
    first = import_files(ALL, engine)
    revision = db.revision(engine)
    second = import_files(ALL, engine)
    assert set(second["imported"].values()) == {0}
    assert second["duplicates_skipped"] == (
        first["imported"]["applications"]
        + first["imported"]["contacts"]
        + first["imported"]["saved_jobs"]
        + first["duplicates_skipped"]
    )
    assert count_rows(engine, db.applications) == first["imported"]["applications"]
    assert db.revision(engine) == revision + 1  # one transaction, even when it adds nothing


NO_ROLE = b"""Company,Role,Date applied,Link,Status
Censys,,2024-03-01,,Applied
Quanata,,2024-03-02,https://jobs.example.com/1,Applied
Quanata,,2024-03-02,https://jobs.example.com/2,Applied
Amazon,,2024-03-03,,Applied
Amazon,,2024-03-03,,Rejected
"""


def test_a_file_grown_by_a_row_adds_that_row_only_even_where_roles_are_missing(engine):
    first = store.apply(engine, parse_bytes("tracker.csv", NO_ROLE))
    # one posting each: two at Quanata told apart by link, two at Amazon by their order
    assert first.counts["applications"] == 5 and first.duplicates == [0]
    assert sorted(app_store.load_events(engine)["kind"]) == ["rejected"]
    grown = NO_ROLE.replace(b"Status\n", b"Status\nAcme,Analyst,2024-03-05,,Applied\n")  # lines shift
    second = store.plan(engine, parse_bytes("tracker.csv", grown))
    assert (second.counts["applications"], second.duplicates) == (1, [5])


def test_a_roleless_row_fixed_and_imported_again_keeps_its_place(engine):
    broken = b"Company,Role,Date applied,Status,Status date\nAmazon,,2024-03-03,Rejected,soon\nAmazon,,2024-03-03,Applied,\n"
    first = store.apply(engine, parse_bytes("t.csv", broken))
    assert first.counts["applications"] == 1  # line 2 refused (its status date), line 3 in
    fixed = broken.replace(b"soon", b"2024-03-20")
    second = store.plan(engine, parse_bytes("t.csv", fixed))
    # line 3 is the one there (a duplicate); line 2, fixed, is the one to add, with its "no"
    assert (second.counts["applications"], second.duplicates) == (1, [1])
    assert second.events["kind"].tolist() == ["rejected"]


def test_a_roleless_application_keyed_by_its_line_before_is_known_again(engine):
    first = store.apply(engine, parse_bytes("t.csv", b"Company,Role,Date applied\nCensys,,2024-03-01\n"))
    assert first.counts["applications"] == 1
    with db.transaction(engine) as c:  # as imports once keyed it: by its line
        c.execute(db.applications.update().values(import_key="app:2024-03-01|censys|role not given 2"))
    again = store.plan(engine, parse_bytes("t.csv", b"Company,Role,Date applied\nCensys,,2024-03-01\n"))
    assert (again.counts["applications"], again.duplicates) == (0, [1])


def test_an_application_typed_by_hand_is_a_duplicate_of_the_same_imported_one(engine):
    app_store.add_application(
        engine,
        ApplicationIn(
            company="northwind analytics ", role="Junior  Data Analyst", applied_on=dt.date(2022, 6, 18)
        ),
    )
    plan = store.plan(engine, _parse("Job Applications.csv"))
    assert plan.counts["applications"] == 1 and plan.duplicates == [1]
    assert plan.new_companies == ["Harbor & Vale, Inc."]


def test_a_dry_run_says_what_would_be_added_and_writes_nothing(engine):
    revision = db.revision(engine)
    result = import_files(ALL, engine, dry_run=True)
    assert result["dry_run"] and result["imported"]["applications"] > 0
    assert count_rows(engine, db.applications) == 0 and db.revision(engine) == revision


def test_the_report_names_files_formats_rows_and_errors(engine):
    result = import_files([str(FIXTURES / "tracker.csv")], engine)
    (entry,) = result["files"]
    assert entry["format"] == "spreadsheet" and entry["rows"] == 8 and entry["imported"] == 5
    assert entry["errors"][0] == {
        "line": 7,
        "field": "date applied",
        "message": "The date applied is missing.",
    }
    assert set(result["imported"]) >= {"applications", "contacts", "stage_events"}


def test_the_report_says_a_word_that_reads_two_ways_and_a_row_kept_with_a_note(engine, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_bytes(b"Company,Role,Date Applied,Status\nAcme,Analyst,2025-03-01,Declined,extra\n")
    (entry,) = import_files([str(path)], engine)["files"]
    assert entry["imported"] == 1
    assert any(n.startswith("“Declined” can mean either side said no") for n in entry["notices"])
    assert entry["errors"][0]["row_kept"] is True  # the extra cell ignored; the row came in


def test_the_plan_names_applications_a_file_has_further_along(engine):
    first = b"Company,Role,Date Applied,Status\nAcme,Analyst,2025-03-01,Applied\nZed,Analyst,2025-03-03,Interview\n"
    store.apply(engine, parse_bytes("a.csv", first))
    again = (
        b"Company,Role,Date Applied,Status\nAcme,Analyst,2025-03-01,Final round\n"
        b"Zed,Analyst,2025-03-03,Phone screen\n"  # less far than what is there: nothing to say
    )
    plan = store.plan(engine, parse_bytes("b.csv", again))
    assert plan.further[["company", "file_says"]].values.tolist() == [["Acme", "final"]]
    assert plan.counts["stage_events"] == 0  # said, not added


def test_the_command_line_report_names_what_a_file_has_further_along(engine, tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_bytes(b"Company,Role,Date Applied,Status\nAcme,Analyst,2025-03-01,Applied\n")
    assert import_files([str(path)], engine)["further_along"] == []
    path.write_bytes(b"Company,Role,Date Applied,Status\nAcme,Analyst,2025-03-01,Rejected\n")
    again = import_files([str(path)], engine)
    assert [(f["company"], f["file_says"]) for f in again["further_along"]] == [("Acme", "rejected")]
    assert again["imported"]["stage_events"] == 0


def test_imported_events_pass_the_same_rules_as_events_recorded_by_hand(engine):
    import_files(ALL, engine)
    apps = app_store.load_applications(engine).set_index("id")
    events = app_store.load_events(engine)
    assert not events.empty
    applied = events["application_id"].map(apps["applied_on"])
    dated = events["date_known"]
    assert (events["occurred_on"][dated] >= applied[dated]).all()
    assert events["occurred_on"][~dated].isna().all()  # an unknown date reads as no date at all
    for _, history in events.groupby("application_id"):
        endings = history[history["kind"].isin(vocab.OUTCOMES)]
        assert len(endings) <= 1
        if len(endings):
            assert not endings["occurred_on"].iloc[0] < history["occurred_on"].max()
        if "declined" in set(history["kind"]):
            assert "offer" in set(history["kind"])


def test_imported_statuses_show_as_furthest_stage_and_outcome_in_the_log(engine):
    import_files([str(FIXTURES / "tracker.csv")], engine)
    from lib.learn import traction

    log = traction.with_status(app_store.load_applications(engine), app_store.load_events(engine))
    status = dict(zip(log["company"], zip(log["furthest_stage"], log["outcome"])))
    assert status["Boston Red Sox"] == ("final", "open")
    assert status["Wayfair"] == ("applied", "rejected")
    assert status["Symbotic"] == ("accepted", "open")


def test_connections_are_matched_to_companies_already_known(engine):
    import_files([str(FIXTURES / "Job Applications.csv"), str(FIXTURES / "Connections.csv")], engine)
    contacts = pd.read_sql(
        "SELECT c.name, k.name AS company, c.notes FROM contacts c "
        "LEFT JOIN companies k ON k.id = c.company_id ORDER BY c.name",
        engine,
    )
    by_name = contacts.set_index("name")
    assert by_name.loc["Maya Schmidt", "company"] == "Northwind Analytics"
    assert pd.isna(by_name.loc["Jonas Okafor", "company"])
    assert by_name.loc["Jonas Okafor", "notes"].startswith("Company: Kettle Labs, Inc")


def test_saved_jobs_become_a_note_on_the_company_once(engine):
    for _ in range(2):
        import_files([str(FIXTURES / "Saved Jobs.csv")], engine)
    notes = app_store.load_companies(engine).set_index("name").loc["Otter Cloud", "notes"]
    assert notes == (
        "Saved job on LinkedIn (21 Nov 2022): Analytics Engineer http://www.linkedin.com/jobs/view/2001"
    )
    assert count_rows(engine, db.applications) == 0


def test_a_failing_import_leaves_nothing_behind(engine, monkeypatch):
    files = _parse("tracker.csv")
    real_insert = store._insert_chunks

    def insert_then_fail(connection, table, *args, **kwargs):
        real_insert(connection, table, *args, **kwargs)
        if table is db.stage_events:  # companies and applications are in by now
            raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_chunks", insert_then_fail)
    with pytest.raises(RuntimeError):
        store.apply(engine, files)
    assert count_rows(engine, db.applications) == count_rows(engine, db.companies) == 0


def test_progress_is_reported_up_to_done(engine):
    seen = []
    store.apply(engine, _parse("tracker.csv"), progress=lambda fraction, label: seen.append(fraction))
    assert seen[-1] == 1.0 and seen == sorted(seen)


UNDATED = b"""Company,Position,Date Applied,Status
Northwind,Analyst,2026-01-05,Offer
Contoso,Engineer,2026-01-06,Rejected
"""


def test_an_imported_status_without_a_date_is_recorded_as_unknown_and_the_preview_says_so(engine):
    files = parse_bytes("tracker.csv", UNDATED)
    preview = store.plan(engine, files)
    assert preview.counts["undated_events"] == 2  # the offer and the rejection
    assert "will be recorded with the date marked unknown" in store.undated_notice(
        preview.counts["undated_events"]
    )
    assert count_rows(engine, db.stage_events) == 0  # the preview writes nothing
    store.apply(engine, files)
    events = app_store.load_events(engine)
    assert not events["date_known"].any() and events["occurred_on"].isna().all()
    from lib.learn import traction

    table = traction.traction_table(
        app_store.load_applications(engine), events, dt.date(2026, 3, 1)
    ).set_index("company")
    # Not "0 days to first answer" (the application date was used before): unknown, left out.
    assert table["days_to_first_response"].isna().all()
    assert table.loc["Northwind", "furthest_stage"] == "offer"


def test_typing_the_date_later_makes_an_unknown_date_known(engine):
    store.apply(engine, parse_bytes("tracker.csv", UNDATED))
    events = app_store.load_events(engine)
    offer = int(events.loc[events["kind"] == "offer", "id"].iloc[0])
    with pytest.raises(Exception, match="before the application date"):
        app_store.set_event_date(engine, offer, dt.date(2025, 12, 1))
    app_store.set_event_date(engine, offer, dt.date(2026, 1, 20))
    events = app_store.load_events(engine).set_index("id")
    assert events.loc[offer, "date_known"] and events.loc[offer, "occurred_on"] == pd.Timestamp("2026-01-20")


def test_an_imported_company_a_letter_apart_is_matched_to_the_one_already_there(engine):
    app_store.add_application(
        engine, ApplicationIn(company="Northwind Analytics", role="Analyst", applied_on=dt.date(2026, 1, 5))
    )
    csv = b"Company,Role,Date applied\nNortwind Analytics,BI Lead,2026-02-01\nMeta,Engineer,2026-02-02\n"
    plan = store.plan(engine, parse_bytes("tracker.csv", csv))
    assert plan.matched_companies == {"Nortwind Analytics": "Northwind Analytics"}
    assert plan.new_companies == ["Meta"]
    store.apply(engine, parse_bytes("tracker.csv", csv))
    assert app_store.company_names(engine) == ["Meta", "Northwind Analytics"]


def _indexes(engine) -> set[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
    return {tuple(row) for row in rows}


def test_a_first_import_builds_its_indexes_again_after_the_rows_are_in(engine):
    """A first import drops the plain indexes while it adds its rows: every one must be back."""
    before = _indexes(engine)
    assert {"ix_applications_applied_on", "ix_stage_events_app_date"} <= {name for name, _ in before}
    import_files(ALL, engine)
    assert _indexes(engine) == before
    with engine.connect() as connection:  # and they hold every row
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM applications WHERE applied_on > '2024-01-01'"
        ).fetchall()
    assert "ix_applications_applied_on" in str(plan)


def test_a_failing_first_import_leaves_the_indexes_as_they_were(engine, monkeypatch):
    before = _indexes(engine)
    real_insert = store._insert_chunks

    def insert_then_fail(connection, table, *args, **kwargs):
        real_insert(connection, table, *args, **kwargs)
        if table is db.stage_events:  # inside the second table's rebuilding window
            raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_chunks", insert_then_fail)
    with pytest.raises(RuntimeError):
        store.apply(engine, _parse("tracker.csv"))
    assert _indexes(engine) == before


def test_a_new_database_has_large_pages_for_a_quicker_large_import(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 16384


NO_DATE_APPLIED = (
    b"Company,Role,Date applied,Status,Status date\n"
    b"Acme,Analyst,,Rejected,2026-02-10\n"
    b"Globex,Analyst,2026-02-01,Rejected,2026-02-10\n"
)


def test_a_row_without_a_date_applied_keeps_its_status_date_as_a_stand_in_never_a_same_day_answer(engine):
    files = parse_bytes("tracker.csv", NO_DATE_APPLIED)
    assert any("the status date stands in" in n for n in files[0].notices)
    store.apply(engine, files)
    apps = app_store.load_applications(engine).set_index("company")
    assert apps.loc["Acme", "applied_on"] == pd.Timestamp("2026-02-10")  # kept in order
    assert not apps.loc["Acme", "applied_known"] and apps.loc["Globex", "applied_known"]
    from lib.learn import traction

    table = traction.traction_table(
        app_store.load_applications(engine), app_store.load_events(engine), dt.date(2026, 3, 1)
    ).set_index("company")
    assert pd.isna(table.loc["Acme", "days_to_first_response"])  # it was 0 days
    assert table.loc["Globex", "days_to_first_response"] == 9
    assert table.loc["Acme", "responded"]  # the answer still counts as an answer


def test_a_stand_in_date_applied_stays_one_until_another_day_is_typed(engine):
    store.apply(engine, parse_bytes("tracker.csv", NO_DATE_APPLIED))
    row = app_store.load_applications(engine).set_index("company").loc["Acme"]
    app_id = int(row["id"])

    def saved_with(day):
        app = app_store.get_application(engine, app_id)
        fields = {k: app[k] for k in ("company", "role", "channel")}
        app_store.update_application(engine, app_id, ApplicationIn(**fields, applied_on=day, notes="seen"))
        return app_store.get_application(engine, app_id)["applied_known"]

    assert not saved_with(dt.date(2026, 2, 10))  # the notes edited, the day left as it stood
    assert saved_with(dt.date(2026, 2, 2))


TWO_POSTINGS = (
    b"Application Date,Company Name,Job Title,Job Url\n"
    b'"7/30/22, 9:59 AM",TCS,Data Engineer,http://www.linkedin.com/jobs/view/3152002646\n'
    b'"7/30/22, 10:00 AM",TCS,Data Engineer,http://www.linkedin.com/jobs/view/3152008076\n'
    b'"7/30/22, 10:01 AM",TCS,Data Engineer,http://www.linkedin.com/jobs/view/3152008076\n'
    b'"7/30/22, 10:02 AM",TCS,Data Engineer,\n'
)


def test_two_postings_for_one_role_on_one_day_are_two_applications_told_apart_by_their_links(engine):
    files = parse_bytes("Job_Applications.csv", TWO_POSTINGS)
    preview = store.plan(engine, files)
    # the same link again, or a row with none, is the same application written twice
    assert (preview.counts["applications"], preview.duplicates_skipped) == (2, 2)
    store.apply(engine, files)
    links = sorted(app_store.load_applications(engine)["job_url"])
    assert links == [
        "http://www.linkedin.com/jobs/view/3152002646",
        "http://www.linkedin.com/jobs/view/3152008076",
    ]
    again = store.plan(engine, parse_bytes("Job_Applications.csv", TWO_POSTINGS))
    assert again.counts["applications"] == 0  # imported again: nothing new


def _postings(*rows: tuple[str, str]) -> bytes:
    lines = [f'"{when}",TCS,Data Engineer,http://www.linkedin.com/jobs/view/{job}' for when, job in rows]
    return ("Application Date,Company Name,Job Title,Job Url\n" + "\n".join(lines) + "\n").encode()


A, B = ("7/30/22, 9:59 AM", "111"), ("7/30/22, 10:00 AM", "222")


@pytest.mark.parametrize("first, then", [([A, B], [B, A]), ([A], [B, A]), ([B], [A, B])])
def test_postings_told_apart_are_known_again_whatever_the_order_of_the_rows(engine, first, then):
    store.apply(engine, parse_bytes("Job_Applications.csv", _postings(*first)))
    store.apply(engine, parse_bytes("Job_Applications.csv", _postings(*then)))
    links = sorted(app_store.load_applications(engine)["job_url"].str[-3:])
    assert links == ["111", "222"]  # each posting once: none twice, none lost


def test_a_posting_typed_by_hand_with_its_link_is_not_imported_again(engine):
    app_store.add_application(
        engine,
        ApplicationIn(
            company="TCS",
            role="Data Engineer",
            applied_on=dt.date(2022, 7, 30),
            job_url="http://www.linkedin.com/jobs/view/222",
        ),
    )
    store.apply(engine, parse_bytes("Job_Applications.csv", _postings(A, B)))
    assert sorted(app_store.load_applications(engine)["job_url"].str[-3:]) == ["111", "222"]


def test_a_company_kept_apart_by_a_migration_is_known_again_when_its_file_comes_back(engine):
    import sqlalchemy as sa

    data = b"Company,Role,Date applied\nAmazon.com Inc.,Analyst,2026-02-01\n"
    with engine.begin() as connection:  # as revision 0007 leaves them: apart, one on its old key
        connection.execute(sa.text("INSERT INTO companies (name, name_key) VALUES ('Amazon', 'amazon')"))
    store.apply(
        engine, parse_bytes("tracker.csv", b"Company,Role,Date applied\nAmazon,Designer,2026-01-01\n")
    )
    with engine.begin() as connection:
        connection.execute(
            sa.text("INSERT INTO companies (name, name_key) VALUES ('Amazon.com Inc.', 'amazoncom')")
        )
        connection.execute(
            sa.text(
                "INSERT INTO applications (company_id, role, applied_on, channel, import_key) VALUES "
                "((SELECT id FROM companies WHERE name_key = 'amazoncom'), 'Analyst', '2026-02-01', 'other', "
                "'app:2026-02-01|amazoncom|analyst')"
            )
        )
    assert store.plan(engine, parse_bytes("tracker.csv", data)).counts["applications"] == 0


def test_a_step_before_a_stand_in_date_applied_moves_it_back_instead_of_being_refused(engine):
    from lib.core.models import StageEventIn

    interviewing = b"Company,Role,Date applied,Status,Status date\nAcme,Analyst,,Interview,2026-02-12\n"
    store.apply(engine, parse_bytes("tracker.csv", interviewing))
    app_id = int(app_store.load_applications(engine)["id"].iloc[0])
    screen = StageEventIn(application_id=app_id, kind="screen", occurred_on=dt.date(2026, 2, 5))
    app_store.add_stage_event(engine, screen)  # "before the application date (12 Feb)", a day never given
    app = app_store.get_application(engine, app_id)
    assert (app["applied_on"], app["applied_known"]) == (dt.date(2026, 2, 5), False)
    typed = app_store.add_application(  # one typed by hand keeps its day as a bound
        engine, ApplicationIn(company="Known Co", role="Analyst", applied_on=dt.date(2026, 2, 10))
    )
    with pytest.raises(Exception, match="before the application date"):
        app_store.add_stage_event(engine, screen.model_copy(update={"application_id": typed}))


def test_feedback_asked_before_a_stand_in_date_applied_is_kept_and_moves_it_back(engine):
    from lib.core.models import FeedbackIn
    from lib.store import followups

    store.apply(engine, parse_bytes("tracker.csv", NO_DATE_APPLIED))
    app_id = int(app_store.load_applications(engine).set_index("company").loc["Acme", "id"])
    followups.add_feedback(engine, FeedbackIn(application_id=app_id, asked_on=dt.date(2026, 2, 3)))
    app = app_store.get_application(engine, app_id)
    assert (app["applied_on"], app["applied_known"]) == (dt.date(2026, 2, 3), False)  # still a stand-in


def test_a_tracker_exported_again_after_the_next_answer_adds_no_second_application(engine):
    """No date applied: the stand-in day moved with the status, and so did the key."""
    store.apply(engine, parse_bytes("tracker.csv", NO_DATE_APPLIED))
    later = NO_DATE_APPLIED.replace(
        b"Acme,Analyst,,Rejected,2026-02-10", b"Acme,Analyst,,Rejected,2026-02-17"
    )
    assert store.plan(engine, parse_bytes("tracker.csv", later)).counts["applications"] == 0


def test_a_row_with_no_date_applied_is_known_as_an_application_there_before_stand_ins(engine):
    """Imported before the day applied could be a stand-in: its key holds the status date."""
    app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date(2026, 2, 10))
    )
    assert (
        store.plan(engine, parse_bytes("tracker.csv", NO_DATE_APPLIED)).counts["applications"] == 1
    )  # Globex


def test_what_a_file_has_further_along_comes_with_the_day_the_file_gives_it(engine, tmp_path):
    """The person had to look the day up in the file again to record the step."""
    path = tmp_path / "tracker.csv"
    path.write_bytes(
        b"Company,Role,Date Applied,Status,Status date\nAcme,Analyst,2025-03-01,Applied,\nZed,BI,2025-03-02,Applied,\n"
    )
    import_files([str(path)], engine)
    path.write_bytes(
        b"Company,Role,Date Applied,Status,Status date\n"
        b"Acme,Analyst,2025-03-01,Rejected,2025-03-20\nZed,BI,2025-03-02,Interview,\n"
    )
    again = {
        f["company"]: (f["file_says"], f["file_day"])
        for f in import_files([str(path)], engine)["further_along"]
    }
    assert again == {"Acme": ("rejected", "2025-03-20"), "Zed": ("interview", None)}
