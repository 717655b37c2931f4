"""Stored practice: cards from weak questions, grades stored and resumed, plans, notes, writing."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ApplicationIn, DebriefIn, InterviewQuestionIn
from lib.learn.plan import validate_plan, week_start
from lib.store import applications as app_store
from lib.store import plans as plan_store
from lib.store import practice as store
from lib.store import reflections
from lib.store import writing as writing_store
from lib.store.base import StoreError

NOW = dt.datetime(2026, 12, 3, 9, 0)


def _debrief(engine, ratings: list[int | None]) -> int:
    day = dt.date.today() - dt.timedelta(days=3)
    app_id = app_store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=day))
    questions = [
        InterviewQuestionIn(question=f"Question {i}", rating=r, better_answer=f"Better {i}")
        for i, r in enumerate(ratings)
    ]
    reflections.save_interview(
        engine, DebriefIn(application_id=app_id, round_type="technical", occurred_on=day, questions=questions)
    )
    return app_id


def test_questions_rated_three_or_lower_become_cards_once(engine) -> None:
    _debrief(engine, [1, 3, 4, None])
    assert store.sync_cards(engine, NOW) == 2
    assert store.sync_cards(engine, NOW) == 0
    cards = store.load_cards(engine)
    assert sorted(cards["question"]) == ["Question 0", "Question 1"]
    assert set(cards["company"]) == {"Acme"}


def test_the_same_question_asked_twice_is_one_card(engine) -> None:
    _debrief(engine, [2])
    _debrief(engine, [1])  # "Question 0" again, at a second interview
    assert store.sync_cards(engine, NOW) == 1
    assert store.load_cards(engine)["question"].tolist() == ["Question 0"]


def test_a_question_answered_well_since_rests_and_a_weak_answer_brings_it_back(engine) -> None:
    from lib.reflect import practice

    later = NOW + dt.timedelta(days=1)
    _debrief(engine, [2])
    store.sync_cards(engine, NOW)
    assert practice.queue(store.load_cards(engine), later)["question"].tolist() == ["Question 0"]
    _debrief(engine, [5])  # asked again at a later interview, and answered well
    store.sync_cards(engine, NOW)
    cards = store.load_cards(engine)
    assert len(cards) == 1 and cards["latest_rating"].tolist() == [5]  # kept, with its grades
    assert practice.queue(cards, later).empty and practice.next_ready(cards, NOW) is None
    _debrief(engine, [1])  # a weak answer again: practised again
    store.sync_cards(engine, NOW)
    assert practice.queue(store.load_cards(engine), later)["question"].tolist() == ["Question 0"]


def test_a_rating_raised_in_an_edit_puts_its_card_to_rest(engine) -> None:
    from lib.reflect import practice

    app_id = _debrief(engine, [1])
    store.sync_cards(engine, NOW)
    with engine.connect() as c:
        interview_id = c.execute(sa.select(db.interviews.c.id)).scalar()
    day = dt.date.today() - dt.timedelta(days=3)
    question = InterviewQuestionIn(question="Question 0", rating=5, better_answer="Better 0")
    reflections.save_interview(
        engine,
        DebriefIn(application_id=app_id, round_type="technical", occurred_on=day, questions=[question]),
        interview_id=interview_id,
    )
    assert practice.queue(store.load_cards(engine), NOW + dt.timedelta(days=1)).empty


def test_a_grade_is_stored_and_the_schedule_resumes_from_it(engine) -> None:
    _debrief(engine, [2])
    store.sync_cards(engine, NOW)
    card = store.load_cards(engine).iloc[0]
    due = store.grade(engine, int(card["id"]), 3, int(card["reps"]), NOW)
    assert due > NOW
    assert store.grade(engine, int(card["id"]), 3, int(card["reps"]), NOW) is None  # the double click
    again = store.load_cards(engine).iloc[0]
    assert again["reps"] == 1 and again["due"].to_pydatetime() == due
    later = store.grade(engine, int(card["id"]), 3, 1, due)
    assert later > due
    with engine.connect() as c:
        assert c.execute(sa.select(sa.func.count()).select_from(db.practice_reviews)).scalar() == 2


def test_the_week_counts_each_question_practised_once_however_often_it_was_graded(engine) -> None:
    _debrief(engine, [1, 2])
    store.sync_cards(engine, NOW)
    first, second = (int(i) for i in store.load_cards(engine)["id"])
    now = dt.datetime.now()
    due = store.grade(engine, first, 1, 0, now)  # "again": it comes back in minutes, is graded again
    store.grade(engine, first, 3, 1, due)
    store.grade(engine, second, 3, 0, now)
    practised = plan_store.week_activity(engine, dt.date.today() - dt.timedelta(days=1))["practised_at"]
    assert len(practised) == 2  # two questions, three grades
    with db.transaction(engine) as c:  # a question deleted: its card and grades go, not counted apart
        c.execute(sa.delete(db.interview_questions).where(db.interview_questions.c.question == "Question 0"))
    store.sync_cards(engine, NOW)
    assert len(plan_store.week_activity(engine, dt.date.today() - dt.timedelta(days=1))["practised_at"]) == 1


def test_a_card_whose_question_was_deleted_goes_quietly(engine) -> None:
    _debrief(engine, [1, 2])
    store.sync_cards(engine, NOW)
    card = store.load_cards(engine).iloc[0]
    with db.transaction(engine) as c:
        c.execute(
            sa.delete(db.interview_questions).where(db.interview_questions.c.id == int(card["question_id"]))
        )
    assert store.load_cards(engine)["question"].isna().sum() == 1
    store.sync_cards(engine, NOW)
    assert len(store.load_cards(engine)) == 1
    assert store.grade(engine, int(card["id"]), 3, 0, NOW) is None  # a page still showing it: nothing breaks


def test_editing_a_debrief_keeps_the_practice_of_its_questions(engine) -> None:
    app_id = _debrief(engine, [1, 2])
    store.sync_cards(engine, NOW)
    before = store.load_cards(engine).set_index("question")
    practised = int(before.loc["Question 0", "id"])
    due = store.grade(engine, practised, 3, 0, NOW)
    with engine.connect() as c:
        interview_id = c.execute(sa.select(db.interviews.c.id)).scalar()
    day = dt.date.today() - dt.timedelta(days=3)
    edited = DebriefIn(  # "What went well?" fixed, a question reworded out of its card
        application_id=app_id,
        round_type="technical",
        occurred_on=day,
        answers={"went_well": "Fixed a typo."},
        questions=[
            InterviewQuestionIn(question="question 0 ", rating=1, better_answer="Better 0"),
            InterviewQuestionIn(question="Question one, reworded", rating=2),
        ],
    )
    reflections.save_interview(engine, edited, interview_id=interview_id)
    store.sync_cards(engine, NOW)
    after = store.load_cards(engine).set_index("id")
    kept = after.loc[practised]
    assert (kept["question"], kept["reps"], kept["due"].to_pydatetime()) == ("question 0", 1, due)
    with engine.connect() as c:
        graded = c.execute(sa.select(db.practice_reviews.c.card_id)).scalars().all()
    assert graded == [practised]  # its grade still belongs to it
    assert sorted(after["question"]) == ["Question one, reworded", "question 0"]  # the reworded: anew
    with engine.connect() as c:  # the reworded one's old card went with its grades: none left over
        assert c.execute(sa.select(db.practice_reviews.c.card_id)).scalars().all() == [practised]


def test_a_typo_fixed_in_a_question_keeps_its_card_and_grades(engine) -> None:
    day = dt.date.today() - dt.timedelta(days=3)
    app_id = app_store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=day))
    asked = lambda words: DebriefIn(  # noqa: E731
        application_id=app_id,
        round_type="technical",
        occurred_on=day,
        questions=[InterviewQuestionIn(question=words, rating=2)],
    )
    interview_id = reflections.save_interview(engine, asked("Tell me about a conflcit with a colleague"))
    store.sync_cards(engine, NOW)
    [card] = store.load_cards(engine)["id"].tolist()
    store.grade(engine, int(card), 3, 0, NOW)
    reflections.save_interview(
        engine, asked("Tell me about a conflict with a colleague"), interview_id=interview_id
    )
    store.sync_cards(engine, NOW)
    cards = store.load_cards(engine)
    assert (cards["id"].tolist(), cards["reps"].tolist()) == ([card], [1])
    assert cards["question"].tolist() == ["Tell me about a conflict with a colleague"]


def test_a_question_taken_out_of_a_debrief_keeps_its_card_where_it_was_asked_again(engine) -> None:
    first = _debrief(engine, [2])  # "Question 0", weak
    second = _debrief(engine, [1])  # asked again at a second interview, weak again
    store.sync_cards(engine, NOW)
    [card] = store.load_cards(engine)["id"].tolist()
    store.grade(engine, int(card), 3, 0, NOW)
    with engine.connect() as c:
        latest = c.execute(
            sa.select(db.interviews.c.id).where(db.interviews.c.application_id == second)
        ).scalar()
    day = dt.date.today() - dt.timedelta(days=3)
    emptied = DebriefIn(application_id=second, round_type="technical", occurred_on=day, questions=[])
    reflections.save_interview(engine, emptied, interview_id=latest)  # its question taken out
    store.sync_cards(engine, NOW)
    cards = store.load_cards(engine)
    assert cards["id"].tolist() == [card] and cards["reps"].tolist() == [1]  # the same card, its grade
    assert first  # the first interview still holds the question the card moved to


def test_the_next_interview_day_is_kept_until_it_has_passed(engine) -> None:
    today = dt.date.today()
    store.set_next_interview(engine, today + dt.timedelta(days=2))
    assert store.next_interview(engine, today) == today + dt.timedelta(days=2)
    assert store.next_interview(engine, today + dt.timedelta(days=3)) is None


def test_the_same_plan_saved_twice_is_saved_once(engine) -> None:
    plan, errors = validate_plan(
        {
            "week_start": dt.date.today(),
            "applications": 4,
            "companies": ["Acme"],
            "slots": [{"day": 1, "time": "09:00", "what": "apply"}],
            "if_then": [{"moment": "rejection", "when": "a no comes", "then": "I walk"}],
        }
    )
    assert not errors
    first = plan_store.save_plan(engine, plan)
    assert plan_store.save_plan(engine, plan) == first
    saved = plan_store.load_plans(engine).iloc[0]
    assert saved["applications"] == 4 and saved["companies"] == ["Acme"]
    assert saved["week_start"] == week_start(dt.date.today())
    assert saved["if_then"] == [{"moment": "rejection", "when": "a no comes", "then": "I walk"}]


def test_a_self_check_needs_one_score_and_saves_once(engine) -> None:
    with pytest.raises(StoreError):
        plan_store.save_check(engine, {})
    first = plan_store.save_check(engine, {"planning": 3, "learning": 5})
    assert plan_store.save_check(engine, {"planning": 3, "learning": 5}) == first
    assert plan_store.load_checks(engine)[["planning", "preparation", "learning"]].iloc[0].tolist()[::2] == [
        3,
        5,
    ]


def test_a_setback_note_is_written_once_per_application_and_rewritten(engine) -> None:
    app_id = _debrief(engine, [])
    with pytest.raises(StoreError):
        plan_store.save_setback(engine, app_id, "   ")
    plan_store.save_setback(engine, app_id, "Call Sam, then apply to two more.")
    plan_store.save_setback(engine, app_id, "Call Sam.")
    assert plan_store.get_setback(engine, app_id) == "Call Sam."


def test_a_writing_session_left_mid_way_is_kept_as_a_draft_and_finishes_once(engine) -> None:
    session = writing_store.start_session(engine, 1)
    assert writing_store.start_session(engine, 1) == session
    writing_store.save_draft(engine, session, "half a thought")
    row = writing_store.load_sessions(engine).iloc[0]
    assert (row["text"], row["words"]) == ("half a thought", 3) and pd.isna(row["finished_at"])
    assert writing_store.finish(engine, session, "the whole thought")
    assert not writing_store.finish(engine, session, "changed later")
    assert writing_store.load_sessions(engine).iloc[0]["text"] == "the whole thought"


def test_the_practice_rules_read_a_running_process_a_final_round_and_the_plan(engine) -> None:
    from lib.core.models import StageEventIn

    today = dt.date.today()
    first = app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=today - dt.timedelta(days=20))
    )
    second = app_store.add_application(
        engine, ApplicationIn(company="Beta", role="Analyst", applied_on=today - dt.timedelta(days=9))
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=first, kind="final", occurred_on=today - dt.timedelta(days=2))
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=second, kind="rejected", occurred_on=today - dt.timedelta(days=1))
    )
    facts = plan_store.action_facts(engine, today - dt.timedelta(days=60))
    assert facts["coasting"].iloc[0].to_dict() == {
        "last_applied_on": today - dt.timedelta(days=9),
        "running": 1,
    }
    assert facts["finals"][["application_id", "company"]].values.tolist() == [[first, "Acme"]]
    assert facts["plan"].empty
    plan_store.save_setback(engine, first, "Breathe, then call Sam.")
    assert plan_store.action_facts(engine, today - dt.timedelta(days=60))["finals"].empty


def test_an_interview_as_old_as_the_ghost_days_is_not_a_running_process(engine):
    """It read "An interview process is running — well done" beside the same application Ghosted."""
    from lib.core.models import StageEventIn
    from lib.store import settings as settings_store

    today = dt.date.today()
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Initech", role="Analyst", applied_on=today - dt.timedelta(days=40))
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=today - dt.timedelta(days=30)),
    )
    running = lambda: plan_store.action_facts(engine, today)["coasting"].iloc[0]["running"]  # noqa: E731
    assert running() == 0  # 30 days of silence: ghosted, not running
    settings_store.set_setting(engine, "ghost_days", 45)
    assert running() == 1  # the person's own count of days


def test_an_imported_stand_in_day_applied_is_not_counted_as_sent_this_week(engine):
    from lib.data.importers import parse_bytes
    from lib.store import imports as import_store

    today = dt.date.today()
    rows = f"Company,Role,Date applied,Status,Status date\nAcme,Analyst,,Rejected,{today}\nBeta,Analyst,{today},,\n"
    import_store.apply(engine, parse_bytes("tracker.csv", rows.encode()))
    applied = plan_store.week_activity(engine, today - dt.timedelta(days=1))["applied_on"]
    assert len(applied) == 1  # Beta, sent today; Acme's "no" came today, its sending day unknown


def test_an_imported_stand_in_day_applied_is_not_a_new_application_for_the_coasting_nudge(engine):
    """An imported "no" from yesterday with no date applied read as an application sent yesterday,
    so "Keep one more door opening" stayed hidden for a week."""
    from lib.data.importers import parse_bytes
    from lib.store import imports as import_store

    today = dt.date.today()
    sent = today - dt.timedelta(days=12)
    rows = (
        "Company,Role,Date applied,Status,Status date\n"
        f"Acme,Analyst,{sent},Interview,{today - dt.timedelta(days=2)}\n"
        f"Beta,Analyst,,Rejected,{today - dt.timedelta(days=1)}\n"
    )
    import_store.apply(engine, parse_bytes("tracker.csv", rows.encode()))
    coasting = plan_store.action_facts(engine, today - dt.timedelta(days=60))["coasting"].iloc[0]
    assert coasting["last_applied_on"] == sent
