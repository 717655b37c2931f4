"""Paste an email: preview what was understood, match it to the log, record it; a rejection opens the pause."""

from __future__ import annotations

import datetime as dt

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from lib.store import emails as email_store

REJECTION = """From: Brightline Talent <talent@brightline.io>
Subject: Your application to Brightline
Date: 2025-11-04

Hi Sam,

Thank you for taking the time to interview with us for the Product Designer role at Brightline.
After careful consideration, we have decided to move forward with other candidates.

Best wishes,
The Brightline Talent Team
"""


def test_paste_a_rejection_see_it_matched_record_it_and_land_on_the_pause(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Brightline", role="Product Designer", applied_on=dt.date(2025, 10, 1))
    )
    at = open_page("pages/rejection.py")
    at.text_area[0].set_value(REJECTION).run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "a rejection" in shown and "Matched to Brightline" in shown
    company = [t for t in at.text_input if t.key and t.key.endswith("_company")][0]
    assert company.value == "Brightline"
    picked = [s for s in at.selectbox if s.key and "_app_" in s.key][0]
    assert picked.value == app_id  # the application it matched
    [b for b in at.button if b.key and b.key.endswith("_record")][0].click().run()
    assert not at.exception
    events = app_store.events_for(engine, app_id)
    assert events["kind"].tolist() == ["interview", "rejected"]
    assert len(email_store.emails_for(engine, app_id)) == 1
    assert at.query_params["id"] == [str(app_id)] or at.query_params["id"] == str(app_id)
    assert any("After the" in t.value for t in at.title)  # the pause page for that application
    engine.dispose()


def test_an_unrelated_email_records_nothing(open_page, app_env):
    at = open_page("pages/rejection.py")
    at.text_area[0].set_value("Subject: Dinner\n\nUnfortunately I can't make it on Friday, sorry!").run()
    assert not at.exception
    record = [b for b in at.button if b.key and b.key.endswith("_record")][0]
    assert record.disabled
    assert any("doesn't read like news" in i.value for i in at.info)


def test_a_no_already_recorded_says_so_before_the_button_and_records_nothing(open_page, app_env):
    """The same news by email after it was recorded by hand: said in the preview, calmly, with a way
    to the application; Record it is off (it used to end in a red error below the fold)."""
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Brightline", role="Product Designer", applied_on=dt.date(2025, 10, 1))
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=dt.date(2025, 11, 3))
    )
    at = open_page("pages/rejection.py")
    at.text_area[0].set_value(REJECTION).run()
    assert not at.exception
    said = " ".join(i.value for i in at.info)
    assert "already in your log as rejected on 03 Nov 2025" in said and "nothing more to record" in said
    assert "paste_rejection_date_ending" not in [b.key for b in at.button]  # its day is known
    record = [b for b in at.button if b.key and b.key.endswith("_record")][0]
    assert record.disabled
    assert not at.error
    assert app_store.events_for(engine, app_id)["kind"].tolist() == ["rejected"]
    new = [s for s in at.selectbox if s.key and "_app_" in s.key][0]
    new.set_value(0).run()  # another application at the same company: a new one, recordable
    assert not [b for b in at.button if b.key and b.key.endswith("_record")][0].disabled
    engine.dispose()


def test_a_no_imported_without_its_day_takes_the_emails_day_when_asked(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Brightline", role="Product Designer", applied_on=dt.date(2025, 10, 1))
    )
    app_store.add_stage_event(  # an imported "Rejected": its day unknown
        engine,
        StageEventIn(
            application_id=app_id, kind="rejected", occurred_on=dt.date(2025, 10, 1), date_known=False
        ),
    )
    at = open_page("pages/rejection.py")
    at.text_area[0].set_value(REJECTION).run()
    assert any("(its day unknown)" in i.value for i in at.info)
    at.button(key="paste_rejection_date_ending").click().run()
    assert not at.exception
    [ending] = app_store.events_for(engine, app_id).to_dict("records")
    assert ending["occurred_on"] == dt.datetime(2025, 11, 4) and ending["date_known"]
    assert app_store.events_for(engine, app_id)["kind"].tolist() == ["rejected"]  # nothing added twice
    engine.dispose()


