"""Recording job emails: one transaction, deduplicated by Message-ID, the history kept true."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from lib.store import emails as store

DAY = dt.date(2025, 11, 3)


def _record(kind, message_id, company="Acme", role="Data Engineer", stage=None, date=DAY, app=None):
    return store.EmailRecord(
        message_id=message_id,
        kind=kind,
        company=company,
        role=role,
        date=date,
        stage=stage,
        application_id=app,
        sender="jobs@acme.com",
        subject=f"{kind} email",
        text="Dear Sam…",
    )


def test_a_mailbox_creates_the_application_its_stages_and_the_ending_once(engine):
    batch = [
        _record("rejection", "<3>", stage="final", date=DAY + dt.timedelta(days=20)),
        _record("application", "<1>"),
        _record("interview", "<2>", date=DAY + dt.timedelta(days=7)),
    ]
    result = store.record(engine, batch)
    assert (result.applications, result.emails) == (1, 3)
    apps = app_store.load_applications(engine)
    assert len(apps) == 1 and apps["applied_on"].iloc[0].date() == DAY
    kinds = app_store.events_for(engine, int(apps["id"].iloc[0]))["kind"].tolist()
    assert kinds == ["interview", "final", "rejected"]
    again = store.record(engine, batch)
    assert (again.emails, again.duplicates, again.applications) == (0, 3, 0)
    assert len(store.emails_for(engine, int(apps["id"].iloc[0]))) == 3


def test_an_email_that_contradicts_the_history_is_reported_and_not_kept(engine):
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Data Engineer", applied_on=DAY)
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=DAY + dt.timedelta(days=1))
    )
    result = store.record(
        engine, [_record("interview", "<late>", app=app_id, date=DAY + dt.timedelta(days=5))]
    )
    assert result.emails == 0 and "<late>" in result.errors
    assert store.emails_for(engine, app_id).empty


def test_a_no_from_an_unknown_application_says_how_far_it_got_not_when(engine):
    """ "After your interview, we…": the interview is recorded in its place with its date unknown; the
    new application is dated as the person said, else the email's day."""
    news = DAY + dt.timedelta(days=20)
    item = _record("rejection", "<no>", stage="interview", date=news)
    item.applied_on = DAY
    assert store.record(engine, [item]).applications == 1
    app = app_store.load_applications(engine).iloc[0]
    assert app["applied_on"].date() == DAY
    events = app_store.events_for(engine, int(app["id"]))
    assert events["kind"].tolist() == ["interview", "rejected"]
    interview, rejected = events.to_dict("records")
    assert pd.isna(interview["occurred_on"])  # unknown, and shown as unknown
    assert rejected["occurred_on"].date() == news


def test_a_day_applied_after_the_email_or_an_email_from_the_future_is_refused_and_nothing_written(engine):
    """A slip in a date box is said, never moved to fit (it was stored as the email's day), and a
    future day is a message for that email, not an exception that loses the batch."""
    slip = _record("rejection", "<slip>", company="Birch", date=DAY)
    slip.applied_on = DAY + dt.timedelta(days=1)
    ahead = _record("interview", "<ahead>", company="Cedar", date=dt.date.today() + dt.timedelta(days=1))
    fine = _record("interview", "<fine>", company="Dune", date=DAY)
    result = store.record(engine, [slip, ahead, fine])
    assert result.errors == {
        "<slip>": f"The day you applied can't be after the email ({DAY:%d %b %Y}).",
        "<ahead>": "The email's date can't be in the future.",
    }
    assert app_store.load_applications(engine)["company"].tolist() == ["Dune"]
    assert store.kept_ids(engine, ["<slip>", "<ahead>", "<fine>"]) == {"<fine>"}


def test_the_match_log_says_how_and_when_an_application_ended_and_keeps_an_unknown_day_unknown(engine):
    first = app_store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=DAY))
    second = app_store.add_application(engine, ApplicationIn(company="Birch", role="Analyst", applied_on=DAY))
    third = app_store.add_application(engine, ApplicationIn(company="Cedar", role="Analyst", applied_on=DAY))
    later = DAY + dt.timedelta(days=9)
    app_store.add_stage_event(engine, StageEventIn(application_id=first, kind="rejected", occurred_on=later))
    app_store.add_stage_event(
        engine, StageEventIn(application_id=second, kind="ghosted", occurred_on=later, date_known=False)
    )
    log = store.match_log(engine).set_index("id")
    assert log.loc[first, ["outcome", "ended_as", "ended_on"]].tolist() == ["ended", "rejected", later]
    assert log.loc[second, "ended_as"] == "ghosted" and pd.isna(log.loc[second, "ended_on"])
    assert log.loc[third, "outcome"] == "open" and pd.isna(log.loc[third, "ended_as"])


