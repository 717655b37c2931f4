"""Contacts, notes and feedback in the database, and the facts the composer and rules read."""

import datetime as dt

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn, FeedbackIn, NoteIn, StageEventIn
from lib.follow_up import next_actions
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import followups as store
from lib.store import next_actions as action_store
from lib.store.base import StoreError
from tests.unit.store.conftest import TODAY, ago


def open_actions(engine):
    """The open follow-up actions (other parts of the app add rules of their own)."""
    facts = action_store.load_facts(engine, since=ago(next_actions.LOOKBACK_DAYS))
    return [
        a
        for a in next_actions.compute(facts, TODAY, action_store.action_states(engine))
        if a.kind in next_actions.PRIORITY
    ]


def test_marking_a_thank_you_sent_clears_its_action_records_contact_and_feedback_asked(engine, rejected_app):
    recruiter = contact_store.add_contact(
        engine,
        ContactIn(
            name="Maya",
            company="Acme",
            role="recruiter",
            email="maya@example.com",
            met_on=ago(6),
            connected_on=ago(5),
        ),
    )
    assert [a.kind for a in open_actions(engine)] == ["note"]
    note_id = store.save_note(
        engine,
        NoteIn(
            kind="thank-you after rejection",
            application_id=rejected_app,
            contact_id=recruiter,
            recipient_name="Maya",
            recipient_email="maya@example.com",
            body="Thanks",
        ),
    )
    assert [a.kind for a in open_actions(engine)] == ["note"]  # a draft is not a sent note
    store.mark_note_sent(engine, note_id, TODAY, asked_feedback=True)
    assert open_actions(engine) == []
    assert contact_store.get_contact(engine, recruiter)["last_contact_on"] == TODAY
    feedback = store.load_feedback(engine)
    assert feedback[["contact_name", "asked_on", "asked_via"]].values.tolist() == [["Maya", TODAY, "email"]]
    store.mark_note_sent(engine, note_id, TODAY, asked_feedback=True)
    assert len(store.load_feedback(engine)) == 1  # asked once per application and person
    assert store.notes_for(engine, rejected_app)["sent_on"].tolist() == [TODAY]


def test_a_note_sent_to_someone_clears_a_check_in_planned_for_then_and_keeps_a_later_one(engine):
    """After a check-in note, the person still read "Next check-in: 01 Dec", in the past."""
    due = contact_store.add_contact(engine, ContactIn(name="Ana", next_checkin_on=ago(4)))
    later = contact_store.add_contact(
        engine, ContactIn(name="Ben", next_checkin_on=TODAY + dt.timedelta(days=20))
    )
    for person in (due, later):
        note_id = store.save_note(engine, NoteIn(kind="contact check-in", contact_id=person, body="Hello"))
        store.mark_note_sent(engine, note_id, TODAY)
    assert contact_store.get_contact(engine, due)["next_checkin_on"] is None
    assert contact_store.get_contact(engine, later)["next_checkin_on"] == TODAY + dt.timedelta(days=20)
    assert [a for a in open_actions(engine) if a.kind == "check-in"] == []


def test_a_rejection_straight_after_applying_brings_no_thank_you(engine):
    app_id = app_store.add_application(engine, ApplicationIn(company="Beta", role="BI", applied_on=ago(9)))
    app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=ago(2))
    )
    assert open_actions(engine) == []


@pytest.mark.parametrize("ending", ["rejected", "withdrawn"])
def test_an_interview_today_of_an_application_that_has_ended_is_not_announced(engine, ending):
    """Interviewed this morning, turned down this afternoon: Home must not say "Interview at Beta
    today … your prep sheet is ready" — nor for an interview ahead of a withdrawal."""
    app_id = app_store.add_application(engine, ApplicationIn(company="Beta", role="BI", applied_on=ago(9)))
    later = app_store.add_application(engine, ApplicationIn(company="Gamma", role="BI", applied_on=ago(9)))
    for application_id in (app_id, later):
        app_store.add_stage_event(
            engine, StageEventIn(application_id=application_id, kind="interview", occurred_on=TODAY)
        )
    app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind=ending, occurred_on=TODAY))
    titles = [a.title for a in open_actions(engine) if a.kind == "interview"]
    assert titles == ["Interview at Gamma today"]  # the one still open is still announced


