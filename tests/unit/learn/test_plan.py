"""The weekly plan: week boundaries, which plan holds, progress by calendar date, validation."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from pydantic import ValidationError

from lib.learn import plan as wp

MON = dt.date(2026, 11, 30)  # a Monday
SUN = MON + dt.timedelta(days=6)


def _plans(*rows: dict) -> pd.DataFrame:
    base = {"applications": 5, "slots": [], "if_then": [], "created_at": dt.datetime(2026, 11, 1)}
    return pd.DataFrame([{**base, "id": i + 1, **row} for i, row in enumerate(rows)])


def test_a_week_runs_monday_to_sunday() -> None:
    assert wp.week_start(MON) == MON
    assert wp.week_start(SUN) == MON
    assert wp.week_start(SUN + dt.timedelta(days=1)) == MON + dt.timedelta(days=7)


def test_progress_counts_sunday_in_the_week_and_the_next_monday_not() -> None:
    applied = pd.Series([MON - dt.timedelta(days=1), MON, SUN, SUN + dt.timedelta(days=1)])
    notes = pd.Series([pd.Timestamp(SUN)])
    practised = pd.Series(
        [dt.datetime.combine(SUN, dt.time(23, 59)), dt.datetime.combine(MON, dt.time(0, 0))]
    )
    progress = wp.week_progress(_plans({"week_start": MON}), applied, notes, practised, SUN)
    assert (progress.monday, progress.applications, progress.follow_ups, progress.practice) == (MON, 2, 1, 2)
    assert "2 of 5 planned applications" in progress.sentence()


def test_the_newest_plan_starting_on_or_before_the_week_holds() -> None:
    plans = _plans(
        {"week_start": MON - dt.timedelta(days=14), "applications": 3},
        {"week_start": MON, "applications": 8},
        {"week_start": MON + dt.timedelta(days=7), "applications": 1},
    )
    assert wp.plan_for(plans, SUN)["applications"] == 8
    assert wp.plan_for(plans, MON - dt.timedelta(days=1))["applications"] == 3
    assert wp.plan_for(plans, MON - dt.timedelta(days=15)) is None


def test_a_week_with_no_plan_says_so_kindly() -> None:
    progress = wp.week_progress(
        pd.DataFrame(),
        pd.Series([], dtype=object),
        pd.Series([], dtype=object),
        pd.Series([], dtype=object),
        MON,
    )
    assert progress.plan is None
    assert "No plan yet" in progress.sentence()


def test_a_plan_with_zero_applications_is_fine_and_said_so() -> None:
    plan, errors = wp.validate_plan(
        {"week_start": MON, "applications": 0, "slots": [{"day": 0, "time": "9:00"}]}
    )
    assert errors == {} and plan.applications == 0 and plan.slots[0].time == "09:00"
    progress = wp.WeekProgress(MON, plan.model_dump(), 0, 0, 0)
    assert "no applications this week" in progress.sentence()


def test_an_if_then_with_an_empty_then_is_an_error_beside_that_row() -> None:
    plan, errors = wp.validate_plan(
        {
            "week_start": MON,
            "applications": 2,
            "if_then": [{"moment": "rejection", "when": "I get a no", "then": "  "}],
        }
    )
    assert plan is None
    assert "then" in errors["if_then.0"].lower()


def test_blank_if_then_rows_are_dropped_and_four_are_too_many() -> None:
    plan, errors = wp.validate_plan(
        {"week_start": MON, "applications": 1, "if_then": [{"when": "", "then": ""}]}
    )
    assert errors == {} and plan.if_then == []
    rows = [{"moment": "other", "when": f"if {i}", "then": "go"} for i in range(4)]
    plan, errors = wp.validate_plan({"week_start": MON, "applications": 1, "if_then": rows})
    assert plan is None and "if_then" in errors


def test_an_empty_plan_and_a_bad_time_are_refused() -> None:
    assert wp.validate_plan({"week_start": MON})[1] == {
        "form": "The plan is empty: add a number of applications, a slot, or an if-then plan."
    }
    for slot in ({"day": 1, "time": "25:00"}, {"day": None, "time": "09:00"}, {"day": 2, "time": ""}):
        _plan, errors = wp.validate_plan({"week_start": MON, "applications": 1, "slots": [slot]})
        assert errors == {"slots": "A slot needs a day and a time like 09:00."}


def test_the_week_start_is_moved_to_its_monday_and_names_are_deduplicated() -> None:
    plan, _ = wp.validate_plan(
        {"week_start": SUN, "applications": 1, "companies": ["Acme", " acme ", "Beta"]}
    )
    assert plan.week_start == MON and plan.companies == ["Acme", "Beta"]


def test_slots_land_on_their_day_and_if_then_plans_are_found_by_moment() -> None:
    slots = [{"day": 2, "time": "14:30"}, {"day": 0, "time": "09:00", "what": "apply"}]
    dates = wp.slot_dates(slots, MON)
    assert [when for when, _ in dates] == [dt.datetime(2026, 11, 30, 9), dt.datetime(2026, 12, 2, 14, 30)]
    plan = {
        "if_then": [
            {"moment": "rejection", "when": "a no", "then": "walk"},
            {"moment": "slot", "when": "x", "then": "y"},
        ]
    }
    assert wp.if_then_for(plan, "rejection") == [plan["if_then"][0]]
    assert wp.if_then_for(None, "rejection") == []


def test_the_self_check_trend_compares_the_last_two_checks() -> None:
    checks = pd.DataFrame(
        [
            {
                "created_at": pd.Timestamp("2026-11-01"),
                "planning": 2,
                "preparation": 3,
                "persistence": 4,
                "learning": None,
            },
            {
                "created_at": pd.Timestamp("2026-11-15"),
                "planning": 4,
                "preparation": 3,
                "persistence": 3,
                "learning": 2,
            },
        ]
    )
    long, sentence = wp.check_trend(checks)
    assert len(long) == 7
    assert "higher on goals and planning" in sentence and "lower on feelings and keeping on" in sentence
    assert wp.check_trend(checks.head(1))[1] is None
    assert wp.check_trend(pd.DataFrame())[0].empty


def test_without_a_plan_the_week_shows_the_settings_goal_as_a_goal_not_as_a_plan():
    """The report read "Goal 5 applications a week" beside Home's "No plan yet", as if one were made."""
    import datetime as dt

    import pandas as pd

    from lib.learn.report.week import week_lines

    today = dt.date(2026, 3, 5)  # a Thursday
    applied = pd.Series(pd.to_datetime(["2026-03-02", "2026-02-20"]))
    lines = dict(week_lines(pd.DataFrame(), applied, today, weekly_goal=5))
    assert lines["Weekly goal"] == (
        "5 applications a week; 1 sent so far this week. No plan made for this week yet."
    )
    assert dict(week_lines(pd.DataFrame(), applied, today, weekly_goal=0))["Sent so far"].startswith(
        "1 application since Monday"
    )


