"""Debriefs, rejections with their reflection, mood check-ins and drafts in the database."""

import datetime as dt

import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ContactIn, DebriefIn, InterviewQuestionIn, MoodIn, RejectionIn, StageEventIn
from lib.reflect import questionnaires as qn
from lib.store import applications as apps
from lib.store import reflections as store
from lib.store.base import StoreError

R = db.reflections

TODAY = dt.date.today()


@pytest.fixture
def app_id(engine):
    from lib.core.models import ApplicationIn

    return apps.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )


def _debrief(app_id, **kw):
    values = dict(
        application_id=app_id,
        round_type="technical",
        occurred_on=TODAY - dt.timedelta(days=5),
        format="video",
        comfort=3,
        answers={"key_points": "They need dashboards"},
        questions=[
            InterviewQuestionIn(
                question="Why us?", category="motivation", rating=2, better_answer="Tie it to their goals"
            ),
            InterviewQuestionIn(question="SQL windows", category="technical", rating=4),
        ],
        new_contacts=[ContactIn(name="Maya Rossi", role="hiring manager")],
    )
    values.update(kw)
    return DebriefIn(**values)


def _rejection(app_id, **kw):
    values = dict(
        application_id=app_id,
        stage_reached="interview",
        occurred_on=TODAY - dt.timedelta(days=1),
        via="email",
        mood=2,
        mood_words="flat",
        pause_until=dt.datetime.combine(TODAY, dt.time(18)),
        answers={"lessons": "Structure the case", "mood": 2},
    )
    values.update(kw)
    return RejectionIn(**values)


def test_a_debrief_is_saved_with_its_questions_in_order_and_the_people_met(engine, app_id):
    store.save_draft(engine, "debrief:x", {"answers": {"key_points": "half"}})
    interview_id = store.save_interview(engine, _debrief(app_id), draft_key="debrief:x")
    saved = store.get_interview(engine, interview_id)
    assert (saved["round_type"], saved["format"], saved["comfort"]) == ("technical", "video", 3)
    assert saved["answers"] == {"key_points": "They need dashboards"}
    assert [q["question"] for q in saved["questions"]] == ["Why us?", "SQL windows"]
    contacts = store.contacts_at(engine, app_id)
    assert contacts[["name", "role"]].values.tolist() == [["Maya Rossi", "hiring manager"]]
    assert saved["contact_ids"] == contacts["id"].tolist()
    assert store.load_draft(engine, "debrief:x") is None


def test_a_new_debrief_puts_its_round_in_the_stage_history_once(engine, app_id):
    day = TODAY - dt.timedelta(days=5)
    apps.add_stage_event(engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=day))
    store.save_interview(engine, _debrief(app_id, round_type="screen", occurred_on=day))
    store.save_interview(engine, _debrief(app_id, round_type="technical", occurred_on=day))
    store.save_interview(engine, _debrief(app_id, round_type="final", occurred_on=TODAY))
    events = apps.events_for(engine, app_id)
    assert events[["kind", "round_label"]].values.tolist() == [
        ["screen", None],
        ["interview", "Technical"],
        ["final", None],
    ]


def test_a_debrief_after_the_ending_leaves_the_history_alone(engine, app_id):
    apps.add_stage_event(engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=TODAY))
    store.save_interview(engine, _debrief(app_id))
    assert apps.events_for(engine, app_id)["kind"].tolist() == ["rejected"]
    assert len(store.interviews_for(engine, app_id)) == 1


def test_editing_a_debrief_replaces_its_questions_and_keeps_known_people(engine, app_id):
    interview_id = store.save_interview(engine, _debrief(app_id))
    maya = int(store.contacts_at(engine, app_id)["id"][0])
    store.save_interview(
        engine,
        _debrief(
            app_id,
            comfort=5,
            contact_ids=[maya, 9999],
            new_contacts=[],
            questions=[InterviewQuestionIn(question="Only one")],
        ),
        interview_id,
    )
    saved = store.get_interview(engine, interview_id)
    assert saved["comfort"] == 5 and [q["question"] for q in saved["questions"]] == ["Only one"]
    assert saved["contact_ids"] == [maya]  # an id from elsewhere is ignored


def test_a_debrief_before_the_application_date_is_refused(engine, app_id):
    with pytest.raises(StoreError) as err:
        store.save_interview(engine, _debrief(app_id, occurred_on=TODAY - dt.timedelta(days=30)))
    assert err.value.field == "occurred_on"
    assert store.interviews_for(engine, app_id) == []


def test_the_question_library_joins_each_question_to_its_company(engine, app_id):
    store.save_interview(engine, _debrief(app_id))
    questions = store.load_questions(engine)
    assert questions[["company", "role", "question", "rating"]].values.tolist() == [
        ["Acme", "Analyst", "Why us?", 2],
        ["Acme", "Analyst", "SQL windows", 4],
    ]