def test_an_interview_invitation_is_not_said_to_be_the_interview(engine):
    """Home lists the invitation as one, not "Interview at Acme today"; the next days bring no
    "the interview was yesterday" thank-you; the composer keeps the interview's date unknown."""
    from lib.follow_up import next_actions
    from lib.store import followups
    from lib.store import next_actions as action_store

    today = dt.date.today()
    store.record(engine, [_record("interview", "<inv>", date=today)])
    app_id = int(app_store.load_applications(engine)["id"].iloc[0])

    def titles(day):
        facts = action_store.load_facts(engine, since=day - dt.timedelta(days=60))
        return [a.title for a in next_actions.compute(facts, day) if a.kind in ("interview", "note")]

    assert titles(today) == ["An interview invitation from Acme"]
    assert titles(today + dt.timedelta(days=2)) == []
    facts = followups.compose_facts(engine, app_id)
    assert facts["interview_on"] is None and facts["interviewed"] is True

    typed = app_store.add_application(engine, ApplicationIn(company="Beta", role="BI", applied_on=today))
    app_store.add_stage_event(engine, StageEventIn(application_id=typed, kind="interview", occurred_on=today))
    assert "Interview at Beta today" in titles(today)
    # the application's own history knows which is which
    assert app_store.events_for(engine, app_id)["invitation"].tolist() == [True]
    assert app_store.events_for(engine, typed)["invitation"].tolist() == [False]


def test_an_email_with_no_day_is_reported_and_the_others_are_recorded(engine):
    import pandas as pd

    result = store.record(
        engine, [_record("rejection", "<nodate>", date=pd.NaT), _record("application", "<ok>")]
    )
    assert result.errors == {"<nodate>": "The email has no date: type the day it came."}
    assert result.emails == 1


def test_a_huge_subject_is_named_in_a_line_on_the_new_application_and_its_event(engine):
    import dataclasses

    from lib.store import applications as app_store

    huge = "Thank you for applying " + "very long subject " * 3000
    item = dataclasses.replace(_record("rejection", "<huge>"), subject=huge)
    assert store.record(engine, [item]).emails == 1
    app = app_store.load_applications(engine).iloc[0]
    notes = app_store.get_application(engine, int(app["id"]))["notes"]
    assert notes.startswith("Added from an email: Thank you for applying") and len(notes) < 260
    assert notes.endswith("…")
    assert all(len(n) < 220 for n in app_store.events_for(engine, int(app["id"]))["note"].dropna())


def test_a_no_that_creates_its_application_gives_it_the_emails_day_only_as_a_stand_in(engine):
    """No day applied given: the email's day stands in, and no "answered the same day" is counted."""
    from lib.learn import traction

    store.record(engine, [_record("rejection", "<no-day>", company="Initech")])
    store.record(engine, [_record("application", "<receipt>", company="Globex")])
    told = _record("rejection", "<told>", company="Hooli")
    told.applied_on = DAY - dt.timedelta(days=4)
    store.record(engine, [told])
    apps = app_store.load_applications(engine).set_index("company")
    assert apps["applied_known"].astype(bool).to_dict() == {"Initech": False, "Globex": True, "Hooli": True}
    table = traction.traction_table(
        app_store.load_applications(engine), app_store.load_events(engine), DAY + dt.timedelta(days=1)
    ).set_index("company")
    assert pd.isna(table.loc["Initech", "days_to_first_response"])  # it was 0 days
    assert table.loc["Hooli", "days_to_first_response"] == 4


def test_a_receipt_recorded_later_gives_a_stand_in_application_its_day_applied(engine):
    # the screen email came first and dated the application by itself ("applied by 10 Nov")
    screen = DAY + dt.timedelta(days=37)
    store.record(engine, [_record("interview", "<screen>", stage="screen", date=screen)])
    apps = app_store.load_applications(engine)
    assert apps["applied_on"].iloc[0].date() == screen and not bool(apps["applied_known"].iloc[0])
    # a receipt after the stand-in day is not its day applied: the stand-in stays
    store.record(engine, [_record("application", "<late>", date=screen + dt.timedelta(days=3))])
    apps = app_store.load_applications(engine)
    assert apps["applied_on"].iloc[0].date() == screen and not bool(apps["applied_known"].iloc[0])
    # then the receipt, from an older mailbox: the day applied is known at last
    store.record(engine, [_record("application", "<receipt>")])
    apps = app_store.load_applications(engine)
    assert len(apps) == 1
    assert apps["applied_on"].iloc[0].date() == DAY and bool(apps["applied_known"].iloc[0])