def test_an_if_then_written_out_in_full_is_not_shown_with_its_words_twice():
    """Following the example gave "If If it is Monday 9:00, then then I open the boards"."""
    plan = wp.IfThen(moment="other", when="If it is Monday 9:00,", then="then I open the job boards")
    assert (plan.when, plan.then) == ("it is Monday 9:00", "I open the job boards")
    plain = wp.IfThen(moment="other", when="Ifeoma calls", then="thenceforth rest")  # words, not frames
    assert (plain.when, plain.then) == ("Ifeoma calls", "thenceforth rest")
    with pytest.raises(ValidationError, match="needs an “if”"):
        wp.IfThen(moment="other", when="If", then="rest")


def test_with_no_plan_the_weekly_goal_of_settings_is_the_measure_and_a_goal_of_0_is_none() -> None:
    """Settings' weekly goal changed the strategy review, but Home's week line never named it."""
    progress = wp.WeekProgress(MON, None, 2, 1, 0, goal=5)
    assert progress.sentence() == (
        f"This week (from {MON:%a %d %b}): 2 applications sent of the 5 a week you aim for (Settings), "
        "1 follow-up, 0 questions practised. No plan yet — the strategy review ends with one."
    )
    assert "aim for" not in wp.WeekProgress(MON, None, 2, 1, 0, goal=0).sentence()


def test_a_week_with_nothing_logged_yet_is_said_so_not_as_a_row_of_zeros() -> None:
    """Read the week of a "no": "0 applications sent of the 5 …, 0 follow-ups, 0 questions practised";
    and "nothing logged yet" the week an interview and its debrief were."""
    quiet = wp.WeekProgress(MON, None, 0, 0, 0, goal=5).sentence()
    assert quiet == (
        f"This week (from {MON:%a %d %b}): no application, follow-up or practice yet; you aim for 5 "
        "applications a week "
        "(Settings). No plan yet — the strategy review ends with one."
    )
    assert "0 " not in wp.WeekProgress(MON, None, 0, 0, 0, goal=0).sentence().split(":", 1)[1]
