"""Importers, one format at a time, on the project's own small fixtures in each real format."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from lib.data.importers import linkedin, parse_bytes, spreadsheet
from lib.data.importers.dates import parse_dates
from lib.data.importers.statuses import map_status, status_map_from_table, status_table
from lib.data.importers.text import decode, read_table

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def _bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _errors(parsed) -> list[tuple[int, str]]:
    return [(e.line, e.field) for e in parsed.errors]


# --- reading files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, encoding",
    [
        ("Café;Rôle\n".encode(), "utf-8"),
        ("\ufeffCafé;Rôle\n".encode("utf-8"), "utf-8-sig"),
        ("Café;Rôle\n".encode("cp1252"), "cp1252"),
        ("Café;Rôle\n".encode("utf-16"), "utf-16"),
    ],
)
def test_text_is_decoded_whatever_the_encoding(raw, encoding):
    text, found = decode(raw)
    assert text.strip() == "Café;Rôle"
    assert found == encoding


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed_from_the_header(delimiter):
    data = (
        delimiter.join(["Company", "Role", "Date Applied"])
        + "\r\n"
        + delimiter.join(["Acme", "Analyst", "2025-01-02"])
    )
    table = read_table(data.encode())
    assert table.header == ["Company", "Role", "Date Applied"]
    assert table.rows == [["Acme", "Analyst", "2025-01-02"]]


def test_rows_keep_the_line_they_start_on_even_across_quoted_line_breaks():
    data = b'Company,Notes\nAcme,"two\nlines"\n\nBeta,one\n'
    table = read_table(data)
    assert table.lines == [2, 5]
    assert table.rows[0][1] == "two\nlines"


def test_a_row_with_more_cells_than_the_header_is_named():
    table = read_table(b"Company,Role\nAcme,Analyst,extra\n")
    assert [(e.line, e.field) for e in table.errors] == [(2, "file")]
    assert table.rows == [["Acme", "Analyst"]]


# --- dates and statuses ---------------------------------------------------------------------------


def test_dates_are_read_in_every_shape_people_write_them():
    values = pd.Series(
        ["6/18/22, 5:28 AM", "30 May 2024", "2024-11-05", "May 30, 2024", "null", "N/A", "", "soon"]
    )
    parsed = parse_dates(values)
    assert [d.date() if pd.notna(d) else None for d in parsed.dates] == [
        dt.date(2022, 6, 18),
        dt.date(2024, 5, 30),
        dt.date(2024, 11, 5),
        dt.date(2024, 5, 30),
        None,
        None,
        None,
        None,
    ]
    assert parsed.missing.tolist() == [False, False, False, False, True, True, True, False]


def test_day_first_is_detected_from_the_file():
    parsed = parse_dates(pd.Series(["23/10/2025", "02/03/2025"]))
    assert parsed.day_first
    assert parsed.dates.dt.date.tolist() == [dt.date(2025, 10, 23), dt.date(2025, 3, 2)]


def test_dates_that_read_both_ways_are_read_the_way_that_puts_none_in_the_future():
    today = dt.date.today()
    # a day of this year, day first, whose month-first reading is still to come
    pairs = [
        (d, m)
        for d in range(1, 13)
        for m in range(1, 13)
        if dt.date(today.year, m, d) <= today < dt.date(today.year, d, m)
    ]
    if not pairs:
        pytest.skip("on 1 January no such day exists yet")
    day, month = pairs[0]
    parsed = parse_dates(pd.Series([f"{day:02d}/{month:02d}/{today.year}", f"01/02/{today.year - 1}"]))
    assert parsed.day_first and not parsed.order_unknown
    assert parsed.dates.iloc[0].date() == dt.date(today.year, month, day)
    cell = f"{day:02d}/{month:02d}/{today.year}"
    [file] = parse_bytes("uk.csv", f"Company,Role,Date applied\nAcme,Analyst,{cell}\n".encode())
    said = f"Dates were read day first (“{cell}” is {dt.date(today.year, month, day):%d %B %Y}): read month first"
    assert any(n.startswith(said) for n in file.notices)


def test_dates_that_read_both_ways_in_the_past_are_read_month_first_and_said():
    parsed = parse_dates(pd.Series(["02/11/2024", "10/11/2024"]))
    assert not parsed.day_first and parsed.order_unknown
    data = b"Company,Role,Date applied\nAcme,Analyst,2024-10-23\nBeta,Dev,02/11/2024\nGamma,Dev,10/10/2024\n"
    [file] = parse_bytes("uk.csv", data)
    # the example is a date that reads two ways, not the ISO one or one that reads the same
    assert (
        "Dates such as “02/11/2024” could be read two ways; they were read month first "
        "(11 February 2024). If the file writes the day first" in " ".join(file.notices)
    )


@pytest.mark.parametrize("placeholder", ["00/00/0000", "13/13/2024", "0/0/0"])
def test_numeric_dates_that_are_no_day_either_way_are_refused_row_by_row_not_a_crash(placeholder):
    data = f"Company,Role,Date applied\nAcme,Analyst,{placeholder}\n".encode()
    [file] = parse_bytes("blank.csv", data)
    assert file.applications.empty
    assert [e.field for e in file.errors] == ["date applied"]
    assert not any("could be read two ways" in n for n in file.notices)


def test_a_status_column_that_tells_its_own_order_keeps_it():
    data = b"Company,Role,Date applied,Status,Status date\nAcme,Analyst,03/20/2025,Rejected,23/10/2025\n"
    [file] = parse_bytes("mixed.csv", data)
    assert file.applications["applied_on"].tolist() == [dt.date(2025, 3, 20)]
    assert file.events["occurred_on"].tolist() == [dt.date(2025, 10, 23)]  # it was refused as no date


def test_the_status_dates_tell_the_order_the_applied_dates_could_not():
    data = b"Company,Role,Date applied,Status,Status date\nAcme,Analyst,02/11/2024,Rejected,13/11/2024\n"
    [file] = parse_bytes("uk.csv", data)
    assert file.applications["applied_on"].tolist() == [dt.date(2024, 11, 2)]  # not 11 February
    assert file.events["occurred_on"].tolist() == [dt.date(2024, 11, 13)]
    assert "Dates were read day first (23/10/2025 is 23 October), as the file writes them." in file.notices


def test_a_year_less_date_takes_the_year_of_the_files_other_dates():
    parsed = parse_dates(pd.Series(["9/19", "9/19/24", "10/1/24"]))
    assert parsed.dates.iloc[0].date() == dt.date(2024, 9, 19)
    assert parsed.yearless.tolist() == [True, False, False]


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Phone Screen", ("screen", "open")),
        ("Final Round", ("final", "open")),
        ("Ghosted (no reply)", ("applied", "ghosted")),
        ("Accepted!", ("accepted", "open")),
        ("Submitted", ("applied", "open")),
        ("Pending", ("applied", "open")),
        ("Rejected after assessment", ("screen", "rejected")),
        ("Interviewing", ("interview", "open")),
        ("Offer declined", ("offer", "declined")),
        ("Withdrawn", ("applied", "withdrawn")),
        ("Declined", ("applied", "rejected")),  # most often the employer's: it counted an offer
        ("Pending HR", ("applied", "open")),  # waiting on HR: no answer yet, not a screen
        ("Candidate declined", ("applied", "withdrawn")),  # the candidate's no: not the employer's
        ("HR screen", ("screen", "open")),
    ],
)
def test_status_words_map_onto_stage_and_outcome(word, expected):
    assert map_status(word)[:2] == expected


def test_an_unknown_status_word_is_taken_as_applied_and_flagged():
    table = status_table(["Submitted", "Submitted", "Blorp"])
    assert table.set_index("word").loc["Blorp", ["stage", "outcome", "recognised"]].tolist() == [
        "applied",
        "open",
        False,
    ]
    assert table.set_index("word").loc["Submitted", "rows"] == 2


def test_a_word_that_reads_two_ways_is_asked_about():
    table = status_table(["Declined", "Offer declined"]).set_index("word")
    assert table["two_ways"].to_dict() == {"Declined": True, "Offer declined": False}


def test_an_edited_status_table_keeps_declining_after_an_offer():
    edited = pd.DataFrame(
        [{"word": "Nope", "rows": 1, "stage": "screen", "outcome": "declined", "recognised": False}]
    )
    assert status_map_from_table(edited) == {"nope": ("offer", "declined")}


# --- LinkedIn ---------------------------------------------------------------------------------------


def test_linkedin_applications_start_as_applied_through_linkedin():
    parsed = linkedin.parse_applications(_bytes("Job Applications.csv"))
    apps = parsed.applications
    assert parsed.format == "linkedin-applications" and parsed.rows == 3
    assert apps["company"].tolist() == ["Northwind Analytics", "Harbor & Vale, Inc."]
    assert apps["applied_on"].tolist() == [dt.date(2022, 6, 18), dt.date(2022, 4, 29)]
    assert set(apps["channel"]) == {"job board"} and set(apps["source"]) == {"LinkedIn"}
    assert apps["resume_version"].tolist() == ["CV_v3.pdf", "CV_v4.pdf"]
    assert parsed.events.empty
    assert _errors(parsed) == [(3, "company")]
    # no replies in the file: said before they read Ghosted and the response rate reads 4%
    assert linkedin.NO_REPLIES_KEPT in parsed.notices


def test_a_linkedin_archive_zip_merges_the_continuation_files_and_reads_everything(engine):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("Job Applications.csv", "Job Applications_1.csv", "Saved Jobs.csv"):
            archive.writestr(f"Jobs/{name}", _bytes(name))
        archive.writestr("Connections.csv", _bytes("Connections.csv"))
        archive.writestr("Profile.csv", b"First Name,Headline\nMe,Analyst\n")
    files = parse_bytes("Basic_LinkedInDataExport.zip", buffer.getvalue())
    formats = sorted(f.format for f in files)
    assert formats == [
        "linkedin-applications",
        "linkedin-applications",
        "linkedin-connections",
        "linkedin-saved-jobs",
    ]
    assert sum(len(f.applications) for f in files) == 4


def test_saved_jobs_are_kept_as_saved_not_applied():
    parsed = linkedin.parse_saved_jobs(_bytes("Saved Jobs.csv"))
    assert parsed.applications.empty
    assert parsed.saved_jobs[["company", "role", "saved_on"]].values.tolist() == [
        ["Otter Cloud", "Analytics Engineer", dt.date(2022, 11, 21)]
    ]


def test_connections_with_preamble_and_url_skip_and_count_hidden_members():
    parsed = parse_bytes("Connections.csv", _bytes("Connections.csv"))[0]
    contacts = parsed.contacts
    assert parsed.format == "linkedin-connections"
    assert parsed.skipped == {"hidden members": 1}
    assert contacts["name"].tolist() == ["Maya Schmidt", "Jonas Okafor", "Priya Rossi"]
    assert contacts["role"].tolist() == ["recruiter", "other", "other"]
    assert contacts["profile_url"].iloc[0] == "https://www.linkedin.com/in/maya-s"
    assert contacts["connected_on"].tolist() == [
        dt.date(2024, 5, 30),
        dt.date(2024, 5, 3),
        dt.date(2023, 4, 11),
    ]
    assert contacts["notes"].iloc[1] == 'Position: Lead, "Data" Platform'


def test_old_connections_without_preamble_or_url_are_read():
    parsed = parse_bytes("Connections.csv", _bytes("Connections_2018.csv"))[0]
    assert parsed.contacts["connected_on"].tolist() == [dt.date(2018, 1, 8), dt.date(2018, 4, 4)]
    assert parsed.contacts["profile_url"].isna().all()
    assert parsed.contacts["role"].tolist() == ["recruiter", "other"]


# --- spreadsheets -------------------------------------------------------------------------------------


def test_a_spreadsheet_gets_its_columns_guessed_from_the_header():
    parsed = spreadsheet.parse(_bytes("tracker.csv"))
    assert parsed.mapping == {
        "job_url": "Applicant Portal",
        "company": "Company",
        "role": "Position",
        "applied_on": "Date Applied",
        "status": "status",
        "notes": "Details",
    }


def test_a_spreadsheet_names_every_bad_row_with_line_field_and_reason():
    parsed = spreadsheet.parse(_bytes("tracker.csv"))
    assert _errors(parsed) == [(7, "date applied"), (8, "date applied"), (9, "job link")]
    assert "missing" in parsed.errors[0].message
    assert "not a date" in parsed.errors[1].message
    assert "not a web address" in parsed.errors[2].message
    assert len(parsed.applications) == 5
    assert any("no year" in notice and "2024" in notice for notice in parsed.notices)


def test_spreadsheet_statuses_become_the_furthest_stage_and_the_outcome_dated_as_best_known():
    parsed = spreadsheet.parse(_bytes("tracker.csv"))
    apps = parsed.applications.set_index("import_key")
    events = parsed.events.assign(company=lambda e: e["import_key"].map(apps["company"]))
    got = sorted(zip(events["company"], events["kind"], events["occurred_on"]))
    assert got == [
        ("Boston Red Sox", "final", dt.date(2024, 10, 5)),
        ("Rockstar", "screen", dt.date(2024, 9, 19)),
        ("Symbotic", "accepted", dt.date(2024, 10, 17)),
        ("Wayfair", "rejected", dt.date(2024, 10, 3)),
    ]


def test_a_corrected_mapping_and_status_map_are_used():
    parsed = spreadsheet.parse(
        _bytes("tracker.csv"),
        mapping={"company": "Company", "role": "Details", "applied_on": "Date Applied", "status": "status"},
        status_map={"submitted": ("screen", "open")},
    )
    assert "on greenhouse, had a CL" in parsed.applications["role"].tolist()
    assert (parsed.events["kind"] == "screen").sum() == 3  # two Submitted rows + the phone screen


def test_a_file_with_no_company_column_asks_for_the_mapping_instead_of_failing_every_row():
    parsed = spreadsheet.parse(b"Role,When\nAnalyst,2025-01-02\n")
    assert _errors(parsed) == [(1, "header")]
    assert parsed.applications.empty


def test_jobsync_exports_are_recognised():
    parsed = spreadsheet.parse(_bytes("jobsync.csv"))
    assert parsed.format == "jobsync"
    apps = parsed.applications
    assert apps["company"].tolist() == ["Helix Bio"]
    assert apps[["channel", "source", "work_mode", "location"]].values.tolist() == [
        ["job board", "Indeed", "remote", "Berlin"]
    ]
    assert parsed.events["kind"].tolist() == ["interview"]
    assert _errors(parsed) == [(3, "date applied")]


def test_simplify_exports_date_the_outcome_with_the_status_date():
    parsed = spreadsheet.parse(_bytes("simplify.csv"))
    assert parsed.format == "simplify"
    events = parsed.events.merge(parsed.applications[["import_key", "company"]])
    assert sorted(zip(events["company"], events["kind"], events["occurred_on"])) == [
        ("Civic Ledger", "declined", dt.date(2025, 3, 1)),
        ("Civic Ledger", "offer", dt.date(2025, 2, 3)),
        ("Fjord Mobility", "rejected", dt.date(2025, 2, 20)),
    ]


def test_a_stage_history_column_gives_one_event_per_stage_with_its_date():
    parsed = spreadsheet.parse(_bytes("stage_history.csv"))
    assert parsed.format == "stage-history"
    events = parsed.events.merge(parsed.applications[["import_key", "company"]])
    amazon = events[events["company"] == "Amazon"]
    assert list(zip(amazon["kind"], amazon["occurred_on"])) == [
        ("screen", dt.date(2024, 11, 8)),
        ("screen", dt.date(2024, 11, 12)),
        ("rejected", dt.date(2024, 11, 20)),
    ]
    msft = events[events["company"] == "Msft"]  # "Msft Senior Engineer": company and role
    assert list(zip(msft["kind"], msft["occurred_on"])) == [("final", dt.date(2024, 11, 25))]


def test_two_words_for_one_step_on_one_day_are_one_event_keeping_both_words():
    """ "Phone Screen" and "Tech Screen" the same day read as "Screen" twice in the timeline."""
    data = (
        b"Name,Date,Stage,Stage History\n"
        b"Amazon,2024-11-05,Rejected,\"[{'stage': 'Applied', 'date': '2024-11-05'}, "
        b"{'stage': 'Phone Screen', 'date': '2024-11-05'}, {'stage': 'Tech Screen', 'date': '2024-11-05'}, "
        b"{'stage': 'Rejected', 'date': '2024-11-05'}]\"\n"
    )
    parsed = spreadsheet.parse(data)
    assert parsed.events["kind"].tolist() == ["screen", "rejected"]
    assert parsed.events["note"].tolist() == ["In the file: Phone Screen, Tech Screen.", None]


def test_a_name_holding_company_and_role_is_split_only_when_the_file_has_no_role():
    """JobSankey's "Name" column: "Meta SDE 1" became a company called "Meta SDE 1"."""
    from lib.data.importers.name_split import split_at

    assert split_at("Msft Senior Engineer") == ("Msft", "Senior Engineer")
    assert split_at("Meta SDE 1") == ("Meta", "SDE 1")
    for whole in ("Amazon", "General Motors", "Principal Financial Group", "Senior Living Co", "Data Robot"):
        assert split_at(whole) is None, whole
    assert split_at("Global Data Engineering Partners") is None  # no title after the split
    parsed = spreadsheet.parse(b"Name,Date\nMeta SDE 1,2024-11-05\nAmazon,2024-11-05\n")
    assert parsed.applications[["company", "role"]].values.tolist() == [
        ["Meta", "SDE 1"],
        ["Amazon", "Role not given"],
    ]
    assert any("1 name read as company and role" in n and "Meta · SDE 1" in n for n in parsed.notices)
    with_roles = spreadsheet.parse(b"Company,Role,Date\nMeta SDE 1,Engineer,2024-11-05\n")
    assert with_roles.applications["company"].tolist() == ["Meta SDE 1"]  # the file says its role


