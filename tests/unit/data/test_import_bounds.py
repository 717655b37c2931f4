"""Imports bound their work by the size of the input: hostile files (generated, small but in proportion)
fail fast with a clear message, and nothing is dropped without a word."""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest

from lib.__main__ import main
from lib.data import importers
from lib.data.importers import parse_bytes, parse_path, spreadsheet, text
from lib.data.importers.text import MAX_COLUMNS, MAX_FIELD

GOOD = b"Company,Role,Date applied,Status\nAcme,Analyst,2024-03-01,Applied\n"


def _messages(files) -> str:
    return " | ".join(e.message for f in files for e in f.errors)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_header_of_a_hundred_thousand_columns_fails_fast():
    data = (",".join(f"c{i}" for i in range(100_000)) + "\n" + ",".join("x" * 100_000) + "\n").encode()
    started = time.perf_counter()
    files = parse_bytes("wide.csv", data)
    assert time.perf_counter() - started < 5  # was minutes in the column guesser
    assert "This file has at least " in _messages(files) and f"up to {MAX_COLUMNS} columns" in _messages(
        files
    )
    assert files[0].applications.empty


def test_a_header_just_over_the_column_cap_is_refused_with_its_width():
    data = (",".join(f"c{i}" for i in range(MAX_COLUMNS + 100)) + "\n").encode()
    assert f"This file has {MAX_COLUMNS + 100:,} columns" in _messages(parse_bytes("wide.csv", data))


def test_a_cell_longer_than_any_spreadsheet_cell_stops_the_read_with_a_reason():
    data = (
        GOOD + b"Beta,Analyst,2024-03-02," + b"x" * (MAX_FIELD + 10) + b"\nGamma,Analyst,2024-03-03,Applied\n"
    )
    files = parse_bytes("long.csv", data)
    assert f"longer than {MAX_FIELD:,} characters" in _messages(files)
    assert list(files[0].applications["company"]) == ["Acme"]


@pytest.mark.parametrize("tail", [MAX_FIELD + 10, spreadsheet.PROBE + 10])
def test_a_header_line_longer_than_the_start_read_first_is_said_not_a_crash(tail):
    data = b"Company,Role,Date applied,Status," + b"x" * tail + b"\nAcme,Analyst,2024-03-01,Applied\n"
    [parsed] = parse_bytes("long-header.csv", data)
    if tail > MAX_FIELD:  # no spreadsheet has such a cell: the header is not read, and that is said
        assert f"The header can't be read: a cell is longer than {MAX_FIELD:,}" in _messages([parsed])
        assert parsed.applications.empty
    else:  # a long last cell: the columns the start showed are there still, and read
        assert list(parsed.applications["company"]) == ["Acme"]


def test_nul_characters_are_removed_and_reported_row_by_row():
    data = (
        GOOD
        + b"Be\x00ta,Analyst,2024-03-02,Applied\nGamma,Analyst,2024-03-03,Applied\nDel\x00\x00ta,X,2024-03-04,Applied\n"
    )
    files = parse_bytes("nul.csv", data)
    nul = [(e.line, e.message) for e in files[0].errors if "NUL" in e.message]
    assert nul == [
        (3, "This row held 1 invisible NUL character; removed."),
        (5, "This row held 2 invisible NUL characters; removed."),
    ]
    assert list(files[0].applications["company"]) == ["Acme", "Beta", "Gamma", "Delta"]


def test_a_header_that_cant_be_mapped_stops_before_the_rest_is_read(monkeypatch):
    calls = []
    real = spreadsheet.read_table
    monkeypatch.setattr(spreadsheet, "read_table", lambda data, *a: calls.append(len(data)) or real(data, *a))
    data = b"Alpha,Beta,Gamma\n" + b"one,two,three\n" * 150_000
    files = parse_bytes("unmapped.csv", data)
    assert "No column is mapped to Company or Date applied" in _messages(files)
    assert "Only the start of the file was read" in files[0].notices[0]
    assert max(calls) <= spreadsheet.PROBE < len(data)


def test_a_zip_of_ten_thousand_members_is_refused_without_reading_them():
    data = _zip({f"f{i}.txt": b"" for i in range(10_000)})
    started = time.perf_counter()
    files = parse_bytes("many.zip", data)
    assert time.perf_counter() - started < 5
    assert "holds 10,000 files" in _messages(files) and "Nothing in it was read" in _messages(files)