def test_an_interview_debriefed_today_is_not_announced_and_its_thank_you_is_due(engine):
    """Debriefed this afternoon, Home still said "Interview at Beta today … Once it's over" and
    offered the thank-you only the next day."""
    from lib.core.models import DebriefIn
    from lib.store import reflections as reflection_store

    app_id = app_store.add_application(engine, ApplicationIn(company="Beta", role="BI", applied_on=ago(9)))
    event_id = app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="interview", occurred_on=TODAY)
    )
    assert [a.title for a in open_actions(engine)] == ["Interview at Beta today"]
    reflection_store.save_interview(
        engine,
        DebriefIn(application_id=app_id, round_type="technical", occurred_on=TODAY, stage_event_id=event_id),
    )
    assert [(a.title, a.due_on) for a in open_actions(engine)] == [("Send a thank-you to Beta (BI)", TODAY)]


def test_a_note_sent_in_the_future_is_refused():
    with pytest.raises(ValidationError, match="can't be in the future"):
        NoteIn(kind="feedback request", body="x", sent_on=TODAY + dt.timedelta(days=1))


def test_a_note_or_feedback_dated_before_its_application_is_refused_and_nothing_saved(engine, rejected_app):
    """01/01/1900 in Sent on was saved, and Network then read "last contact 1545 months ago"."""
    before = ago(21)  # the application is 20 days old
    with pytest.raises(StoreError, match=r"can't be sent before it \(") as refused:
        store.save_note(
            engine,
            NoteIn(kind="thank-you after rejection", application_id=rejected_app, body="x", sent_on=before),
        )
    assert refused.value.field == "sent_on"
    assert store.notes_for(engine, rejected_app).empty
    # a check-in may come before an application it is linked to
    store.save_note(
        engine, NoteIn(kind="contact check-in", application_id=rejected_app, body="x", sent_on=before)
    )
    for field in ("asked_on", "received_on"):
        with pytest.raises(StoreError, match="before the application") as refused:
            store.add_feedback(engine, FeedbackIn(application_id=rejected_app, **{field: before}, text="x"))
        assert refused.value.field == field
    assert store.load_feedback(engine).empty


def test_a_day_of_a_persons_life_in_1900_is_a_slip_of_the_year():
    with pytest.raises(ValidationError, match="too long ago: check the year"):
        ContactIn(name="Bob", last_contact_on=dt.date(1900, 1, 1))
    with pytest.raises(ValidationError, match="over a year ago: pick a day ahead"):  # a planned day
        ContactIn(name="Bob", next_checkin_on=dt.date(1900, 1, 2))
    assert ContactIn(name="Bob", next_checkin_on=TODAY + dt.timedelta(days=30)).next_checkin_on
    with pytest.raises(ValidationError, match="too long ago"):
        FeedbackIn(application_id=1, asked_on=dt.date(1900, 1, 1))


def test_adding_the_interviewer_brings_a_connect_action_until_connected(engine, rejected_app):
    person = contact_store.add_contact(
        engine, ContactIn(name="Lee", company="Acme", role="interviewer", met_on=ago(6))
    )
    assert any(a.rule_key == f"connect:{person}" for a in open_actions(engine))
    contact_store.mark_connected(engine, person, TODAY)
    assert not any(a.rule_key == f"connect:{person}" for a in open_actions(engine))


def test_done_and_snoozed_decisions_are_kept_by_rule_key(engine, rejected_app):
    [action] = open_actions(engine)
    action_store.set_action_state(
        engine, action.rule_key, "snoozed", snoozed_until=TODAY + dt.timedelta(days=3)
    )
    assert open_actions(engine) == []
    action_store.set_action_state(engine, action.rule_key, "open")
    assert len(open_actions(engine)) == 1
    action_store.set_action_state(engine, action.rule_key, "done", title=action.title)
    assert open_actions(engine) == []
    assert action_store.action_states(engine)["status"].tolist() == ["done"]