def test_a_file_that_ends_mid_row_says_its_last_row_may_be_cut_off():
    """A download stopped mid-file came in silently, half a note and all."""
    head = b"Company,Role,Date Applied,Notes\nAcme,Analyst,2024-03-01,ok\n"
    for tail, how in (
        (b'Beta,Eng,2024-03-02,"half a no', "inside a quoted cell"),
        (b"Beta,Eng", "after 2 of its 4 cells"),
    ):
        parsed = spreadsheet.parse(head + tail)
        [said] = [e for e in parsed.errors if e.field == "file"]
        assert said.line == 3 and how in said.message and "cut off" in said.message
    for whole in (head + b"Beta,Eng,2024-03-02,fine", head + b"Beta,Eng,2024-03-02\n"):  # ends as rows do
        assert not [e for e in spreadsheet.parse(whole).errors if e.field == "file"]


def test_windows_1252_semicolons_and_day_first_dates_are_read():
    data = "Firma;Poste;Date de candidature;Statut\r\nSociété Générale;Analyste;23/10/2025;Refusé\r\nÉcole;Stagiaire;02/11/2025;\r\n"
    parsed = spreadsheet.parse(
        data.encode("cp1252"),
        mapping={"company": "Firma", "role": "Poste", "applied_on": "Date de candidature"},
    )
    assert parsed.applications["company"].tolist() == ["Société Générale", "École"]
    assert parsed.applications["applied_on"].tolist() == [dt.date(2025, 10, 23), dt.date(2025, 11, 2)]


