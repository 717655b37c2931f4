"""Deleting one debrief or one reflection: exactly that item and what belongs only to it goes."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ContactIn, DebriefIn, InterviewQuestionIn, RejectionIn
from lib.store import debriefs, reflections
from lib.store import practice as practice_store
from tests.unit.store.conftest import ago

NOW = dt.datetime(2026, 12, 3, 9, 0)


def _debrief(engine, app_id, day: int, questions: list[tuple[str, int | None]], **kw) -> int:
    return debriefs.save_interview(
        engine,
        DebriefIn(
            application_id=app_id,
            round_type="technical",
            occurred_on=ago(day),
            questions=[InterviewQuestionIn(question=q, rating=r) for q, r in questions],
            **kw,
        ),
    )


def _count(engine, table, *where) -> int:
    with engine.connect() as c:
        return c.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar()


def _sound(engine) -> None:
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_deleting_a_debrief_removes_it_with_its_questions_and_links_and_nothing_else(engine, rejected_app):
    gone = _debrief(
        engine, rejected_app, 6, [("Why us?", 4), ("SQL windows", 5)], new_contacts=[ContactIn(name="Maya")]
    )
    maya = debriefs.get_interview(engine, gone)["contact_ids"]
    kept = _debrief(engine, rejected_app, 4, [("Tell me about a failure", 4)], contact_ids=maya)
    reflection = reflections.record_rejection(
        engine,
        RejectionIn(
            application_id=rejected_app,
            stage_reached="interview",
            occurred_on=ago(1),
            via="email",
            mood=2,
            pause_until=dt.datetime.combine(ago(0), dt.time(18)),
        ),
        record_event=False,
    )
    events = _count(engine, db.stage_events)

    debriefs.delete_interview(engine, gone)

    assert debriefs.get_interview(engine, gone) is None
    assert [d["id"] for d in debriefs.interviews_for(engine, rejected_app)] == [kept]
    assert _count(engine, db.interview_questions) == 1
    assert _count(engine, db.interview_contacts, db.interview_contacts.c.interview_id == gone) == 0
    assert debriefs.get_interview(engine, kept)["contact_ids"] == maya  # the person met stays
    assert debriefs.contacts_at(engine, rejected_app)["name"].tolist() == ["Maya"]
    assert _count(engine, db.stage_events) == events  # the round stays in the history
    assert reflections.get_reflection(engine, reflection) is not None
    _sound(engine)


def test_deleting_a_debrief_drops_its_unfinished_edit_only(engine, rejected_app):
    interview_id = _debrief(engine, rejected_app, 6, [])
    reflections.save_draft(engine, f"debrief:interview:{interview_id}", {"answers": {}})
    reflections.save_draft(engine, f"debrief:{rejected_app}:new", {"answers": {}})
    debriefs.delete_interview(engine, interview_id)
    assert [d["key"] for d in reflections.drafts_like(engine, "debrief:")] == [f"debrief:{rejected_app}:new"]


def test_a_debrief_already_gone_is_a_quiet_no_op(engine, rejected_app):
    interview_id = _debrief(engine, rejected_app, 6, [("Why us?", 2)])
    debriefs.delete_interview(engine, interview_id)
    debriefs.delete_interview(engine, interview_id)  # a second click, another tab
    debriefs.delete_interview(engine, 9999)
    assert debriefs.interviews_for(engine, rejected_app) == []


def test_a_failed_delete_leaves_the_debrief_whole(engine, rejected_app, monkeypatch):
    interview_id = _debrief(engine, rejected_app, 6, [("Why us?", 2)], new_contacts=[ContactIn(name="Maya")])
    before = debriefs.get_interview(engine, interview_id)

    def fail(*_args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(debriefs, "_drop_draft", fail)
    with pytest.raises(RuntimeError):
        debriefs.delete_interview(engine, interview_id)
    assert debriefs.get_interview(engine, interview_id) == before


def test_practice_cards_of_a_deleted_debrief_go_with_their_grades(engine, rejected_app):
    interview_id = _debrief(engine, rejected_app, 6, [("Why us?", 2)])
    practice_store.sync_cards(engine, NOW)
    card = practice_store.load_cards(engine).iloc[0]
    practice_store.grade(engine, int(card["id"]), 3, 0, NOW)
    debriefs.delete_interview(engine, interview_id)
    assert practice_store.load_cards(engine).empty
    assert _count(engine, db.practice_reviews) == 0
    _sound(engine)


def test_a_card_also_asked_elsewhere_moves_there_with_its_schedule(engine, rejected_app):
    earlier = _debrief(engine, rejected_app, 6, [("Why us?", 1)])
    latest = _debrief(engine, rejected_app, 4, [("why  US?", 2)])  # the card is tied to this asking
    practice_store.sync_cards(engine, NOW)
    [card] = practice_store.load_cards(engine).itertuples()
    due = practice_store.grade(engine, int(card.id), 3, 0, NOW)

    debriefs.delete_interview(engine, latest)

    [moved] = practice_store.load_cards(engine).itertuples()
    assert (moved.id, moved.reps, moved.due.to_pydatetime()) == (card.id, 1, due)
    Q = db.interview_questions
    assert _count(engine, Q, Q.c.id == int(moved.question_id), Q.c.interview_id == earlier) == 1
    assert moved.question == "Why us?"
    assert _count(engine, db.practice_reviews) == 1
    assert practice_store.sync_cards(engine, NOW) == 0  # nothing to redo
    _sound(engine)


def test_deleting_a_reflection_keeps_the_ending_in_the_history(engine, rejected_app):
    def reflect() -> int:
        return reflections.record_rejection(
            engine,
            RejectionIn(
                application_id=rejected_app,
                stage_reached="interview",
                occurred_on=ago(1),
                via="email",
                mood=2,
                pause_until=dt.datetime.combine(ago(0), dt.time(18)),
            ),
            record_event=False,
        )

    gone, kept = reflect(), reflect()
    events = _count(engine, db.stage_events)
    reflections.delete_reflection(engine, gone)
    reflections.delete_reflection(engine, gone)  # already gone: nothing happens
    assert [r["id"] for r in reflections.reflections_for(engine, rejected_app)] == [kept]
    assert _count(engine, db.stage_events) == events
    _sound(engine)