def test_a_check_in_marked_done_is_the_persons_last_contact_and_clears_the_planned_day(engine):
    sam = contact_store.add_contact(
        engine,
        ContactIn(name="Sam Lee", company="Northwind", last_contact_on=ago(40), next_checkin_on=ago(1)),
    )
    [action] = [a for a in open_actions(engine) if a.contact_id == sam]
    assert action.kind == "check-in"
    action_store.set_action_state(
        engine, action.rule_key, "done", title=action.title, checked_in=(sam, TODAY)
    )
    assert contact_store.get_contact(engine, sam)["last_contact_on"] == TODAY
    assert contact_store.get_contact(engine, sam)["next_checkin_on"] is None
    assert [a for a in open_actions(engine) if a.kind == "check-in"] == []


def test_a_check_in_done_keeps_a_later_contact_and_a_later_plan_and_a_snooze_changes_neither(engine):
    jo = contact_store.add_contact(
        engine, ContactIn(name="Jo", last_contact_on=TODAY, next_checkin_on=ago(2))
    )
    [action] = [a for a in open_actions(engine) if a.contact_id == jo]
    action_store.set_action_state(
        engine,
        action.rule_key,
        "snoozed",
        snoozed_until=TODAY + dt.timedelta(days=3),
        checked_in=(jo, ago(3)),
    )
    assert contact_store.get_contact(engine, jo)["next_checkin_on"] == ago(2)
    action_store.set_action_state(engine, action.rule_key, "done", checked_in=(jo, ago(3)))
    person = contact_store.get_contact(engine, jo)
    assert (person["last_contact_on"], person["next_checkin_on"]) == (TODAY, ago(2))


def test_feedback_received_before_asked_is_refused_and_themes_are_cleaned(engine, rejected_app):
    with pytest.raises(StoreError) as err:
        store.add_feedback(
            engine, FeedbackIn(application_id=rejected_app, asked_on=ago(1), received_on=ago(2))
        )
    assert err.value.field == "received_on"
    with pytest.raises(StoreError):
        store.add_feedback(engine, FeedbackIn(application_id=rejected_app))
    fid = store.add_feedback(
        engine,
        FeedbackIn(
            application_id=rejected_app,
            asked_on=ago(10),
            received_on=ago(2),
            text="More depth",
            themes=["technical depth", " Technical  depth", "SQL"],
        ),
    )
    assert store.load_feedback(engine).set_index("id").loc[fid, "themes"] == ["technical depth", "SQL"]


def test_feedback_unanswered_for_more_than_a_week_is_chased(engine, rejected_app):
    fid = store.add_feedback(
        engine, FeedbackIn(application_id=rejected_app, asked_on=ago(8), asked_via="email")
    )
    assert f"feedback:{fid}" in [a.rule_key for a in open_actions(engine)]
    store.update_feedback(
        engine, fid, FeedbackIn(application_id=rejected_app, asked_on=ago(8), received_on=TODAY)
    )
    assert f"feedback:{fid}" not in [a.rule_key for a in open_actions(engine)]


def test_compose_facts_merge_debriefs_and_reflection_answers(engine, rejected_app):
    with db.transaction(engine) as connection:
        connection.execute(
            sa.insert(db.interviews),
            [
                {
                    "application_id": rejected_app,
                    "occurred_on": ago(9),
                    "answers": {"positive_moment": "old", "key_points": "kp"},
                },
                {
                    "application_id": rejected_app,
                    "occurred_on": ago(6),
                    "answers": {"positive_moment": "the demo", "key_points": ""},
                },
            ],
        )
        connection.execute(
            sa.insert(db.reflections).values(
                application_id=rejected_app,
                bank="rejection",
                bank_version=1,
                pause_until=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(18)),
                answers={"reply_goal": ["feedback", "another role"], "still_interested": True},
            )
        )
    facts = store.compose_facts(engine, rejected_app)
    assert facts["company"] == "Acme" and facts["outcome"] == "rejected" and facts["ended_on"] == ago(1)
    assert facts["interview_on"] == ago(6)
    assert facts["interview_answers"] == {"positive_moment": "the demo", "key_points": "kp"}
    assert facts["reflection_answers"]["reply_goal"] == ["feedback", "another role"]
    assert facts["pause_until"].date() == TODAY + dt.timedelta(days=1)
    assert store.compose_facts(engine, 999) is None
    # the pause holds the thank-you back (due the day it ends), the look back waits for its end
    assert [(a.kind, a.due_on) for a in open_actions(engine)] == [("note", TODAY + dt.timedelta(days=1))]