def test_future_dates_and_too_long_text_are_row_errors():
    data = (
        "Company,Role,Date applied\nAcme,Analyst,2999-01-01\n" + "B" * 300 + ",Analyst,2025-01-01\n"
    ).encode()
    parsed = spreadsheet.parse(data)
    assert _errors(parsed) == [(2, "date applied"), (3, "company")]


# --- the real samples (optional) -------------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "import-samples"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared import samples are not here")


@needs_samples
@pytest.mark.parametrize(
    "name, fmt, applications, contacts, errors",
    [
        ("linkedin/Job_Applications__vishak_2023__redacted.csv", "linkedin-applications", 187, 0, 13),
        ("linkedin/Job_Applications_1__vishak_2023__redacted.csv", "linkedin-applications", 85, 0, 5),
        ("linkedin/Connections__2018_format__redacted_excerpt.csv", "linkedin-connections", 0, 25, 0),
        ("linkedin/Connections__2023_format__redacted_excerpt.csv", "linkedin-connections", 0, 39, 0),
        ("linkedin/Connections__2024_format__redacted_excerpt.csv", "linkedin-connections", 0, 130, 0),
        ("linkedin/Saved_Jobs__abhishek_2018.csv", "linkedin-saved-jobs", 0, 0, 0),
        ("linkedin/Job_Seeker_Preferences__vishak_2023.csv", "linkedin-preferences", 0, 0, 0),
        ("trackers/Test_Co-Op_Tracker_-_Sheet1__HarrisonDlgf__googlesheets.csv", "spreadsheet", 50, 0, 2),
        ("trackers/job_applications__altaiiiir_JobSankey.csv", "stage-history", 4, 0, 0),
        ("trackers/job_applications__sandervw_job-search.csv", "spreadsheet", 88, 0, 0),
        (
            "trackers/applications__15vishal-p_job-search-analysis-slovakia__excerpt.csv",
            "spreadsheet",
            73,
            0,
            0,
        ),
    ],
)
def test_the_real_samples_import_with_the_expected_counts(name, fmt, applications, contacts, errors):
    parsed = parse_bytes(name, (SAMPLES / name).read_bytes())[0]
    assert (parsed.format, len(parsed.applications), len(parsed.contacts), len(parsed.errors)) == (
        fmt,
        applications,
        contacts,
        errors,
    )


