"""Other trackers' exports keep their statuses: Huntr, Hired, JobSync (drafts skipped), Simplify."""

from __future__ import annotations

from pathlib import Path

from lib.data.importers import parse_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def _parse(name: str):
    [parsed] = parse_bytes(name, (FIXTURES / name).read_bytes())
    return parsed


def _events(parsed) -> dict[str, list[str]]:
    apps = dict(zip(parsed.applications["import_key"], parsed.applications["company"]))
    out: dict[str, list[str]] = {}
    for key, kind in zip(parsed.events["import_key"], parsed.events["kind"]):
        out.setdefault(apps[key], []).append(kind)
    return out


def test_huntr_lists_become_stages_the_wishlist_saved_jobs_and_html_plain_text():
    parsed = _parse("huntr.csv")
    assert parsed.format == "huntr" and not parsed.errors
    assert sorted(parsed.applications["company"]) == ["Helix Bio", "Nimbus Travel", "Quill Health"]
    assert _events(parsed) == {"Helix Bio": ["rejected"], "Nimbus Travel": ["interview"]}
    assert parsed.saved_jobs["company"].tolist() == ["Orbit Labs"]
    notes = dict(zip(parsed.applications["company"], parsed.applications["notes"]))
    assert notes["Helix Bio"] == "Build pipelines" and "<" not in notes["Helix Bio"]
    assert notes["Nimbus Travel"] == "Salary: €70k"
    assert parsed.applications["source"].isna().all()  # the board's name is not a "board or ATS"


def test_hired_round_tells_how_far_it_got_and_closed_dates_the_ending():
    parsed = _parse("hired.csv")
    assert parsed.format == "hired" and not parsed.errors
    assert _events(parsed) == {"Fjord Mobility": ["final", "rejected"], "Civic Ledger": ["interview"]}
    fjord = parsed.events[parsed.events["kind"] == "rejected"]
    assert str(fjord["occurred_on"].iloc[0]) == "2025-02-28"
    notes = dict(zip(parsed.applications["company"], parsed.applications["notes"]))
    assert "Why it ended: Went with an internal candidate" in notes["Fjord Mobility"]
    assert "Tags: fintech, remote" in notes["Fjord Mobility"]
    assert "=Acme Corp" in parsed.applications["company"].tolist()  # the formula guard removed


def test_jobsync_drafts_are_skipped_and_counted_not_errors():
    parsed = _parse("jobsync_drafts.csv")
    assert parsed.format == "jobsync" and not parsed.errors
    assert parsed.skipped == {"drafts (applied = No)": 1}
    assert _events(parsed) == {"Helix Bio": ["interview"], "Nimbus Travel": ["rejected"]}


def test_simplify_upper_case_statuses_are_kept():
    [parsed] = parse_bytes(
        "simplify.csv",
        b"Job Title,Company Name,Job URL,Applied Date,Status,Status Date\n"
        b"Analyst,Fjord,https://jobs.example.com/1,2025-02-01,REJECTED,2025-02-20\n"
        b"Engineer,Ledger,https://jobs.example.com/2,2025-02-02,INTERVIEWING,\n",
    )
    assert parsed.format == "simplify"
    assert _events(parsed) == {"Fjord": ["rejected"], "Ledger": ["interview"]}