def test_the_signature_is_kept_and_cleared(engine):
    store.set_signature(engine, "  Sam   Lee ")
    assert store.get_signature(engine) == "Sam Lee"
    store.set_signature(engine, "")
    assert store.get_signature(engine) == ""


def test_application_choices_put_the_most_recently_active_first(engine, rejected_app):
    other = app_store.add_application(engine, ApplicationIn(company="Beta", role="BI", applied_on=ago(3)))
    assert store.application_choices(engine)["id"].tolist() == [rejected_app, other]


@pytest.mark.parametrize("stage", ["screen", "interview"])
def test_a_stage_a_rejection_implied_is_never_an_interview_today_nor_a_made_up_age(engine, stage):
    """The rejection form says how far it got, not when: Home lists no "Interview at … today" and
    the composer says the interview's date is unknown."""
    from lib.core.models import RejectionIn
    from lib.follow_up import compose
    from lib.store import reflections

    app_id = app_store.add_application(
        engine, ApplicationIn(company="Gymshark", role="BI", applied_on=ago(20))
    )
    reflections.record_rejection(
        engine,
        RejectionIn(
            application_id=app_id,
            stage_reached=stage,
            occurred_on=TODAY,
            via="email",
            mood=3,
            pause_until=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(18)),
        ),
    )
    assert [a.kind for a in open_actions(engine) if a.kind == "interview"] == []
    facts = store.compose_facts(engine, app_id)
    assert facts["interview_on"] is None and facts["ended_on"] == TODAY
    assert facts["interviewed"] is (stage == "interview")
    expected = "Interview: date unknown · Rejected: today." if stage == "interview" else "Rejected: today."
    assert compose.timeliness(facts, TODAY) == expected


def test_feedback_asked_with_what_they_said_but_no_answer_day_asks_when_it_came(engine, rejected_app):
    """Saved, it waited under "Waiting for an answer" with the answer written beside it."""
    with pytest.raises(StoreError, match="When did their answer come?") as refused:
        store.add_feedback(
            engine, FeedbackIn(application_id=rejected_app, asked_on=ago(3), text="More SQL depth.")
        )
    assert refused.value.field == "received_on"
    assert store.load_feedback(engine).empty
    store.add_feedback(engine, FeedbackIn(application_id=rejected_app, asked_on=ago(3)))  # waiting
    store.add_feedback(engine, FeedbackIn(application_id=rejected_app, text="Unasked: a kind note."))
    assert len(store.load_feedback(engine)) == 2


def test_a_note_saved_from_an_older_stamp_is_refused_with_the_stored_text(engine, rejected_app):
    from lib.store.base import Conflict

    note = NoteIn(kind="contact check-in", application_id=rejected_app, body="first")
    note_id = store.save_note(engine, note)
    opened = store.note_stamp(engine, note_id)
    store.save_note(engine, note.model_copy(update={"body": "tab one"}), note_id, seen=opened)
    with pytest.raises(Conflict) as caught:
        store.save_note(engine, note.model_copy(update={"body": "tab two"}), note_id, seen=opened)
    assert caught.value.saved["body"] == "tab one"
    assert caught.value.saved["stamp"] == store.note_stamp(engine, note_id) != opened
    assert store.notes_for(engine, rejected_app)["body"].tolist() == ["tab one"]
    # from the stamp it now has, the save goes through; without one, nothing is checked
    store.save_note(
        engine, note.model_copy(update={"body": "tab two"}), note_id, seen=caught.value.saved["stamp"]
    )
    store.save_note(engine, note.model_copy(update={"body": "unchecked"}), note_id)
    assert store.notes_for(engine, rejected_app)["body"].tolist() == ["unchecked"]
    assert store.note_stamp(engine, 999) is None