@needs_samples
def test_the_real_connections_count_hidden_members():
    parsed = parse_bytes(
        "c.csv", (SAMPLES / "linkedin/Connections__2024_format__redacted_excerpt.csv").read_bytes()
    )[0]
    assert parsed.skipped == {"hidden members": 5}


def test_a_skipped_count_reads_in_the_right_number():
    from lib.data.importers.rows import skipped_text

    assert skipped_text(1, "hidden members") == "1 hidden member"
    assert skipped_text(5, "hidden members") == "5 hidden members"
    assert skipped_text(1, "drafts (applied = No)") == "1 draft (applied = No)"


def test_a_date_out_of_any_search_is_refused_saying_which_days_are_read():
    data = b"Company,Role,Date Applied\nAcme,Analyst,1/1/1850\nBeta,Analyst,2026-01-05\n"
    parsed = spreadsheet.parse(data)
    assert [e.message for e in parsed.errors] == [
        "“1/1/1850” is not a date Rebound can read (a day between 1900 and 2200)."
    ]
    assert len(parsed.applications) == 1


def test_excel_day_numbers_are_read_as_the_days_they_stand_for():
    """A sheet saved without its date format writes 45700 for 12 Feb 2025: it was refused."""
    read = parse_dates(pd.Series(["45700", "45750.5", "2025-01-05", "12345"]))
    assert read.dates.tolist()[:3] == [
        pd.Timestamp(2025, 2, 12),
        pd.Timestamp(2025, 4, 3),
        pd.Timestamp(2025, 1, 5),
    ]
    assert pd.isna(read.dates.iloc[3])  # 1933: no day number a job search writes


