"""Every date box takes any day, and a day its record can't hold is refused under it on save.

A box's own narrow range (at most today) made the browser hold a future day back, red, and the save
then stored the last good day without a word. Each test types the day the browser would have held
back and checks the page says why and stores nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn, FeedbackIn, StageEventIn
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import followups as followup_store
from lib.store import practice as practice_store
from lib.store import reflections
from tests.app.shown import shown

TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)


@pytest.fixture
def rejected(app_env):
    """Acme: an interview five days ago, a "no" yesterday, the recruiter saved."""
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )
    for kind, days in (("interview", 5), ("rejected", 1)):
        app_store.add_stage_event(
            engine,
            StageEventIn(application_id=app_id, kind=kind, occurred_on=TODAY - dt.timedelta(days=days)),
        )
    contact_store.add_contact(
        engine, ContactIn(name="Maya Lee", company="Acme", role="recruiter", email="maya@example.com")
    )
    yield engine, app_id
    engine.dispose()


def _takes_any_day(box) -> None:
    assert box.max > TODAY + dt.timedelta(days=365) and box.min < dt.date(2000, 1, 1)


def test_feedback_asked_tomorrow_is_refused_under_its_box_and_nothing_saved(open_page, rejected):
    engine, app_id = rejected
    at = open_page("pages/feedback.py", query_params={"app": str(app_id)})
    asked = at.date_input(key="feedback_new_asked_on")
    _takes_any_day(asked)
    asked.set_value(TOMORROW)
    at.text_area(key="feedback_new_text").set_value("More SQL depth.")
    at.button(key="FormSubmitter:feedback_new-Save feedback").click()
    at.run()
    assert not at.exception
    assert "Asked on can't be in the future" in shown(at.error)
    assert followup_store.load_feedback(engine).empty


def test_an_answer_dated_tomorrow_is_refused_and_the_feedback_still_waits(open_page, rejected):
    engine, app_id = rejected
    followup_store.add_feedback(engine, FeedbackIn(application_id=app_id, asked_on=TODAY, asked_via="email"))
    at = open_page("pages/feedback.py")
    answer = at.date_input(key="answer_on")
    _takes_any_day(answer)
    answer.set_value(TOMORROW)
    at.text_area(key="answer_text").set_value("They hired internally.")
    at.button(key="FormSubmitter:feedback_answer-Record the answer").click()
    at.run()
    assert not at.exception
    assert "Answer on can't be in the future" in shown(at.error)
    assert followup_store.load_feedback(engine)["received_on"].isna().all()


def test_a_note_sent_tomorrow_is_refused_under_its_box_and_stays_a_draft(open_page, rejected):
    engine, app_id = rejected
    at = open_page("pages/compose.py", query_params={"app": str(app_id), "kind": "feedback request"})
    at.text_input(key="compose_my_name").set_value("Sam Lee")
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    body = next(t for t in at.text_area if t.key.startswith("body_"))
    body.set_value("Dear Maya, thank you for your time. Sam")
    at.run()
    sent_on = next(d for d in at.date_input if d.key.startswith("sent_on_"))
    _takes_any_day(sent_on)
    sent_on.set_value(TOMORROW)
    next(b for b in at.button if b.key and b.key.startswith("mark_sent_")).click()
    at.run()
    assert not at.exception
    assert "Sent on can't be in the future" in shown(at.error)
    notes = followup_store.notes_for(engine, app_id)
    assert notes.empty or notes["sent_on"].isna().all()


def test_a_person_met_tomorrow_is_refused_under_met_on_and_not_added(open_page, app_env):
    engine = db.open_database(app_env)
    at = open_page("pages/network.py")
    met = next(d for d in at.date_input if d.label == "Met on")
    _takes_any_day(met)
    met.set_value(TOMORROW)
    next(t for t in at.text_input if t.label == "Name *").set_value("Jo Test")
    next(b for b in at.button if b.label == "Add person").click()
    at.run()
    assert not at.exception
    assert "Met on can't be in the future" in shown(at.error)
    assert contact_store.load_contacts(engine).empty
    engine.dispose()


def test_a_check_in_planned_years_ahead_is_refused_and_one_within_the_year_kept(open_page, app_env):
    """01/01/2099 was kept without a word (the other date boxes refuse such a slip of the year)."""
    engine = db.open_database(app_env)
    at = open_page("pages/network.py")
    next(t for t in at.text_input if t.label == "Name *").set_value("Jo Test")
    check_in = next(d for d in at.date_input if d.label == "Next check-in")
    check_in.set_value(dt.date(2099, 1, 1))
    next(b for b in at.button if b.label == "Add person").click()
    at.run()
    assert "Next check-in can't be more than a year ahead" in shown(at.error)
    assert contact_store.load_contacts(engine).empty
    next(d for d in at.date_input if d.label == "Next check-in").set_value(TODAY + dt.timedelta(days=300))
    next(b for b in at.button if b.label == "Add person").click()
    at.run()
    assert contact_store.load_contacts(engine)["name"].tolist() == ["Jo Test"]
    engine.dispose()


def test_an_email_dated_tomorrow_is_refused_with_a_message_not_an_exception(open_page, app_env):
    engine = db.open_database(app_env)
    at = open_page("pages/rejection.py")
    at.text_area[0].set_value(
        "From: Birch Talent <talent@birch.io>\nSubject: Interview invitation\nDate: 2025-11-04\n\n"
        "We would like to invite you to an interview for the Analyst role at Birch."
    ).run()
    day = next(d for d in at.date_input if d.key and d.key.endswith("_date"))
    _takes_any_day(day)
    day.set_value(TOMORROW).run()
    next(t for t in at.text_input if t.key and t.key.endswith("_company")).set_value("Birch").run()
    next(b for b in at.button if b.key and b.key.endswith("_record")).click().run()
    assert not at.exception
    assert "The email's date can't be in the future." in shown(at.error)
    assert app_store.load_applications(engine).empty
    engine.dispose()


def test_a_rejection_dated_tomorrow_or_a_pause_two_years_out_is_refused_under_its_box(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )
    at = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    prefix = f"rejection_new_{app_id}__"
    day, pause = at.date_input(key=prefix + "rejected_on"), at.date_input(key=prefix + "pause_until")
    _takes_any_day(day)
    _takes_any_day(pause)
    day.set_value(TOMORROW)
    pause.set_value(TODAY + dt.timedelta(days=730))
    at.button_group(key=prefix + "news_via").set_value("email")
    at.button_group(key=prefix + "mood").set_value(2)
    at.run()
    at.button(key="save_rejection").click()
    at.run()
    assert not at.exception
    errors = " ".join(shown(at.error))
    assert "can't be in the future" in errors and "can't be more than a year ahead" in errors
    assert app_store.events_for(engine, app_id).empty
    assert reflections.reflections_for(engine, app_id) == []
    engine.dispose()


def test_an_interview_day_already_past_is_refused_not_forgotten_at_once(open_page, app_env):
    engine = db.open_database(app_env)
    at = open_page("pages/practice.py")
    day = at.date_input(key="practice_interview_on")
    _takes_any_day(day)
    day.set_value(TODAY - dt.timedelta(days=3))
    at.button(key="practice_interview_save").click()
    at.run()
    assert not at.exception
    assert "That day has passed: pick today or a day ahead." in shown(at.error)
    assert practice_store.next_interview(engine, TODAY) is None
    engine.dispose()


def test_an_interview_day_years_ahead_is_refused_and_none_picked_is_said(open_page, app_env):
    """31/12/2199 was kept, and shown as "Next interview: Tue 31 Dec", as if this December; with no
    day picked the button did nothing, without a word."""
    engine = db.open_database(app_env)
    at = open_page("pages/practice.py")
    at.date_input(key="practice_interview_on").set_value(dt.date(2199, 12, 31))
    at.button(key="practice_interview_save").click()
    at.run()
    assert "That day is more than a year ahead: check the year." in shown(at.error)
    assert practice_store.next_interview(engine, TODAY) is None
    at.date_input(key="practice_interview_on").set_value(None)
    at.button(key="practice_interview_save").click()
    at.run()
    assert "Pick the interview's day first." in shown(at.error)
    ahead = TODAY + dt.timedelta(days=200)  # the year is said when it is not this one
    at.date_input(key="practice_interview_on").set_value(ahead)
    at.button(key="practice_interview_save").click()
    at.run()
    assert practice_store.next_interview(engine, TODAY) == ahead
    year = f" {ahead.year}" if ahead.year != TODAY.year else ""
    assert at.expander[0].label == f"Next interview: {ahead:%a %d %b}{year}"
    engine.dispose()


def test_a_pause_that_has_already_ended_is_refused_with_the_other_errors_at_once(open_page, app_env):
    """A pause ending two days ago was saved ("Be kind to yourself until Wed 02 Dec") and Home said
    at once that it had ended; a second bad day was only said on the next save."""
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )
    at = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    prefix = f"rejection_new_{app_id}__"
    at.date_input(key=prefix + "rejected_on").set_value(TODAY - dt.timedelta(days=30))
    at.date_input(key=prefix + "pause_until").set_value(TODAY - dt.timedelta(days=2))
    at.button_group(key=prefix + "news_via").set_value("email")
    at.run()
    at.button(key="save_rejection").click()
    at.run()
    assert not at.exception
    errors = shown(at.error)
    assert any("can't be before the application date" in e for e in errors)
    assert any("That day has passed: a pause ends today at the earliest." in e for e in errors)
    assert any("How do you feel right now?" in e for e in errors)
    assert app_store.events_for(engine, app_id).empty
    assert reflections.reflections_for(engine, app_id) == []
    engine.dispose()