def test_a_zip_of_many_connection_files_is_refused():
    data = _zip({f"d{i}/Connections.csv": b"First Name,Last Name,Connected On\n" for i in range(40)})
    assert "holds 40 application and connection files" in _messages(parse_bytes("many.zip", data))


def test_decompression_is_counted_across_members(monkeypatch):
    monkeypatch.setattr(importers, "MAX_ZIP_TOTAL", 1_000_000)
    filler = b"Acme,Analyst,2024-03-01,Applied\n" * 12_000  # ~380 KB each, a few KB compressed
    members = {name: b"Company,Role,Date applied,Status\n" + filler for name in ("a", "b", "c", "d")}
    data = _zip({f"Job Applications {k}.csv": v for k, v in members.items()})
    files = parse_bytes("big.zip", data)
    refused = [f.path for f in files if "unpack to more than" in _messages([f])]
    assert refused == ["big.zip/Job Applications c.csv", "big.zip/Job Applications d.csv"]


def test_a_zip_inside_the_zip_is_not_opened():
    inner = _zip({"Connections.csv": b"First Name,Last Name,Connected On\n"})
    files = parse_bytes("outer.zip", _zip({"Connections.csv": inner}))
    assert "zip inside the zip" in _messages(files)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_FILE", 1024 * 1024)
    path = tmp_path / "big.csv"
    path.write_bytes(GOOD + b"x" * (2 * 1024 * 1024))
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read the whole file"))
    assert "imports files of up to 1 MB" in _messages(parse_path(path))


def test_import_exits_non_zero_and_says_why_when_nothing_could_be_imported(tmp_path, capsys):
    bad = tmp_path / "wide.csv"
    bad.write_bytes(b"Alpha,Beta\none,two\n")
    assert main(["import", str(bad), "--db", str(tmp_path / "r.db")]) == 1
    err = capsys.readouterr().err
    assert "Nothing could be imported" in err and "No column is mapped to Company" in err

    good = tmp_path / "good.csv"
    good.write_bytes(GOOD)
    assert main(["import", str(good), "--db", str(tmp_path / "r.db")]) == 0
    assert main(["import", str(good), "--db", str(tmp_path / "r.db")]) == 0  # all duplicates: already there


def _tracker(rows: list[str]) -> bytes:
    return ("Company,Role,Date applied,Status,Notes\n" + "".join(rows)).encode()


def test_a_quote_that_never_closes_is_said_and_the_rows_after_it_still_come_in():
    """A stray quote used to fold every later row into one note: 3 imported of 20, no word."""
    rows = [f"Firm {i},Dev,2025-01-{i + 1:02d},Applied,fine\n" for i in range(20)]
    rows[2] = 'Firm 2,Dev,2025-01-03,Applied,"told me to wait\n'
    rows[9] = 'Firm 9,Dev,"2025-01-10,Applied,fine\n'
    [parsed] = parse_bytes("tracker.csv", _tracker(rows))
    assert sorted(parsed.applications["company"]) == sorted(f"Firm {i}" for i in range(20) if i not in (2, 9))
    stray = [e.line for e in parsed.errors if "opens a quote" in e.message]
    assert stray == [4, 11]  # the lines the two rows start on
    assert parsed.applications["notes"].fillna("").str.len().max() < 10


def test_a_note_over_several_lines_is_one_cell_still():
    rows = ['Acme,Dev,2025-01-01,Applied,"Spoke to HR, nice\nFollow up, maybe, next week\nok"\n']
    [parsed] = parse_bytes("tracker.csv", _tracker(rows + ["Birch,Dev,2025-01-02,Applied,x\n"]))
    assert parsed.applications["company"].tolist() == ["Acme", "Birch"] and not parsed.errors
    assert parsed.applications["notes"].iloc[0].count("\n") == 2


def test_a_file_of_more_lines_than_a_search_has_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(importers, "MAX_LINES", 1_000)
    calls = []
    monkeypatch.setattr(spreadsheet, "read_table", lambda *a, **k: calls.append(1))
    data = GOOD + b"Acme,Analyst,2024-03-01,Applied\n" * 1_000
    [parsed] = parse_bytes("big.csv", data)
    assert "1,002 lines" in _messages([parsed]) and "up to 1,000" in _messages([parsed])
    assert calls == [] and parsed.applications.empty
    monkeypatch.setattr(spreadsheet, "read_table", text.read_table)
    [fits] = parse_bytes("fits.csv", GOOD + b"Birch,Analyst,2024-03-01,Applied\n" * 900)
    assert not fits.errors