def test_an_unreadable_date_says_what_to_change():
    mixed = b"Company,Role,Date Applied\nAcme,Analyst,15/03/2025\nBeta,Analyst,03/20/2025\n"
    [error] = spreadsheet.parse(mixed).errors
    assert error.message == (
        "“15/03/2025” can't be read: this file writes some dates day first (15/03/2025) and some "
        "month first (03/20/2025). Write them all one way."
    )
    no_such_day = b"Company,Role,Date Applied\nAcme,Analyst,31/02/2025\nBeta,Analyst,15/03/2025\n"
    [error] = spreadsheet.parse(no_such_day).errors
    assert error.message == "“31/02/2025” is not a day: that month has no day 31."


def test_a_bare_declined_in_a_stage_history_is_an_offer_turned_down_only_after_an_offer():
    data = (
        b"Company,Position,Date Applied,Stage History\n"
        b"Acme,Analyst,2025-01-02,screen 2025-01-05; declined 2025-01-09\n"
        b"Birch,Analyst,2025-01-02,offer 2025-01-20; declined 2025-01-22\n"
    )
    parsed = spreadsheet.parse(
        data,
        mapping={
            "company": "Company",
            "role": "Position",
            "applied_on": "Date Applied",
            "stage_history": "Stage History",
        },
    )
    events = parsed.events.merge(parsed.applications[["import_key", "company"]])
    kinds = {c: list(g["kind"]) for c, g in events.groupby("company")}
    assert kinds == {"Acme": ["screen", "rejected"], "Birch": ["offer", "declined"]}