def test_a_rejection_records_the_ending_the_reflection_and_the_mood_in_one_go(engine, app_id):
    apps.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=TODAY - dt.timedelta(days=10))
    )
    store.save_draft(engine, "rejection:1", {"answers": {}})
    reflection_id = store.record_rejection(engine, _rejection(app_id), draft_key="rejection:1")
    events = apps.events_for(engine, app_id)
    assert events["kind"].tolist() == ["screen", "interview", "rejected"]  # the stage reached is added
    assert events["via"].tolist()[-1] == "email"
    reflection = store.get_reflection(engine, reflection_id)
    assert reflection["bank"] == "rejection" and reflection["answers"]["lessons"] == "Structure the case"
    assert store.load_moods(engine)[["score", "words", "application_id"]].values.tolist() == [
        [2, "flat", app_id]
    ]
    assert store.load_draft(engine, "rejection:1") is None


def test_a_rejection_that_came_as_silence_is_recorded_as_ghosted(engine, app_id):
    store.record_rejection(engine, _rejection(app_id, via="silence", stage_reached="applied"))
    assert apps.events_for(engine, app_id)["kind"].tolist() == ["ghosted"]


def test_a_rejection_the_history_refuses_saves_nothing(engine, app_id):
    apps.add_stage_event(engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=TODAY))
    with pytest.raises(StoreError) as err:
        store.record_rejection(engine, _rejection(app_id))
    assert err.value.field == "form" and "already ended" in err.value.message
    with pytest.raises(StoreError) as err:
        store.record_rejection(engine, _rejection(app_id, occurred_on=TODAY - dt.timedelta(days=40)))
    assert err.value.field in ("rejected_on", "form")
    assert store.reflections_for(engine, app_id) == [] and store.load_moods(engine).empty


def test_a_reflection_on_an_ending_already_recorded_adds_no_event(engine, app_id):
    apps.add_stage_event(engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=TODAY))
    store.record_rejection(engine, _rejection(app_id, occurred_on=TODAY), record_event=False)
    assert apps.events_for(engine, app_id)["kind"].tolist() == ["rejected"]
    assert len(store.reflections_for(engine, app_id)) == 1


def test_editing_a_reflection_keeps_answers_to_retired_questions(engine, app_id):
    reflection_id = store.record_rejection(
        engine,
        _rejection(
            app_id, answers={"lessons": "old", "gone": "kept", qn.PROMPTS_KEY: {"gone": "A retired question"}}
        ),
    )
    store.update_reflection(engine, reflection_id, {"lessons": "new", qn.PROMPTS_KEY: {}}, None)
    answers = store.get_reflection(engine, reflection_id)["answers"]
    assert answers["lessons"] == "new" and answers["gone"] == "kept"


def test_a_pause_that_ends_before_the_answer_came_is_refused(engine, app_id):
    with pytest.raises(StoreError) as err:
        store.record_rejection(engine, _rejection(app_id, pause_until=dt.datetime(2000, 1, 1)))
    assert err.value.field == "pause_until"


def test_skills_named_before_are_offered_most_used_first(engine, app_id):
    store.record_rejection(engine, _rejection(app_id, answers={"skills_to_bolster": ["dbt", "SQL"]}))
    other = apps.add_application(engine, apps.ApplicationIn(company="Beta", role="Analyst", applied_on=TODAY))
    store.record_rejection(
        engine, _rejection(other, occurred_on=TODAY, answers={"skills_to_bolster": ["sql"]})
    )
    assert store.skill_tags(engine) == ["SQL", "dbt"]


def test_the_latest_pause_is_found_with_its_company(engine, app_id):
    assert store.latest_pause(engine) is None
    store.record_rejection(engine, _rejection(app_id))
    pause = store.latest_pause(engine)
    assert (pause["company"], pause["pause_until"]) == ("Acme", dt.datetime.combine(TODAY, dt.time(18)))


def test_a_mood_check_in_is_kept(engine):
    store.add_mood(engine, MoodIn(score=4, words="Hopeful 🌱"))
    assert store.last_mood(engine)["words"] == "Hopeful 🌱"


def test_a_draft_is_replaced_on_each_save_and_does_not_bump_the_revision(engine):
    before = db.revision(engine)
    store.save_draft(engine, "debrief:1:new", {"answers": {"key_points": "a"}})
    store.save_draft(engine, "debrief:1:new", {"answers": {"key_points": "ab"}})
    assert store.load_draft(engine, "debrief:1:new")["payload"] == {"answers": {"key_points": "ab"}}
    assert [d["key"] for d in store.drafts_like(engine, "debrief:")] == ["debrief:1:new"]
    assert db.revision(engine) == before
    store.delete_draft(engine, "debrief:1:new")
    assert store.load_draft(engine, "debrief:1:new") is None


def test_deleting_an_application_deletes_its_debriefs_and_reflections(engine, app_id):
    store.save_interview(engine, _debrief(app_id))
    store.record_rejection(engine, _rejection(app_id))
    apps.delete_application(engine, app_id)
    with engine.connect() as connection:
        assert (
            connection.execute(sa.select(sa.func.count()).select_from(db.interview_questions)).scalar() == 0
        )
        assert connection.execute(sa.select(sa.func.count()).select_from(db.reflections)).scalar() == 0


