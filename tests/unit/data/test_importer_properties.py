"""Properties of every importer: no input makes them raise, what they accept is valid, and an
export imports back as it was. At least 200 examples each."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.core import vocab
from lib.core.models import ApplicationIn
from lib.data.export import frame_to_csv
from lib.data.importers import linkedin, parse_bytes, spreadsheet
from lib.data.importers.rows import FIELDS, ParsedFile
from lib.store.data import _stage_history

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LINKEDIN_HEADERS = {
    linkedin.parse_applications: "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,"
    "Job Url,Resume Name,Question And Answers",
    linkedin.parse_saved_jobs: "Saved Date,Job Url,Job Title,Company Name",
    linkedin.parse_connections: "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
}

cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "null",
            "N/A",
            "=1+1",
            "'=x",
            "2024-02-30",
            "9/19",
            "6/18/22, 5:28 AM",
            "30 May 2024",
            "13/13/13",
            "Final Round",
            "Ghosted (no reply)",
            "https://x.example/a",
            "\ufeff",
            "\x00",
            '"',
        ]
    ),
    st.text(min_size=195, max_size=260),
)


def _csv(header: list[str], rows: list[list[str]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8", "surrogatepass")


def _sound(parsed: ParsedFile) -> None:
    assert isinstance(parsed, ParsedFile)
    for error in parsed.errors:
        assert isinstance(error.line, int) and error.line >= 0
        assert error.field and error.message
    for row in parsed.applications.to_dict("records"):
        ApplicationIn(
            company=row["company"],
            role=row["role"],
            applied_on=row["applied_on"],
            channel=row["channel"],
            source=row["source"],
            job_url=row["job_url"],
            resume_version=row["resume_version"],
            location=row["location"],
            work_mode=row["work_mode"],
            notes=row["notes"],
        )
    if not parsed.events.empty:
        assert set(parsed.events["kind"]) <= set(vocab.EVENT_KINDS)
        assert set(parsed.events["import_key"]) <= set(parsed.applications["import_key"])


# --- any bytes ---------------------------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=2_000))
def test_any_bytes_never_raise_out_of_the_spreadsheet_importer(data):
    _sound(spreadsheet.parse(data))


@SETTINGS
@given(st.binary(max_size=2_000), st.sampled_from(list(LINKEDIN_HEADERS)))
def test_any_bytes_never_raise_out_of_the_linkedin_importers(data, parser):
    _sound(parser(data))
    _sound(parser(LINKEDIN_HEADERS[parser].encode() + b"\r\n" + data))


@SETTINGS
@given(st.binary(max_size=1_000), st.sampled_from(["Jobs/Job Applications.csv", "Connections.csv", "x.csv"]))
def test_any_bytes_in_a_zip_never_raise(data, member):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, data)
    for parsed in parse_bytes("archive.zip", buffer.getvalue()):
        _sound(parsed)
    for parsed in parse_bytes("archive.zip", b"PK\x03\x04" + data):
        _sound(parsed)


# --- any header, any cell -----------------------------------------------------------------------------


@SETTINGS
@given(
    header=st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Company",
                    "Role",
                    "Date Applied",
                    "Status",
                    "Status Date",
                    "Source",
                    "Link",
                    "Notes",
                    "Stage History",
                    "Location",
                    "Work mode",
                ]
            ),
            st.text(max_size=15),
        ),
        min_size=1,
        max_size=8,
    ),
    rows=st.lists(st.lists(cell, max_size=9), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_header_and_any_cell_never_raise_and_what_is_accepted_is_valid(header, rows, delimiter):
    _sound(spreadsheet.parse(_csv(header, rows, delimiter)))


@SETTINGS
@given(
    rows=st.lists(st.lists(cell, min_size=8, max_size=8), max_size=6),
    parser=st.sampled_from(list(LINKEDIN_HEADERS)),
)
def test_any_cell_in_a_linkedin_file_never_raises(rows, parser):
    header = next(csv.reader([LINKEDIN_HEADERS[parser]]))
    _sound(parser(_csv(header, [r[: len(header)] for r in rows])))


@SETTINGS
@given(
    mapping=st.dictionaries(st.sampled_from(list(FIELDS)), st.sampled_from(["a", "b", "c", "zzz"])),
    rows=st.lists(st.lists(cell, min_size=3, max_size=3), max_size=5),
    statuses=st.dictionaries(
        st.text(max_size=10),
        st.tuples(st.sampled_from(vocab.STAGES), st.sampled_from(vocab.OUTCOMES + (vocab.OPEN,))),
    ),
)
def test_any_mapping_and_status_map_never_raise(mapping, rows, statuses):
    _sound(spreadsheet.parse(_csv(["a", "b", "c"], rows), mapping=mapping, status_map=statuses))


# --- export -> import ------------------------------------------------------------------------------

text = (
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=60)
    .map(str.strip)
    .filter(
        lambda s: s and s.casefold() not in {"null", "none", "n/a", "na", "nan", "-", "--", "nil", "#n/a"}
    )
)
ladder = st.lists(st.sampled_from(["screen", "interview", "final", "offer"]), max_size=4).map(
    lambda kinds: sorted(kinds, key=vocab.STAGE_RANK.get)
)


@st.composite
def applications(draw):
    n = draw(st.integers(1, 4))
    rows, events = [], []
    for i in range(n):
        applied = draw(st.dates(dt.date(2015, 1, 1), dt.date.today() - dt.timedelta(days=60)))
        rows.append(
            {
                "id": i + 1,
                "company": draw(text),
                "company_id": 1,
                "role": draw(text) + f" #{i}",
                "applied_on": applied,
                "channel": draw(st.sampled_from(vocab.CHANNELS)),
                "source": draw(st.none() | text),
                "job_url": draw(
                    st.none() | st.sampled_from(["https://jobs.example.com/1", "http://a.example/x?y=1"])
                ),
                "resume_version": draw(st.none() | text),
                "location": draw(st.none() | text),
                "work_mode": draw(st.none() | st.sampled_from(vocab.WORK_MODES)),
                "notes": draw(st.none() | text),
            }
        )
        day = applied
        kinds = draw(ladder)
        ending = draw(
            st.sampled_from(
                [None, "rejected", "ghosted", "withdrawn"] + (["declined"] if "offer" in kinds else [])
            )
        )
        for kind in kinds + ([ending] if ending else []):
            day = day + dt.timedelta(days=draw(st.integers(0, 10)))
            events.append({"id": len(events) + 1, "application_id": i + 1, "kind": kind, "occurred_on": day})
    return pd.DataFrame(rows), pd.DataFrame(events, columns=["id", "application_id", "kind", "occurred_on"])


@SETTINGS
@given(applications())
def test_an_export_imports_back_as_it_was(generated):
    apps, events = generated
    apps["stage_history"] = apps["id"].map(_stage_history(events)) if not events.empty else None
    parsed = spreadsheet.parse(frame_to_csv(apps))
    assert parsed.format == "rebound" and parsed.errors == []
    columns = [
        "company",
        "role",
        "applied_on",
        "channel",
        "source",
        "job_url",
        "resume_version",
        "location",
        "work_mode",
        "notes",
    ]
    expected = apps[columns].astype(object).where(apps[columns].notna(), None).to_dict("records")
    assert parsed.applications[columns].to_dict("records") == expected
    got = parsed.events.merge(parsed.applications[["import_key", "role"]])
    role_of = apps.set_index("id")["role"]
    assert sorted(zip(got["role"], got["kind"], got["occurred_on"])) == sorted(
        zip(events["application_id"].map(role_of), events["kind"], events["occurred_on"])
    )