def test_a_no_for_an_application_not_in_the_log_asks_when_you_applied(open_page, app_env):
    """A new application from an email: the day you applied is asked (the email's day by default),
    and the interview the "no" came after is kept without a date it never gave."""
    engine = db.open_database(app_env)
    at = open_page("pages/rejection.py")
    at.text_area[0].set_value(REJECTION).run()
    applied = [d for d in at.date_input if d.key and d.key.endswith("_applied")][0]
    assert applied.value == dt.date(2025, 11, 4) and applied.label == "Applied on"
    assert any("doesn't say when you applied" in c.value for c in at.caption)
    applied.set_value(dt.date(2025, 10, 2)).run()
    [b for b in at.button if b.key and b.key.endswith("_record")][0].click().run()
    assert not at.exception
    app = app_store.load_applications(engine).iloc[0]
    assert (app["company"], app["applied_on"].date()) == ("Brightline", dt.date(2025, 10, 2))
    events = app_store.events_for(engine, int(app["id"]))
    assert events["kind"].tolist() == ["interview", "rejected"]
    assert events["occurred_on"].isna().tolist() == [True, False]
    engine.dispose()


def test_an_invitation_emails_day_reads_as_the_invitation_in_the_applications_history(open_page, app_env):
    from tests.app.shown import shown

    engine = db.open_database(app_env)
    day = dt.date.today() - dt.timedelta(days=2)
    email_store.record(
        engine,
        [
            email_store.EmailRecord(
                message_id="<invite@acme>",
                kind="interview",
                company="Acme",
                role="Analyst",
                date=day,
                sender="jobs@acme.example",
                subject="Interview invitation",
                text="We would like to invite you to an interview.",
            )
        ],
    )
    app_id = int(app_store.load_applications(engine)["id"].iloc[0])
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    lines = shown(at.markdown)
    assert any(f"{day:%d %b %Y}** — Invited to: interview (the day the email came)" in m for m in lines)
    assert not any(m.endswith("— Interview") for m in lines)


def test_read_it_with_nothing_pasted_says_what_to_do(open_page, app_env):
    at = open_page("pages/rejection.py")
    [read] = [b for b in at.button if b.key and b.key.endswith("_read")]
    read.click()
    at.run()
    assert not at.exception
    assert "Paste an email in the box first, or drop its .eml file below." in [c.value for c in at.caption]


INVITATION = """From: Acme Careers <jobs@acme.example>
Subject: Interview invitation: Data Analyst at Acme
Date: {day}

Hi Sam, thank you for applying to Acme for the Data Analyst role. We would like to invite you to an
interview next week. Please pick a time that suits you.
"""


def _paste_box(at):
    return [t for t in at.text_area if t.key and t.key.startswith("paste_home")][0]


def _record_button(at):
    return [b for b in at.button if b.key and b.key.endswith("_record")][0]


def test_an_email_pasted_without_its_date_line_says_today_is_assumed(open_page, app_env):
    """The day was set to today without a word, and saved as the day the email came."""
    at = open_page()
    _paste_box(at).set_value(INVITATION.split("\n", 3)[3]).run()  # the body only: no Date line
    assert not at.exception
    assert any("No date in the email, so its Date is today" in c.value for c in at.caption)
    _paste_box(at).set_value(INVITATION.format(day=dt.date.today() - dt.timedelta(days=1))).run()
    assert not any("No date in the email" in c.value for c in at.caption)


def test_the_same_email_pasted_again_says_so_before_record_and_the_last_message_goes(open_page, app_env):
    """Pasted again, it looked new until Record said "already recorded"; and the last save's
    "Recorded: … — Acme." stayed above the next email's preview, as if said of it."""
    engine = db.open_database(app_env)
    email = INVITATION.format(day=dt.date.today() - dt.timedelta(days=1))
    at = open_page()
    _paste_box(at).set_value(email).run()
    assert not any("You recorded this email before" in i.value for i in at.info)
    _record_button(at).click().run()
    assert not at.exception
    assert any("Recorded" in s.value and "Acme" in s.value for s in at.success)
    assert len(app_store.load_applications(engine)) == 1

    _paste_box(at).set_value(email).run()  # the same email, in the fresh box
    assert not at.exception
    assert not any("Recorded" in s.value for s in at.success)
    assert any("You recorded this email before" in i.value for i in at.info)
    assert _record_button(at).disabled
    assert len(app_store.load_applications(engine)) == 1
    engine.dispose()