def _stored_events(engine, app_id):
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(db.stage_events.c.kind, db.stage_events.c.occurred_on, db.stage_events.c.date_known)
            .where(db.stage_events.c.application_id == app_id)
            .order_by(db.stage_events.c.occurred_on, db.stage_events.c.id)
        ).all()
    return [tuple(r) for r in rows]


@pytest.mark.parametrize("stage", ["screen", "interview", "final"])
def test_a_stage_the_rejection_implies_keeps_its_date_unknown(engine, app_id, stage):
    """Saying "I got as far as the interview" tells how far, not when: the stage is stored undated,
    on the application date (nothing earlier is recorded), and the ending keeps the date given."""
    store.record_rejection(engine, _rejection(app_id, stage_reached=stage, occurred_on=TODAY))
    applied_on = TODAY - dt.timedelta(days=20)
    assert _stored_events(engine, app_id) == [(stage, applied_on, False), ("rejected", TODAY, True)]
    events = apps.events_for(engine, app_id)
    assert events["occurred_on"].isna().tolist() == [True, False]  # reads as "date unknown"


def test_an_implied_stage_sits_after_the_recorded_steps_and_not_after_the_ending(engine, app_id):
    screen_on = TODAY - dt.timedelta(days=12)
    apps.add_stage_event(engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=screen_on))
    store.record_rejection(
        engine, _rejection(app_id, stage_reached="final", occurred_on=TODAY - dt.timedelta(3))
    )
    assert _stored_events(engine, app_id) == [
        ("screen", screen_on, True),
        ("final", screen_on, False),  # after the screen in order, its own day unknown
        ("rejected", TODAY - dt.timedelta(days=3), True),
    ]


def test_an_implied_stage_is_never_placed_after_the_ending(engine, app_id):
    """An undated step already placed late (an import) does not push the new one past the ending."""
    apps.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=TODAY, date_known=False)
    )
    ended_on = TODAY - dt.timedelta(days=2)
    store.record_rejection(engine, _rejection(app_id, stage_reached="interview", occurred_on=ended_on))
    stored = _stored_events(engine, app_id)
    assert ("interview", ended_on, False) in stored and ("rejected", ended_on, True) in stored


def test_a_rejection_dated_before_the_application_is_refused_on_its_date_field(engine, app_id):
    with pytest.raises(StoreError) as err:
        store.record_rejection(engine, _rejection(app_id, occurred_on=TODAY - dt.timedelta(days=40)))
    assert err.value.field == "rejected_on"
    assert _stored_events(engine, app_id) == []


def test_every_pause_still_running_is_found_the_one_ending_last_first(engine, app_id):
    other = apps.add_application(engine, apps.ApplicationIn(company="Beta", role="BI", applied_on=TODAY))
    first = store.record_rejection(
        engine, _rejection(app_id, pause_until=dt.datetime.combine(TODAY, dt.time(18)))
    )
    later_end = dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(18))
    second = store.record_rejection(engine, _rejection(other, occurred_on=TODAY, pause_until=later_end))
    found = store.pauses_ending_after(engine, dt.datetime.combine(TODAY, dt.time()))
    assert [(p["id"], p["company"]) for p in found] == [(second, "Beta"), (first, "Acme")]
    assert [p["id"] for p in store.pauses_ending_after(engine, dt.datetime.combine(TODAY, dt.time(19)))] == [
        second
    ]


def test_deleting_the_no_ends_its_pause_and_keeps_what_was_written(engine, app_id):
    later_end = dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(18))
    reflection = store.record_rejection(engine, _rejection(app_id, pause_until=later_end))
    now = dt.datetime.now()
    assert [p["id"] for p in store.pauses_ending_after(engine, now)] == [reflection]
    events = apps.events_for(engine, app_id)
    # another step deleted: the pause stays
    assert sorted(events["kind"]) == ["interview", "rejected"]
    apps.delete_stage_event(engine, int(events.loc[events["kind"] == "interview", "id"].iloc[0]))
    assert [p["id"] for p in store.pauses_ending_after(engine, now)] == [reflection]
    rejected = int(events.loc[events["kind"] == "rejected", "id"].iloc[0])
    apps.delete_stage_event(engine, rejected)
    assert store.pauses_ending_after(engine, dt.datetime.now()) == []
    with engine.connect() as connection:
        kept = connection.execute(
            sa.select(R.c.answers, R.c.pause_until, R.c.version).where(R.c.id == reflection)
        ).first()
    assert kept.answers["lessons"] == "Structure the case"
    # no pause at all: one ended now had Home offer to look back at a "no" no longer there
    assert kept.pause_until is None and kept.version == 2  # another tab's save is told it changed
    from lib.follow_up import next_actions
    from lib.store import next_actions as action_store

    facts = action_store.load_facts(engine, since=TODAY - dt.timedelta(days=60))
    assert not [a for a in next_actions.compute(facts, TODAY) if a.rule_key.startswith("look-back")]