def test_a_second_column_of_the_same_name_is_said_not_ignored_silently():
    data = b"Company,Role,Date Applied,Status,Status\nAcme,Analyst,2025-01-02,Applied,Rejected\n"
    parsed = spreadsheet.parse(data)
    assert "2 columns are named “Status”: the first is read. Rename the other in the file to read it." in (
        parsed.notices
    )
    assert parsed.events.empty  # the first, "Applied", is what was read


@pytest.mark.parametrize(
    "source, channel",
    [
        ("SmartRecruiters", "company site"),  # an application system, not a person reaching out
        ("ZipRecruiter", "job board"),
        ("Smart Recruiters", "company site"),  # spelt apart, the same system
        ("Recruiter (agency)", "recruiter"),
        ("Hays recruitment", "recruiter"),
        ("Referral from Jo", "referral"),
    ],
)
def test_a_board_or_system_with_recruit_in_its_name_is_not_a_recruiter(source, channel):
    from lib.data.importers.rows import channel_and_source

    channels, sources = channel_and_source(pd.Series([source], dtype=object))
    assert (channels.iloc[0], sources.iloc[0]) == (channel, source)


def test_a_last_update_column_is_taken_for_the_status_date():
    data = b"Company,Role,Date applied,Status,Last update\nAcme,Analyst,2025-03-01,Rejected,2025-03-20\n"
    [file] = parse_bytes("tracker.csv", data)
    assert file.mapping["status_date"] == "Last update"
    assert file.events["occurred_on"].tolist() == [dt.date(2025, 3, 20)]
