"""The MCP server in-process, driven by the SDK's own client: tools, reads on demo data, writes."""

from __future__ import annotations

import datetime as dt
import json

import anyio
import pytest
from mcp import Client

from lib.core import db
from lib.core.models import ApplicationIn
from lib.data import demo
from lib.data.mcp import server
from lib.store import applications as app_store
from lib.store import base

READ_TOOLS = {
    "search_applications",
    "application_timeline",
    "question_library",
    "traction_summary",
    "next_actions",
    "this_week_plan",
}
WRITE_TOOLS = {"add_application", "record_stage_event", "add_contact"}
PRIVATE_TOOLS = {"reflections", "mood_history", "writing_sessions"}


@pytest.fixture(scope="module")
def demo_engine(tmp_path_factory):
    engine = db.open_database(f"sqlite:///{tmp_path_factory.mktemp('mcp') / 'demo.db'}")
    demo.build(engine)
    yield engine
    engine.dispose()


def _session(engine, calls, **flags):
    """Run `calls` (a list of (tool, arguments)) in one session; returns (tool names, results)."""

    async def run():
        async with Client(server.build(engine, **flags), cache=None) as client:
            tools = await client.list_tools()
            results = [await client.call_tool(name, args) for name, args in calls]
            return tools.tools, results

    return anyio.run(run)


def _json(result) -> dict:
    assert not result.is_error, result.content[0].text
    return json.loads(result.content[0].text)


def test_tools_have_names_descriptions_and_typed_inputs(demo_engine):
    tools, _ = _session(demo_engine, [])
    by_name = {t.name: t for t in tools}
    assert set(by_name) == READ_TOOLS | WRITE_TOOLS
    for tool in tools:
        assert len(tool.description or "") > 30
        assert tool.input_schema["type"] == "object"
    schema = by_name["add_application"].input_schema
    assert set(schema["required"]) == {"company", "role", "applied_on"}
    assert "job board" in json.dumps(schema["properties"]["channel"])
    assert by_name["search_applications"].annotations.read_only_hint is True


def test_reflections_and_mood_are_tools_only_when_included(demo_engine):
    tools, _ = _session(demo_engine, [], include_reflections=True)
    assert {t.name for t in tools} >= PRIVATE_TOOLS


def test_every_read_tool_answers_on_demo_data(demo_engine):
    calls = [
        ("search_applications", {"limit": 5}),
        ("application_timeline", {"application_id": 1}),
        ("question_library", {"limit": 10}),
        ("traction_summary", {}),
        ("next_actions", {}),
        ("this_week_plan", {}),
    ]
    _, results = _session(demo_engine, calls)
    search, timeline, library, summary, actions, plan = map(_json, results)
    assert search["matching"] == 60 and len(search["applications"]) == 5
    assert {"furthest_stage", "outcome", "company"} <= set(search["applications"][0])
    assert timeline["id"] == 1 and timeline["stage_events"] is not None and "reflections" not in timeline
    assert all(isinstance(e["invitation"], bool) for e in timeline["stage_events"])
    averages = [c["average_rating"] for c in library["categories"] if c["average_rating"] is not None]
    assert averages == sorted(averages) and library["questions"]
    assert summary["applications"] == 60 and len(summary["traction_rate"]["interval_95"]) == 2
    assert "95%" in summary["claim_rules"]
    assert all("note" in g or "traction" in g for g in summary["by_channel"])
    assert all(g["applications"] >= 5 for g in summary["by_channel"] if "traction" in g)
    assert "actions" in actions and actions["open"] >= len(actions["actions"])
    assert plan["this_week"][0]["what"] == "Week of" and "pace" in plan


def test_filters_narrow_the_search(demo_engine):
    _, results = _session(
        demo_engine, [("search_applications", {"outcome": "rejected", "channel": "job board"})]
    )
    found = _json(results[0])["applications"]
    assert found and all(a["outcome"] == "rejected" and a["channel"] == "job board" for a in found)


