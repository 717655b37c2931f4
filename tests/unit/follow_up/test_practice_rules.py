"""The practices' next actions: don't coast at its 7-day boundary, planned slots, setback plans; .ics slots."""

from __future__ import annotations

import datetime as dt

import icalendar
import pandas as pd

from lib.follow_up import next_actions, practice_rules
from lib.follow_up.calendar import actions_to_ics

TODAY = dt.date(2026, 12, 3)  # a Thursday


def test_the_rules_are_registered_with_the_list() -> None:
    names = {func.__name__ for func in next_actions.RULES}
    assert {"planned_slots", "dont_coast", "setback_plans"} <= names


def test_seven_days_without_a_new_application_while_interviewing_is_an_action_six_is_not() -> None:
    assert practice_rules.coasting_action(TODAY - dt.timedelta(days=6), 1, TODAY) is None
    action = practice_rules.coasting_action(TODAY - dt.timedelta(days=7), 1, TODAY)
    assert action is not None and action.due_on == TODAY and "7 days" in action.detail
    assert "overdue" not in (action.title + action.detail).lower()


def test_no_running_process_or_no_application_at_all_is_no_action() -> None:
    assert practice_rules.coasting_action(TODAY - dt.timedelta(days=30), 0, TODAY) is None
    assert practice_rules.coasting_action(None, 2, TODAY) is None
    facts = {"coasting": pd.DataFrame([{"last_applied_on": "2026-11-20", "running": 2}])}
    assert [a.kind for a in practice_rules.dont_coast(facts, TODAY)] == ["keep-going"]


def _plan(**kw) -> pd.DataFrame:
    row = {"id": 4, "week_start": dt.date(2026, 11, 30), "applications": 3, "if_then": [], "slots": []}
    return pd.DataFrame([{**row, **kw}])


def test_slots_from_today_to_a_week_ahead_become_actions_with_their_time() -> None:
    slots = [
        {"day": 0, "time": "09:00", "what": "apply"},
        {"day": 3, "time": "14:00"},
        {"day": 4, "time": "10:30"},
    ]
    actions = practice_rules.planned_slots({"plan": _plan(slots=slots)}, TODAY)
    assert [a.due_on.isoformat() for a in actions] == ["2026-12-03", "2026-12-04", "2026-12-07"]
    assert actions[0].params["time"] == "14:00" and actions[2].title.endswith("— apply")


def test_a_plan_for_next_week_has_no_slots_this_week() -> None:
    plan = _plan(week_start=dt.date(2026, 12, 7), slots=[{"day": 3, "time": "14:00"}])
    assert practice_rules.planned_slots({"plan": plan}, TODAY) == []
    assert practice_rules.planned_slots({}, TODAY) == []


def test_a_final_round_without_a_setback_note_offers_one() -> None:
    finals = pd.DataFrame([{"application_id": 9, "final_on": "2026-12-01", "company": "Acme"}])
    (action,) = practice_rules.setback_plans({"finals": finals}, TODAY)
    assert action.params == {"setback": "9"} and action.target == "practice"


def test_slots_go_in_the_calendar_at_their_time_and_other_actions_all_day() -> None:
    slot = practice_rules.planned_slots(
        {"plan": _plan(slots=[{"day": 3, "time": "14:00", "minutes": 45}])}, TODAY
    )[0]
    other = practice_rules.coasting_action(TODAY - dt.timedelta(days=8), 1, TODAY)
    events = icalendar.Calendar.from_ical(actions_to_ics([slot, other], TODAY)).walk("VEVENT")
    starts = {str(e["summary"]): (e.decoded("dtstart"), e.decoded("dtend")) for e in events}
    assert starts[slot.title] == (dt.datetime(2026, 12, 3, 14, 0), dt.datetime(2026, 12, 3, 14, 45))
    assert starts[other.title] == (TODAY, TODAY + dt.timedelta(days=1))
