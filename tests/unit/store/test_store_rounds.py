"""A debrief belongs to its round in the stage history; an event is recorded once."""

import datetime as dt

import pytest

from lib.core.models import ApplicationIn, DebriefIn, StageEventIn
from lib.store import applications as store
from lib.store import reflections
from lib.store import rounds as rounds_store
from lib.store.base import StoreError

TODAY = dt.date.today()
AGO = TODAY - dt.timedelta(days=4)


@pytest.fixture
def interviewed(engine):
    app_id = store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=AGO))
    event_id = store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=AGO, round_label="Technical"),
    )
    return app_id, event_id


def test_debriefing_a_recorded_interview_links_to_it_and_adds_no_event(engine, interviewed):
    app_id, event_id = interviewed
    assert [e["id"] for e in rounds_store.open_rounds(engine, app_id)] == [event_id]
    debrief = DebriefIn(
        application_id=app_id, round_type="technical", occurred_on=TODAY, stage_event_id=event_id
    )
    interview_id = reflections.save_interview(engine, debrief)
    assert len(store.events_for(engine, app_id)) == 1
    assert reflections.get_interview(engine, interview_id)["stage_event_id"] == event_id
    assert rounds_store.open_rounds(engine, app_id) == []


def test_a_debrief_not_linked_to_its_round_still_takes_it_by_its_day(engine, interviewed):
    """An older backup's (or the demo's) debrief has no stage event id: its round, the same stage
    on the same day, is not offered again for a second debrief."""
    import sqlalchemy as sa

    from lib.core import db

    app_id, event_id = interviewed
    with db.transaction(engine) as connection:
        connection.execute(
            sa.insert(db.interviews).values(
                application_id=app_id, round_type="technical", occurred_on=AGO, answers={}
            )
        )
    assert rounds_store.open_rounds(engine, app_id) == []


def test_a_debrief_of_the_same_round_on_the_same_day_finds_it_without_being_told(engine, interviewed):
    app_id, event_id = interviewed
    reflections.save_interview(
        engine, DebriefIn(application_id=app_id, round_type="technical", occurred_on=AGO)
    )
    assert store.events_for(engine, app_id)["id"].tolist() == [event_id]


def test_a_round_not_in_the_history_is_added_once(engine, interviewed):
    app_id, _ = interviewed
    reflections.save_interview(
        engine, DebriefIn(application_id=app_id, round_type="final", occurred_on=TODAY)
    )
    assert store.events_for(engine, app_id)["kind"].tolist() == ["interview", "final"]


def test_the_same_event_recorded_twice_is_refused(engine, interviewed):
    app_id, _ = interviewed
    with pytest.raises(StoreError, match="already in the history"):
        store.add_stage_event(
            engine,
            StageEventIn(application_id=app_id, kind="interview", occurred_on=AGO, round_label=" technical"),
        )
    store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="interview", occurred_on=AGO, round_label="Panel")
    )
    assert len(store.events_for(engine, app_id)) == 2


def _undated_interview_then_no(engine, ended_on):
    """A "no" recorded as reached at the interview: the interview's date is unknown."""
    from lib.core.models import RejectionIn

    app_id = store.add_application(
        engine, ApplicationIn(company="Gymshark", role="BI", applied_on=TODAY - dt.timedelta(days=20))
    )
    reflections.record_rejection(
        engine,
        RejectionIn(
            application_id=app_id,
            stage_reached="interview",
            occurred_on=ended_on,
            via="email",
            mood=3,
            pause_until=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(18)),
        ),
    )
    [event] = [e for e in rounds_store.open_rounds(engine, app_id)]
    assert not event["date_known"]
    return app_id, event["id"]


def test_debriefing_a_round_whose_date_was_unknown_gives_it_the_debrief_date(engine):
    app_id, event_id = _undated_interview_then_no(engine, TODAY)
    day = TODAY - dt.timedelta(days=5)
    debrief = DebriefIn(
        application_id=app_id, round_type="technical", occurred_on=day, stage_event_id=event_id
    )
    reflections.save_interview(engine, debrief)
    events = store.events_for(engine, app_id)
    assert events["kind"].tolist() == ["interview", "rejected"] and events["date_known"].all()
    assert events["occurred_on"].iloc[0].date() == day


def test_a_debrief_date_after_the_no_leaves_the_round_undated(engine):
    app_id, event_id = _undated_interview_then_no(engine, TODAY - dt.timedelta(days=6))
    debrief = DebriefIn(
        application_id=app_id, round_type="technical", occurred_on=TODAY, stage_event_id=event_id
    )
    reflections.save_interview(engine, debrief)  # the debrief is kept; the history is not bent
    events = store.events_for(engine, app_id)
    assert events["date_known"].tolist() == [False, True]
    assert len(reflections.interviews_for(engine, app_id)) == 1


def test_a_debrief_given_another_day_moves_its_round_with_it(engine, interviewed):
    """One interview, one date: the edited debrief said 05 Dec while its round stayed on 04 Dec."""
    app_id, event_id = interviewed
    debrief = DebriefIn(
        application_id=app_id, round_type="technical", occurred_on=AGO, stage_event_id=event_id
    )
    interview_id = reflections.save_interview(engine, debrief)
    later = AGO + dt.timedelta(days=1)
    moved = debrief.model_copy(update={"occurred_on": later})
    reflections.save_interview(engine, moved, interview_id=interview_id)
    events = store.events_for(engine, app_id)
    assert events["occurred_on"].dt.date.tolist() == [later] and len(events) == 1
    assert reflections.get_interview(engine, interview_id)["occurred_on"] == later

    store.add_stage_event(engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=later))
    too_late = debrief.model_copy(update={"occurred_on": TODAY})
    with pytest.raises(StoreError, match="after the application ended"):  # the history keeps its order
        reflections.save_interview(engine, too_late, interview_id=interview_id)
    assert reflections.get_interview(engine, interview_id)["occurred_on"] == later  # nothing half-saved


def test_a_round_given_another_day_on_the_timeline_moves_its_debrief_with_it(engine, interviewed):
    """The timeline said 21 Oct, the debrief 22 Oct; saving the debrief then put the round back."""
    app_id, event_id = interviewed
    debrief = DebriefIn(
        application_id=app_id, round_type="technical", occurred_on=AGO, stage_event_id=event_id
    )
    interview_id = reflections.save_interview(engine, debrief)
    moved = AGO + dt.timedelta(days=1)
    store.set_event_date(engine, event_id, moved)
    saved = reflections.get_interview(engine, interview_id)
    assert saved["occurred_on"] == moved and saved["stage_event_id"] == event_id
    reflections.save_interview(
        engine, debrief.model_copy(update={"occurred_on": saved["occurred_on"]}), interview_id
    )
    assert store.events_for(engine, app_id)["occurred_on"].dt.date.tolist() == [moved]  # stays moved
