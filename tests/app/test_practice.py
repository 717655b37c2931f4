"""The practices' pages: writing it out, the weekly plan and self-check, practice, setback notes."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ApplicationIn, DebriefIn, InterviewQuestionIn, StageEventIn
from lib.learn.plan import week_start
from lib.reflect import practice
from lib.store import applications as apps
from lib.store import plans as plan_store
from lib.store import reflections
from tests.app.shown import shown

TODAY = dt.date.today()


@pytest.fixture
def engine(app_env):
    eng = db.open_database(app_env)
    yield eng
    eng.dispose()


def _rows(engine, table) -> list[dict]:
    with engine.connect() as c:
        return [dict(r._mapping) for r in c.execute(sa.select(table))]


def _app(engine, company="Acme") -> int:
    return apps.add_application(
        engine, ApplicationIn(company=company, role="Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [s.value for s in at.success] + [t.value for t in at.text]
    return "\n".join(str(p) for p in parts)


def test_a_writing_session_is_kept_as_a_draft_and_finished_once(open_page, engine):
    at = open_page("pages/writing.py")
    assert "Spera, Buhrfeind & Pennebaker" in _texts(at)
    assert "this “no”" not in _texts(at)  # open from the sidebar with no rejection: it assumes none
    at.button(key="writing_start").click().run()
    assert "this “no”" not in _texts(at)
    (session,) = _rows(engine, db.writing_sessions)
    at.button(key=f"writing_finish_{session['id']}").click().run()  # nothing written yet
    assert "Nothing is written yet, so there is nothing to keep" in " ".join(e.value for e in at.error)
    assert _rows(engine, db.writing_sessions)[0]["finished_at"] is None  # not used up
    assert "You wrote today" not in _texts(at)
    at.text_area(key=f"writing_text_{session['id']}").input("It hurt more than I said.").run()
    again = open_page("pages/writing.py")  # a reload: the draft is there
    assert again.text_area(key=f"writing_text_{session['id']}").value == "It hurt more than I said."
    assert _rows(engine, db.writing_sessions)[0]["finished_at"] is None
    again.button(key=f"writing_finish_{session['id']}").click().run()
    (row,) = _rows(engine, db.writing_sessions)
    assert (row["text"], row["words"]) == ("It hurt more than I said.", 6) and row["finished_at"] is not None
    assert "You wrote today" in _texts(again) and not again.exception


def _plan_page(open_page):
    at = open_page("pages/strategy.py")
    at.session_state["strategy_tab"] = "Plan the week"
    at.run()
    assert not at.exception
    return at


def test_a_plan_with_an_empty_then_saves_nothing_and_says_why(open_page, engine):
    at = _plan_page(open_page)
    at.number_input(key="week_plan_applications").set_value(3)
    at.text_input(key="week_plan_if_0").input("I get a no")
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    assert any("then" in e.value.lower() for e in at.error)
    assert _rows(engine, db.weekly_plans) == []


def test_numbers_out_of_range_in_a_plan_are_said_beside_them_and_nothing_is_saved(open_page, engine):
    at = _plan_page(open_page)
    at.number_input(key="week_plan_applications").set_value(600)
    at.selectbox(key="week_plan_day_0").set_value("Tuesday")
    at.text_input(key="week_plan_time_0").input("9:30")
    at.number_input(key="week_plan_minutes_0").set_value(600)
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    said = [e.value for e in at.error]
    assert "Applications must be at most 100" in said  # the browser held 600 back without a word
    assert "A slot's minutes must be between 5 and 480." in said
    assert _rows(engine, db.weekly_plans) == []


def test_the_plan_saves_exactly_what_was_entered_once(open_page, engine):
    at = _plan_page(open_page)
    at.number_input(key="week_plan_applications").set_value(4)
    at.multiselect(key="week_plan_channels").set_value(["referral", "networking"])
    at.selectbox(key="week_plan_day_0").set_value("Tuesday")
    at.text_input(key="week_plan_time_0").input("9:30")
    at.text_input(key="week_plan_what_0").input("two applications")
    at.selectbox(key="week_plan_moment_0").set_value("rejection")
    at.text_input(key="week_plan_if_0").input("a no comes")
    at.text_input(key="week_plan_then_0").input("the next morning I call Sam")
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()  # the double click
    (plan,) = _rows(engine, db.weekly_plans)
    assert (plan["applications"], plan["channels"], plan["week_start"]) == (
        4,
        ["referral", "networking"],
        week_start(TODAY),
    )
    assert plan["if_then"] == [
        {"moment": "rejection", "when": "a no comes", "then": "the next morning I call Sam"}
    ]
    assert any("is saved" in s.value for s in at.success)


def test_a_slot_already_past_this_week_is_saved_and_said(open_page, engine):
    at = _plan_page(open_page)
    at.selectbox(key="week_plan_day_0").set_value("Monday")
    at.text_input(key="week_plan_time_0").input("00:00")  # behind us whatever the day
    at.selectbox(key="week_plan_day_1").set_value("Sunday")
    at.text_input(key="week_plan_time_1").input("23:59")  # still ahead
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    (plan,) = _rows(engine, db.weekly_plans)
    assert len(plan["slots"]) == 2  # saved as asked
    monday = week_start(TODAY)
    said = " ".join(shown(at.success))
    assert f"{monday:%a %d %b}, 00:00 has already passed: choose next week above to plan it ahead." in said
    assert "23:59" not in said


def test_a_slot_without_a_time_is_refused_beside_the_slots(open_page, engine):
    at = _plan_page(open_page)
    at.selectbox(key="week_plan_day_1").set_value("Friday")
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    assert any("A slot needs a day and a time" in e.value for e in at.error)
    assert _rows(engine, db.weekly_plans) == []


def test_the_self_check_saves_its_scores(open_page, engine):
    at = _plan_page(open_page)
    at.radio(key="search_check_planning").set_value(2)
    at.radio(key="search_check_learning").set_value(5)
    at.button(key="FormSubmitter:search_check-Save my self-check").click().run()
    (check,) = _rows(engine, db.search_checks)
    assert (check["planning"], check["preparation"], check["learning"]) == (2, None, 5)
    # the form ends cleared, on fresh keys (popped ones stayed ticked in the browser)
    assert at.radio(key="search_check_planning_1").value is None
    assert "Your self-check is saved." in [t.value for t in at.toast]
    # and what was answered stays said under it
    said = " ".join(c.value for c in at.caption)
    assert "Your last self-check" in said and "Goals and planning 2 of 5" in said
    at.radio(key="search_check_planning_1").set_value(2)
    at.radio(key="search_check_learning_1").set_value(5)
    at.button(key="FormSubmitter:search_check__1-Save my self-check").click().run()  # the same again, at once
    assert len(_rows(engine, db.search_checks)) == 1


def test_a_self_check_with_nothing_rated_saves_nothing_and_says_so(open_page, engine):
    at = _plan_page(open_page)
    at.button(key="FormSubmitter:search_check-Save my self-check").click().run()
    assert any("Rate at least one" in e.value for e in at.error)
    assert _rows(engine, db.search_checks) == []


def test_a_practice_session_goes_over_the_weak_questions_and_ends_kindly(open_page, engine):
    app_id = _app(engine)
    questions = [
        InterviewQuestionIn(question=f"Q{i}?", rating=r, better_answer=f"B{i}")
        for i, r in enumerate([1, 3, 5])
    ]
    reflections.save_interview(
        engine,
        DebriefIn(
            application_id=app_id,
            round_type="technical",
            occurred_on=TODAY - dt.timedelta(days=2),
            questions=questions,
        ),
    )
    at = open_page("pages/practice.py")
    for _ in range(2):
        card = next(b for b in at.button if b.key and b.key.startswith("practice_reveal_"))
        card.click().run()
        assert any(t.value.startswith("B") for t in at.text)
        next(
            b for b in at.button if b.key and b.key.endswith("_3") and b.key.startswith("practice_grade_")
        ).click().run()
    assert "That's all for now" in _texts(at)
    assert len(_rows(engine, db.practice_reviews)) == 2
    # nothing is due again: "Go through them again" was offered, and led to "Nothing to practise"
    assert not [b for b in at.button if "again" in b.label.casefold()]


def _one_card_revealed(open_page, engine, **question):
    """Practise open on one weak question (rated 1), its better answer shown."""
    reflections.save_interview(
        engine,
        DebriefIn(
            application_id=_app(engine),
            round_type="technical",
            occurred_on=TODAY - dt.timedelta(days=2),
            questions=[
                InterviewQuestionIn(**{"question": "Q0?", "rating": 1, "better_answer": "B0", **question})
            ],
        ),
    )
    at = open_page("pages/practice.py")
    next(b for b in at.button if b.key and b.key.startswith("practice_reveal_")).click().run()
    return at


def test_a_card_graded_again_comes_back_in_the_same_sitting_as_its_toast_says(open_page, engine, monkeypatch):
    """ "Saved — this one comes back again later in this session", and it never did: each card was
    put away for the session."""
    at = _one_card_revealed(open_page, engine)
    next(
        b for b in at.button if b.key and b.key.startswith("practice_grade_") and b.key.endswith("_1")
    ).click()
    at.run()
    assert any("comes back in a few minutes" in t.value for t in at.toast)
    assert "That's all for now" in _texts(at) and "ready in a few minutes" in _texts(at)
    later = practice.utcnow() + dt.timedelta(minutes=20)
    monkeypatch.setattr(practice, "utcnow", lambda: later)  # the few minutes pass
    at.run()
    assert any(b.key and b.key.startswith("practice_reveal_") for b in at.button)  # the card again


def test_with_an_interview_coming_a_card_graded_again_still_waits_its_few_minutes(open_page, engine):
    """Every card due before the interview day is in the queue: the same card came straight back."""
    from lib.store import practice as practice_store

    practice_store.set_next_interview(engine, TODAY + dt.timedelta(days=1))
    at = _one_card_revealed(open_page, engine)
    next(
        b for b in at.button if b.key and b.key.startswith("practice_grade_") and b.key.endswith("_1")
    ).click()
    at.run()
    assert not at.exception
    assert "That's all for now" in _texts(at)
    assert not any(b.key and b.key.startswith("practice_reveal_") for b in at.button)


def test_the_day_before_an_interview_a_finished_run_through_says_so(open_page, engine):
    """ "Nothing to practise right now" under a caption promising a last run-through read as broken."""
    from lib.store import practice as practice_store

    practice_store.set_next_interview(engine, TODAY + dt.timedelta(days=1))
    at = _one_card_revealed(open_page, engine)
    next(
        b for b in at.button if b.key and b.key.startswith("practice_grade_") and b.key.endswith("_4")
    ).click()
    at.run()
    said = _texts(at)
    assert "Every card has had its turn today, ahead of your interview tomorrow." in said
    assert "The next card is ready tomorrow." in said  # the interview's day: each card once more


def test_a_card_with_no_better_answer_links_to_where_it_is_written(open_page, engine):
    at = _one_card_revealed(open_page, engine, better_answer=None)
    assert "— none written yet: what would it be?" in _texts(at)
    (interview,) = _rows(engine, db.interviews)
    link = next(p.proto for p in at.get("page_link") if p.proto.label.startswith("Write it in the debrief"))
    assert link.page == "debrief" and link.query_string == f"interview={interview['id']}"


def test_the_answer_given_at_the_interview_is_folded_under_the_grades(open_page, engine):
    """Written out in full above the grades, a long answer pushed them far below the fold."""
    at = _one_card_revealed(open_page, engine, my_answer="I said " * 1500)
    assert not any(p.proto.label.startswith("Write it in") for p in at.get("page_link"))  # one is written
    assert [e.label for e in at.expander if e.label.startswith("What you answered")] == [
        "What you answered at the interview"
    ]
    assert not any(c.value.startswith("What you answered") for c in at.caption)


def test_practice_with_no_cards_says_how_they_come(open_page):
    at = open_page("pages/practice.py")
    assert "No questions to practise yet" in _texts(at) and not at.exception


def test_a_setback_note_before_the_final_round_is_shown_back_when_the_no_comes(open_page, engine):
    app_id = _app(engine)
    apps.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="final", occurred_on=TODAY - dt.timedelta(days=1))
    )
    at = open_page("pages/practice.py", query_params={"setback": str(app_id)})
    assert "#### In case it's a no from Acme" in [m.value for m in at.markdown]  # no round named
    at.text_area(key=f"setback_{app_id}_text").input("Walk, then call Sam.")
    at.button(key=f"FormSubmitter:setback_{app_id}-Save my setback plan").click().run()
    at.button(key=f"FormSubmitter:setback_{app_id}-Save my setback plan").click().run()  # twice
    assert plan_store.get_setback(engine, app_id) == "Walk, then call Sam."
    assert len(_rows(engine, db.setback_notes)) == 1
    assert any("It will be here for you" in s.value for s in at.success)
    at = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    assert "Walk, then call Sam." in _texts(at) and not at.exception


def test_writing_is_offered_at_the_first_no_and_not_again_after_no_thanks(open_page, engine):
    app_id = _app(engine)
    at = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    assert "If you like: write it out" in _texts(at)
    shown = [m.value for m in at.markdown]
    offer = next(i for i, m in enumerate(shown) if "If you like: write it out" in m)
    pause = next(i for i, m in enumerate(shown) if "Pause first" in m)
    assert pause < offer  # under the pause: a study's numbers are not the first thing read
    at.button(key="writing_offer_no").click().run()
    assert "If you like: write it out" not in _texts(at)
    again = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    assert "If you like: write it out" not in _texts(again) and not again.exception


def test_fractions_in_a_plan_are_said_beside_them_not_cut_to_whole_numbers(open_page, engine):
    at = _plan_page(open_page)
    at.number_input(key="week_plan_applications").set_value(2.5)
    at.selectbox(key="week_plan_day_0").set_value("Tuesday")
    at.text_input(key="week_plan_time_0").input("9:30")
    at.number_input(key="week_plan_minutes_0").set_value(30.5)
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    assert not at.exception
    said = " ".join(e.value for e in at.error)
    assert "whole number" in said
    assert _rows(engine, db.weekly_plans) == []


def test_a_plan_saved_for_next_week_is_shown_as_next_weeks_plan(open_page, engine):
    from lib.learn import plan as wp

    at = _plan_page(open_page)
    next_monday = wp.week_start(dt.date.today()) + dt.timedelta(days=7)
    at.selectbox(key="week_plan_week").set_value(next_monday)
    at.number_input(key="week_plan_applications").set_value(6)
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    assert not at.exception
    shown_now = " ".join(m.value for m in at.markdown)
    assert f"**Your plan for next week** (from the week of {next_monday:%d %b})" in shown_now
    assert "6 applications a week" in " ".join(t.value for t in at.text)
    assert any("is saved" in t.value for t in at.toast)  # in view by the button pressed


def test_the_plan_starts_at_the_weekly_goal_and_a_plan_asking_more_is_said_beside_the_goal(open_page, engine):
    # a plan of 6 beside "the weekly goal of 5" on the same page read as two goals that disagree
    at = _plan_page(open_page)
    assert at.number_input(key="week_plan_applications").value == 5  # the goal, not 0
    at.number_input(key="week_plan_applications").set_value(6)
    at.button(key="FormSubmitter:week_plan-Save my plan").click().run()
    again = open_page("pages/strategy.py")
    said = " ".join(c.value for c in again.caption)
    assert "This week's plan says 6 applications, and Home counts this week against it" in said
    assert "the goal here (5 a week) is the standing one" in said


def test_the_plans_target_companies_offer_the_companies_in_the_log(open_page, engine):
    # on a fresh log with no target list, the box offered nothing and "Acme" became "Add: Acme"
    from lib.core.models import ApplicationIn
    from lib.store import applications as app_store

    app_store.add_application(
        engine, ApplicationIn(company="Acme Analytics", role="Analyst", applied_on=dt.date.today())
    )
    at = _plan_page(open_page)
    assert "Acme Analytics" in at.multiselect(key="week_plan_companies").options