def test_the_search_counts_ghosted_and_open_as_the_apps_log_does(engine):
    today = dt.date.today()
    for company, days in (("Quiet Co", 45), ("New Co", 2)):
        app_store.add_application(
            engine,
            ApplicationIn(company=company, role="Analyst", applied_on=today - dt.timedelta(days=days)),
        )
    calls = [("search_applications", {"outcome": kind}) for kind in ("ghosted", "open")]
    _, results = _session(engine, calls)
    ghosted, still_open = (_json(r)["applications"] for r in results)
    assert [(a["company"], a["outcome"]) for a in ghosted] == [("Quiet Co", "ghosted")]
    assert [(a["company"], a["outcome"]) for a in still_open] == [("New Co", "open")]


def test_private_reads_with_include_reflections(demo_engine):
    rejected = app_store.load_applications(demo_engine)["id"].tolist()
    calls = [("reflections", {"limit": 3}), ("mood_history", {"weeks": 52})]
    calls += [("application_timeline", {"application_id": i}) for i in rejected[:60]]
    _, results = _session(demo_engine, calls, include_reflections=True)
    reflections, moods = _json(results[0]), _json(results[1])
    assert len(reflections["reflections"]) == 3 and reflections["reflections"][0]["answers"]
    assert moods["check_ins"] and {"score", "words"} <= set(moods["check_ins"][0])
    assert any(_json(r)["reflections"] for r in results[2:])


def test_a_write_is_refused_without_allow_writes_and_nothing_is_written(engine):
    args = {"company": "Acme", "role": "Analyst", "applied_on": dt.date.today().isoformat()}
    _, results = _session(engine, [("add_application", args)])
    assert results[0].is_error and "--allow-writes" in results[0].content[0].text
    assert base.count_rows(engine, db.applications) == 0


def test_writes_with_allow_writes_are_applied_and_reported(engine):
    today = dt.date.today().isoformat()
    calls = [
        (
            "add_application",
            {"company": "Acme", "role": "Analyst", "applied_on": today, "channel": "referral"},
        ),
        ("record_stage_event", {"application_id": 1, "kind": "screen", "occurred_on": today}),
        (
            "add_contact",
            {"name": "Ada Byron", "company": "Acme", "role": "recruiter", "email": "ada@acme.example"},
        ),
    ]
    _, results = _session(engine, calls, allow_writes=True)
    added, event, contact = map(_json, results)
    assert added["written"] == "application" and "Acme — Analyst" in added["summary"]
    assert event["written"] == "stage event" and "screen" in event["summary"]
    assert contact["written"] == "contact" and "Ada Byron" in contact["summary"]
    assert app_store.get_application(engine, 1)["channel"] == "referral"
    assert app_store.events_for(engine, 1)["kind"].tolist() == ["screen"]


@pytest.mark.parametrize(
    ("tool", "args", "message"),
    [
        ("add_application", {"company": "Acme", "role": "Analyst", "applied_on": "2999-01-01"}, "future"),
        ("add_application", {"company": " ", "role": "Analyst", "applied_on": "2026-01-01"}, "company"),
        ("add_contact", {"name": "Ada", "email": "not-an-email"}, "email"),
        (
            "record_stage_event",
            {"application_id": 99, "kind": "screen", "occurred_on": "2026-01-01"},
            "no application",
        ),
        ("add_application", {"company": "Acme", "role": "Analyst", "applied_on": "yesterday"}, "applied_on"),
    ],
)
def test_an_invalid_write_is_a_clear_tool_error_and_writes_nothing(engine, tool, args, message):
    before = {t: base.count_rows(engine, t) for t in (db.applications, db.contacts, db.stage_events)}
    _, results = _session(engine, [(tool, args)], allow_writes=True)
    assert results[0].is_error
    assert message in results[0].content[0].text
    assert {t: base.count_rows(engine, t) for t in before} == before


