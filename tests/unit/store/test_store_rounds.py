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