def test_one_damaged_byte_in_a_utf8_file_is_said_and_the_rest_reads_as_utf8():
    """It used to switch the whole file to Windows-1252: "Société" came in as "SociÃ©tÃ©"."""
    data = "Company,Role,Date applied\nSociété Générale,Développeur,2025-01-02\n".encode()
    data += b"Bad\xffCo,Dev,2025-01-03\n"
    [parsed] = parse_bytes("damaged.csv", data)
    assert parsed.applications["company"].tolist() == ["Société Générale", "Bad\ufffdCo"]
    assert [(e.line, "not text" in e.message) for e in parsed.errors] == [(3, True)]


def test_a_windows_1252_file_still_reads_as_windows_1252():
    [parsed] = parse_bytes("cp.csv", "Company,Role,Date applied\nSociété,Dév,2025-01-02\n".encode("cp1252"))
    assert parsed.applications["company"].tolist() == ["Société"] and not parsed.errors


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "This file has no rows"),
        (b"\n\n  \n", "This file has no rows"),
        (b"Company,Role,Date applied\n", "This file has only a header and no rows"),
    ],
)
def test_a_file_with_nothing_in_it_says_so(data, said):
    [parsed] = parse_bytes("empty.csv", data)
    assert said in _messages([parsed]) and parsed.applications.empty


def test_an_empty_file_inside_a_linkedin_archive_is_not_a_problem():
    archive = _zip({"Saved Jobs.csv": b"Saved Date,Job Url,Job Title,Company Name\n"})
    assert not any("nothing in it to import" in _messages([f]) for f in parse_bytes("export.zip", archive))


def test_the_command_line_says_which_status_words_it_could_not_read(tmp_path, capsys):
    """The app's preview asks what "Parked" means; the command line used to read it as "applied"
    without a word."""
    path = tmp_path / "statuses.csv"
    path.write_bytes(_tracker(["Acme,Dev,2025-01-02,Parked,x\n", "Birch,Dev,2025-01-03,Rejected,x\n"]))
    assert main(["import", str(path), "--db", str(tmp_path / "r.db"), "--json"]) == 0
    [notice] = json.loads(capsys.readouterr().out)["files"][0]["notices"]
    assert "1 status word (“Parked”, 1 row)" in notice and "read as applied, still open" in notice


def test_an_application_dated_1990_is_kept_but_said_and_one_dated_1900_is_refused():
    """01/01/1900 is a blank cell or a slipped year (it put Traction's axis in 1900), as the form says."""
    [parsed] = parse_bytes(
        "old.csv",
        _tracker(
            [
                "Acme,Dev,1990-01-01,Applied,x\n",
                "Birch,Dev,2025-01-03,Applied,x\n",
                "Cedar,Dev,1900-01-01,Applied,x\n",
            ]
        ),
    )
    assert parsed.applications["company"].tolist() == ["Acme", "Birch"]
    assert any("1 application dated before 2000 (line 2)" in n for n in parsed.notices)
    assert [(e.line, e.message) for e in parsed.errors] == [
        (4, "The date applied is too long ago: check the year.")
    ]


def test_a_connection_whose_profile_link_cant_be_used_comes_in_without_it_and_it_is_said():
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ana,Lee,javascript:alert(1),ana@example.com,Acme,Recruiter,01 Mar 2025\n"
        b"Ben,Ito,https://www.linkedin.com/in/ben,not-an-email,Birch,Engineer,02 Mar 2025\n"
    )
    [parsed] = parse_bytes("Connections.csv", data)
    assert parsed.contacts["name"].tolist() == ["Ana Lee", "Ben Ito"]
    assert parsed.contacts["profile_url"].isna().tolist() == [True, False]
    said = " ".join(parsed.notices)
    assert "1 profile link couldn't be used" in said and "1 email address couldn't be used" in said


def test_one_endless_line_is_said_not_to_be_a_table_not_sent_to_the_mapping():
    # "No column is mapped to Company: pick it in the mapping" offered a column named "aaaa…"
    files = parse_bytes("junk.csv", b"a" * 300_000)
    said = _messages(files)
    assert "doesn't look like a table of applications" in said and "one cell of" in said
    assert "pick it in the mapping" not in said and not files[0].notices