def test_an_event_the_history_refuses_is_a_tool_error(engine):
    today = dt.date.today()
    calls = [
        ("add_application", {"company": "Acme", "role": "Analyst", "applied_on": today.isoformat()}),
        ("record_stage_event", {"application_id": 1, "kind": "screen", "occurred_on": "2020-01-01"}),
    ]
    _, results = _session(engine, calls, allow_writes=True)
    assert results[1].is_error and "before the application date" in results[1].content[0].text
    assert app_store.events_for(engine, 1).empty


def test_an_empty_database_answers_every_read_tool(engine):
    calls = [(name, {}) for name in sorted(READ_TOOLS - {"application_timeline"})]
    calls.append(("application_timeline", {"application_id": 1}))
    _, results = _session(engine, calls)
    answers = dict(zip([c[0] for c in calls], results, strict=True))
    assert _json(answers["search_applications"])["matching"] == 0
    assert _json(answers["traction_summary"])["traction_rate"]["text"] == "too few to tell"
    assert answers["application_timeline"].is_error
    assert "no application with id 1" in answers["application_timeline"].content[0].text


def test_written_sessions_are_read_only_with_include_reflections(engine):
    from lib.store import writing as writing_store

    session = writing_store.start_session(engine, 1)
    writing_store.finish(engine, session, "What I could not say out loud")
    tools, results = _session(engine, [("writing_sessions", {})])
    assert "writing_sessions" not in {t.name for t in tools} and results[0].is_error
    _, results = _session(engine, [("writing_sessions", {})], include_reflections=True)
    assert _json(results[0])["sessions"][0]["text"] == "What I could not say out loud"


def test_an_unexpected_failure_is_a_tool_error_and_the_server_carries_on(engine, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire at /secret/path")

    monkeypatch.setattr(server.reads, "question_library", broken)
    _, results = _session(engine, [("question_library", {}), ("search_applications", {})])
    assert results[0].is_error
    assert "could not do that (RuntimeError)" in results[0].content[0].text
    assert "/secret/path" not in results[0].content[0].text
    assert _json(results[1])["matching"] == 0


def test_the_next_actions_an_assistant_reads_hold_back_what_a_running_pause_holds(tmp_path):
    from lib.core.models import RejectionIn, StageEventIn
    from lib.data.mcp import reads
    from lib.store import reflections as reflection_store

    engine = db.open_database(f"sqlite:///{tmp_path / 'r.db'}")
    today = dt.date.today()
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=today - dt.timedelta(days=20))
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=today - dt.timedelta(days=5)),
    )
    reflection_store.record_rejection(
        engine,
        RejectionIn(
            application_id=app_id,
            stage_reached="interview",
            occurred_on=today - dt.timedelta(days=1),
            via="email",
            mood=2,
            pause_until=dt.datetime.combine(today + dt.timedelta(days=2), dt.time(18)),
            answers={"mood": 2},
        ),
    )
    read = reads.open_next_actions(engine)
    # nothing asked during the pause (the thank-you is held, as on Home), and that is said
    assert not [a for a in read["actions"] if "thank-you" in a["title"]]
    assert read["held_for_a_pause"] >= 1
    engine.dispose()


def test_the_assistant_is_told_a_stand_in_day_applied_is_one(engine):
    from lib.data.importers import parse_bytes
    from lib.data.mcp import reads
    from lib.store import imports as import_store

    import_store.apply(
        engine,
        parse_bytes(
            "tracker.csv",
            b"Company,Role,Date applied,Status,Status date\nAcme,Analyst,,Rejected,2026-02-10\n",
        ),
    )
    [found] = reads.search_applications(engine)["applications"]
    assert (found["applied_on"], found["applied_known"]) == ("2026-02-10", False)
    assert reads.application_timeline(engine, found["id"])["applied_known"] is False