def test_feedback_asked_in_a_note_to_no_address_is_not_said_to_be_by_email(engine, rejected_app):
    """Priya had no email; marking the note sent recorded "asked via email"."""
    person = contact_store.add_contact(engine, ContactIn(name="Priya", company="Acme", role="recruiter"))
    note = NoteIn(
        kind="thank-you after rejection",
        application_id=rejected_app,
        contact_id=person,
        recipient_name="Priya",
        body="Thanks",
        sent_on=TODAY,
    )
    store.save_note(engine, note, asked_feedback=True)
    [row] = store.load_feedback(engine).to_dict("records")
    assert row["asked_on"] == TODAY and row["asked_via"] is None


def test_an_answer_fills_only_a_real_request_asked_before_it(engine, rejected_app):
    from lib.core.models import FeedbackIn

    person = contact_store.add_contact(engine, ContactIn(name="Dana", company="Acme", role="recruiter"))
    said = FeedbackIn(application_id=rejected_app, contact_id=person, text="Strong SQL, said on the phone.")
    noted = store.add_feedback(engine, said)  # what was said, with no ask: not a request waiting
    asked = store.add_feedback(
        engine, FeedbackIn(application_id=rejected_app, contact_id=person, asked_on=ago(3), asked_via="email")
    )
    early = store.add_feedback(  # an answer from before the ask: an entry of its own
        engine,
        FeedbackIn(application_id=rejected_app, contact_id=person, received_on=ago(5), text="Verbal note."),
    )
    assert early not in (noted, asked)
    answer = FeedbackIn(
        application_id=rejected_app, contact_id=person, received_on=ago(1), text="The panel's view."
    )
    assert store.add_feedback(engine, answer) == asked
    rows = store.load_feedback(engine).set_index("id")
    assert rows.loc[noted, "text"] == "Strong SQL, said on the phone."  # not written over
    assert rows.loc[asked, "text"] == "The panel's view." and len(rows) == 3


def test_saving_a_note_deleted_since_says_so_and_saves_nothing(engine, rejected_app):
    note = NoteIn(kind="contact check-in", application_id=rejected_app, body="Hello")
    note_id = store.save_note(engine, note)
    seen = store.note_stamp(engine, note_id)
    store.delete_note(engine, note_id)
    with pytest.raises(StoreError, match="deleted since it was opened"):
        store.save_note(engine, note.model_copy(update={"body": "Hello again"}), note_id, seen=seen)
    assert store.notes_for(engine, rejected_app).empty


def test_compose_facts_say_which_round_came_last(engine, rejected_app):
    assert store.compose_facts(engine, rejected_app)["interview_kind"] == "interview"
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Lumen", role="Designer", applied_on=ago(30))
    )
    for kind, day in (("interview", ago(10)), ("final", ago(8)), ("rejected", ago(0))):
        app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind=kind, occurred_on=day))
    facts = store.compose_facts(engine, app_id)
    assert (facts["interview_kind"], facts["interview_on"]) == ("final", ago(8))


def test_a_draft_to_a_person_deleted_since_is_saved_and_sent_without_the_link(engine, rejected_app):
    # the compose page still held the draft; Mark sent stopped with an IntegrityError
    gone = contact_store.add_contact(
        engine, ContactIn(name="Marcus Lee", company="Acme", role="hiring manager")
    )
    contact_store.delete_contact(engine, gone)
    note = NoteIn(
        kind="feedback request",
        application_id=rejected_app,
        contact_id=gone,
        recipient_name="Marcus Lee",
        recipient_email="marcus@acme.example",
        body="Thank you",
        sent_on=TODAY,
    )
    note_id = store.save_note(engine, note, asked_feedback=True)
    saved = store.notes_for(engine, rejected_app)
    assert saved.loc[saved["id"] == note_id, ["recipient_name", "sent_on"]].values.tolist() == [
        ["Marcus Lee", TODAY]
    ]
    with engine.connect() as connection:
        assert (
            connection.execute(
                sa.select(db.follow_up_notes.c.contact_id).where(db.follow_up_notes.c.id == note_id)
            ).scalar()
            is None
        )
    # saved again (Save draft on the same card): the update is refused no more either
    store.save_note(engine, note.model_copy(update={"sent_on": None}), note_id=note_id)
