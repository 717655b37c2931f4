"""Follow up: compose and send a note, the pause guard, feedback, network, next actions on Home."""

import datetime as dt
import re

import pandas as pd
import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn, StageEventIn
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import followups as store
from tests.app.shown import shown
from ui.text import md

TODAY = dt.date.today()
XSS = "<img src=x onerror=alert(1)>"


def ago(n):
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def rejected(app_env):
    """An application rejected yesterday after an interview, with the recruiter saved."""
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Acme Robotics", role="Data Analyst", applied_on=ago(20))
    )
    for kind, day in (("interview", ago(5)), ("rejected", ago(1))):
        app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind=kind, occurred_on=day))
    recruiter = contact_store.add_contact(
        engine,
        ContactIn(
            name='Maya O\'Brien, "MJ" 🌟',
            company="Acme Robotics",
            role="recruiter",
            email="maya@example.com",
            met_on=ago(5),
            connected_on=ago(5),
        ),
    )
    return engine, app_id, recruiter


def texts(elements):
    return [e.value for e in elements]


def home_actions(at):
    return [m.value for m in at.markdown if "**" in m.value and m.value.rstrip().endswith(")*")]


def compose(open_page, app_id, kind="thank-you after rejection"):
    return open_page("pages/compose.py", query_params={"app": str(app_id), "kind": kind})


def test_composing_a_thank_you_and_marking_it_sent_removes_the_action(open_page, rejected):
    engine, app_id, recruiter = rejected
    home = open_page()
    assert any("Send a thank\\-you to Acme Robotics" in m for m in home_actions(home))

    at = compose(open_page, app_id)
    assert not at.exception
    assert at.multiselect(key=f"compose_to_{app_id}_thank-you after rejection").value == [recruiter]
    at.selectbox(key="compose_question").set_value(
        "How could I have approached the technical part of the interview better?"
    )
    at.text_input(key="compose_my_name").set_value("Sam Lee")
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    [body] = [t for t in at.text_area if t.key.startswith("body_")]
    assert body.value.startswith('Dear Maya O\'Brien, "MJ" 🌟,')
    assert "How could I have approached the technical part of the interview better?" in body.value
    assert "[add: a moment from the interview you valued]" in body.value  # no debrief yet: visible marker
    assert body.value.rstrip().endswith("Sam Lee")
    body.set_value(
        body.value.replace("[add: a moment from the interview you valued]", "the routing whiteboard session")
    )
    at.run()
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("mark_sent_"))).click()
    at.run()
    assert not at.exception
    assert any("Sent on" in s for s in texts(at.success))

    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert (note["kind"], note["contact_id"], note["sent_on"]) == (
        "thank-you after rejection",
        recruiter,
        TODAY,
    )
    assert "the routing whiteboard session" in note["body"]
    assert store.load_feedback(engine)["asked_on"].tolist() == [TODAY]  # the question counts as asked

    # A sent note's later edit is saved as sent: it never goes back to being a draft. Its day is
    # said once, in words: no greyed-out date box or button (their faint labels fail contrast).
    assert not [b for b in at.button if b.key and b.key.startswith("save_") and b.label == "Save draft"]
    assert not [d for d in at.date_input if d.key.startswith("sent_on_")]
    assert not [b for b in at.button if b.key and b.key.startswith("mark_sent_")]
    body = next(t for t in at.text_area if t.key.startswith("body_"))
    body.set_value(body.value + "\nP.S. Thank you again.")
    at.run()
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("save_"))).click()
    at.run()
    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert note["sent_on"] == TODAY and note["body"].endswith("P.S. Thank you again.")
    # put away, a sent note is not called a draft to save: it is kept already
    next(b for b in at.button if b.key and b.key.startswith("asking_delete__draft_")).click().run()
    asked = " ".join(shown(at.markdown))
    assert "Put away the sent note to Maya" in asked and "It is kept in this application's history." in asked
    assert "Save draft keeps a copy" not in asked
    assert store.get_signature(engine) == "Sam Lee"
    home = open_page()
    assert not any("Send a thank\\-you" in m for m in home_actions(home))


def test_a_name_pasted_longer_than_its_limit_is_kept_and_said_beside_it(open_page, rejected):
    # with a count on the box, Streamlit dropped the paste without a word
    engine, app_id, recruiter = rejected
    at = compose(open_page, app_id)
    assert at.text_input(key="compose_one_name").proto.max_chars == 0
    at.multiselect(key=f"compose_to_{app_id}_thank-you after rejection").set_value([])
    pasted = "Lee Chen, senior interviewer " * 10
    at.text_input(key="compose_one_name").set_value(pasted)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    assert not at.exception
    assert any("Their name is too long" in e for e in shown(at.error))
    assert at.text_input(key="compose_one_name").value == pasted
    assert "Lee Chen" not in " ".join(contact_store.load_contacts(engine)["name"])


def test_a_recipient_without_email_can_copy_but_gets_no_mail_link(open_page, rejected):
    engine, app_id, recruiter = rejected
    at = compose(open_page, app_id)
    at.multiselect(key=f"compose_to_{app_id}_thank-you after rejection").set_value([])
    at.text_input(key="compose_one_name").set_value("Lee, the interviewer")
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    assert not at.exception
    assert any("No email address for this recipient" in c for c in texts(at.caption))
    # no greyed "Open in mail app" (its faint label failed contrast): the reason is said instead
    assert not [b for b in at.get("link_button") if "mail app" in b.proto.label]
    assert any(code.value.startswith("Thank you: the Data Analyst role at Acme Robotics") for code in at.code)
    saved = contact_store.load_contacts(engine)
    assert "Lee, the interviewer" in saved["name"].tolist()  # added to the network


def test_an_invalid_email_for_a_new_recipient_is_named_and_kept(open_page, rejected):
    engine, app_id, _ = rejected
    at = compose(open_page, app_id)
    at.text_input(key="compose_one_name").set_value("Lee")
    at.text_input(key="compose_one_email").set_value("lee at acme")
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    assert "Their email needs a name, an @ and a domain after it, such as example.com" in shown(at.error)
    assert at.text_input(key="compose_one_email").value == "lee at acme"
    assert not [t for t in at.text_area if t.key and t.key.startswith("body_")]
    assert len(contact_store.load_contacts(engine)) == 1


def _pausing(engine, app_id, answers):
    with db.transaction(engine) as connection:
        connection.execute(
            sa.insert(db.reflections).values(
                application_id=app_id,
                bank="rejection",
                bank_version=1,
                answers=answers,
                pause_until=dt.datetime.now() + dt.timedelta(days=1, hours=3, minutes=30),
            )
        )


def test_a_running_pause_is_named_gently_and_the_user_can_go_on(open_page, rejected):
    engine, app_id, _ = rejected
    _pausing(engine, app_id, {"mood": 2})
    at = compose(open_page, app_id)
    [info] = [i.value for i in at.info if "You gave yourself until" in i.value]
    assert "1 day and 3 hours left" in info
    assert not at.get("form")
    at.button(key="pause_go_on").click()
    at.run()
    assert at.get("form")


def test_once_the_person_has_looked_back_the_pause_holds_the_note_back_no_more(open_page, rejected):
    """The reflection's What next offers the note: it must not be met by "you gave yourself until"."""
    engine, app_id, _ = rejected
    _pausing(engine, app_id, {"mood": 2, "reply_goal": ["advice"]})
    at = compose(open_page, app_id)
    assert not [i for i in at.info if "You gave yourself until" in i.value]
    assert at.multiselect(key=f"compose_goals_{app_id}").value == ["advice"]  # the reflection's reply goal
    # not held back, but the pause still says its word: sleep on it before sending
    assert any("Your pause runs until" in c and "a night's sleep" in c for c in shown(at.caption))


def test_a_broken_template_is_reported_and_the_built_in_one_used(open_page, rejected, tmp_path, monkeypatch):
    engine, app_id, _ = rejected
    monkeypatch.setenv("REBOUND_TEMPLATE_DIR", str(tmp_path))
    (tmp_path / "thank-you-after-rejection.j2").write_text("Subject: x\n{% if %}\n")
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    assert any("thank-you-after-rejection.j2 has an error on line 2" in w for w in texts(at.warning))
    [body] = [t for t in at.text_area if t.key.startswith("body_")]
    assert "Thank you for letting me know" in body.value


def test_adding_a_person_checks_email_and_link_and_keeps_what_was_typed(open_page, rejected):
    engine, _, _ = rejected
    at = open_page("pages/network.py")
    at.text_input(key="contact_add_name").set_value(XSS)
    at.text_input(key="contact_add_email").set_value("lee@")
    at.text_input(key="contact_add_profile_url").set_value("my LinkedIn page")
    at.button(key="FormSubmitter:contact_add-Add person").click()
    at.run()
    errors = shown(at.error)
    assert "Email needs a name, an @ and a domain after it, such as example.com" in errors
    assert "Profile link must be a web address starting with http:// or https://" in errors
    assert at.text_input(key="contact_add_email").value == "lee@"
    at.text_input(key="contact_add_company_typed_0").input("Acme Robotics")  # the company picker
    at.run()
    at.text_input(key="contact_add_email").set_value("lee@acme.example")
    at.text_input(key="contact_add_profile_url").set_value("https://www.linkedin.com/in/lee")
    at.selectbox(key="contact_add_role").set_value("interviewer")
    at.button(key="FormSubmitter:contact_add-Add person").click()
    at.run()
    assert not at.exception and not shown(at.error)
    person = contact_store.load_contacts(engine).set_index("name").loc[XSS]
    assert (person["company"], person["role"], person["met_on"]) == ("Acme Robotics", "interviewer", TODAY)
    assert any(f"### {md(XSS)}" == m.value for m in at.markdown)  # escaped: shown as text, never HTML

    home = open_page()
    assert any("Connect with" in m and "interviewer, Acme Robotics" in m for m in home_actions(home))
    at = open_page("pages/network.py", query_params={"contact": str(int(person["id"]))})  # the action's link
    at.button(key="person_connected").click()
    at.run()
    assert contact_store.load_contacts(engine).set_index("name").loc[XSS, "connected_on"] == TODAY
    assert not any("Connect with" in m for m in home_actions(open_page()))


def test_feedback_answered_before_it_was_asked_is_refused_beside_the_field(open_page, rejected):
    engine, app_id, recruiter = rejected
    at = open_page("pages/feedback.py", query_params={"app": str(app_id)})
    at.date_input(key="feedback_new_asked_on").set_value(ago(1))
    at.date_input(key="feedback_new_received_on").set_value(ago(3))
    at.text_area(key="feedback_new_text").set_value("More SQL depth.")
    at.button(key="FormSubmitter:feedback_new-Save feedback").click()
    at.run()
    assert "The answer can't come before you asked." in shown(at.error)
    assert at.text_area(key="feedback_new_text").value == "More SQL depth."
    assert store.load_feedback(engine).empty
    at.date_input(key="feedback_new_received_on").set_value(TODAY)
    at.multiselect(key="feedback_new_themes").set_value(["technical depth"])
    at.selectbox(key="feedback_new_contact").set_value(recruiter)
    at.button(key="FormSubmitter:feedback_new-Save feedback").click()
    at.run()
    [row] = store.load_feedback(engine).to_dict("records")
    assert (row["contact_id"], row["received_on"], row["themes"], row["text"]) == (
        recruiter,
        TODAY,
        ["technical depth"],
        "More SQL depth.",
    )
    # the form ends cleanly, and pressing Save on it again adds nothing twice
    [text_box] = [t for t in at.text_area if t.key.startswith("feedback_new_text")]
    assert text_box.value == ""
    [save] = [b for b in at.button if b.key.startswith("FormSubmitter:feedback_new")]
    save.click()
    at.run()
    save = next(b for b in at.button if b.key.startswith("FormSubmitter:feedback_new"))
    save.click()
    at.run()
    assert len(store.load_feedback(engine)) == 2  # one "asked today", once


def test_an_answer_recorded_for_waiting_feedback_stops_the_chase(open_page, rejected):
    engine, app_id, recruiter = rejected
    from lib.core.models import FeedbackIn

    store.add_feedback(
        engine, FeedbackIn(application_id=app_id, contact_id=recruiter, asked_on=ago(9), asked_via="email")
    )
    assert any("Chase the feedback from" in m for m in home_actions(open_page()))
    at = open_page("pages/feedback.py")
    at.text_area(key="answer_text").set_value("They hired internally.")
    at.multiselect(key="answer_themes").set_value(["internal or other candidate"])
    at.button(key="FormSubmitter:feedback_answer-Record the answer").click()
    at.run()
    assert not at.exception
    [row] = store.load_feedback(engine).to_dict("records")
    assert (row["received_on"], row["text"]) == (TODAY, "They hired internally.")
    assert not any("Chase the feedback" in m for m in home_actions(open_page()))
    # read whole in a table whose sentences wrap; the grid, with who and when, only once opened
    listed = at.table[0].value
    assert [cell.replace("\\", "") for cell in listed.iloc[0][["What they said", "Themes", "Answer"]]] == [
        "They hired internally.",
        "internal or other candidate",
        f"{TODAY:%d %b %Y}",
    ]
    assert not at.dataframe
    at.session_state["feedback_grid_open"] = True
    at.run()
    assert at.dataframe[0].value["contact_name"].notna().all()


def test_a_feedback_entry_is_deleted_from_its_drawer_once_confirmed(open_page, rejected):
    engine, app_id, recruiter = rejected
    from lib.core.models import FeedbackIn

    for days in (9, 3):
        store.add_feedback(
            engine,
            FeedbackIn(application_id=app_id, contact_id=recruiter, asked_on=ago(days), asked_via="email"),
        )
    at = open_page("pages/feedback.py")
    assert "feedback_delete_which" not in [b.key for b in at.selectbox]  # drawn once opened
    at.session_state["feedback_delete_open"] = True
    at.run()
    picker = at.selectbox(key="feedback_delete_which")
    picker.select_index(next(i for i, label in enumerate(picker.options) if f"asked {ago(9):%d %b}" in label))
    assert at.button(key="feedback_delete").disabled  # not without "Yes, delete this entry"
    at.checkbox(key="feedback_delete_sure").check()
    at.run()
    at.button(key="feedback_delete").click()
    at.run()
    assert not at.exception
    assert store.load_feedback(engine)["asked_on"].tolist() == [ago(3)]
    assert "Entry deleted." in [t.value for t in at.toast]
    assert not at.checkbox(key="feedback_delete_sure").value  # clear for the next one


def test_done_and_snooze_on_home_take_an_action_off_the_list(open_page, rejected):
    engine, app_id, _ = rejected
    contact_store.add_contact(
        engine, ContactIn(name="Lee", company="Acme Robotics", role="interviewer", met_on=ago(2))
    )
    at = open_page()
    mine = lambda: [m for m in home_actions(at) if "thank\\-you" in m or "Connect with" in m]
    assert len(mine()) == 2
    done = next(b for b in at.button if b.key and b.key.startswith("done_thank-you"))
    assert done.label == "Done"  # a word, not a bare icon a screen reader calls "check"
    assert {p.proto.popover.label for p in at.get("popover")} == {"Later"}
    done.click()
    at.run()
    assert [m for m in home_actions(at) if "thank" in m] == []
    assert not [b for b in at.button if b.key and b.key.startswith("snooze_7_")]  # drawn when opened
    connect = next(b.key for b in at.button if b.key and b.key.startswith("done_connect"))
    at.session_state[connect.replace("done_", "snooze_open_", 1)] = True  # the person opens "Snooze"
    at.run()
    snooze = next(b for b in at.button if b.key and b.key.startswith("snooze_7_connect"))
    snooze.click()
    at.run()
    assert mine() == []
    # the snoozed one is not gone without a trace: it is said, with its day, and can come back now
    back = dt.date.today() + dt.timedelta(days=7)
    assert f"One thing you snoozed comes back on {back:%a %d %b}." in " ".join(c.value for c in at.caption)
    assert "Nothing owed right now" not in " ".join(c.value for c in at.caption)
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("unsnooze_connect"))).click()
    at.run()
    assert "Back in your next actions." in [t.value for t in at.toast]
    assert [m for m in home_actions(at) if "Connect with" in m]


def test_with_no_application_yet_home_still_shows_a_check_in_that_is_due(open_page, app_env):
    engine = db.open_database(app_env)
    at = open_page()
    assert not [m for m in home_actions(at)]  # nothing owed: the welcome alone, no empty list
    assert "Nothing owed right now" not in " ".join(texts(at.caption))
    contact_store.add_contact(engine, ContactIn(name="Zoë Park", company="Acme", next_checkin_on=ago(4)))
    at = open_page()
    assert "Add your first application" in [link.proto.label for link in at.get("page_link")]
    assert any("Check in with Zoë Park" in m for m in home_actions(at))


def test_a_check_in_done_on_home_is_the_persons_last_contact(open_page, rejected):
    engine = rejected[0]
    sam = contact_store.add_contact(
        engine, ContactIn(name="Sam Lee", company="Northwind", next_checkin_on=ago(1))
    )
    at = open_page()
    done = next(b for b in at.button if b.key and b.key.startswith(f"done_check-in:{sam}:"))
    done.click()
    at.run()
    assert not at.exception
    assert "Done: your last contact is today." in [t.value for t in at.toast]
    person = contact_store.get_contact(engine, sam)
    assert (person["last_contact_on"], person["next_checkin_on"]) == (dt.date.today(), None)


def test_a_very_long_note_is_kept_refused_with_how_far_over_and_said_too_long_for_a_mail_link(
    open_page, rejected
):
    engine, app_id, _ = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    [body] = [t for t in at.text_area if t.key.startswith("body_")]
    body.set_value("Thank you. " * 2_000)  # 22,000 characters, pasted
    at.run()
    assert [t for t in at.text_area if t.key.startswith("body_")][0].value == "Thank you. " * 2_000
    assert any("too long for a mail link" in c for c in texts(at.caption))
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("mark_sent_"))).click()
    at.run()
    assert not at.exception
    assert "The note is too long: 21,999 characters, at most 20,000" in shown(at.error)
    assert store.notes_for(engine, app_id).empty
    held = ("Thank you. " * 2_000)[:20_000]
    [t for t in at.text_area if t.key.startswith("body_")][0].set_value(held)
    at.run()
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("mark_sent_"))).click()
    at.run()
    assert store.notes_for(engine, app_id)["body"].tolist() == [held.strip()]


def test_a_note_being_edited_is_back_after_a_reload(open_page, rejected):
    engine, app_id, recruiter = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    [body] = [t for t in at.text_area if t.key.startswith("body_")]
    body.set_value(body.value + "\nP.S. I kept this line while typing.")
    at.run()
    again = compose(open_page, app_id)  # a new browser session: nothing left in session state
    assert not again.exception
    [restored] = [t for t in again.text_area if t.key.startswith("body_")]
    assert restored.value.endswith("P.S. I kept this line while typing.")


def test_a_note_with_a_blank_still_in_it_is_not_marked_sent(open_page, rejected):
    """ "[add: …]" left in: Mark sent says what is missing, beside the note, and keeps the text; the
    same note with the blank filled in is marked sent."""
    engine, app_id, _ = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    [body] = [t for t in at.text_area if t.key.startswith("body_")]
    assert "[add:" in body.value
    mark_sent = next(b.key for b in at.button if b.key and b.key.startswith("mark_sent_"))
    sent_on = next(d for d in at.date_input if d.key.startswith("sent_on_"))
    sent_on.set_value(ago(30))  # before the application too: both said on this one press
    at.button(key=mark_sent).click()
    at.run()
    assert not at.exception
    assert any("still has [add: …] parts" in e for e in shown(at.error))
    assert any("can't be sent before it" in e for e in shown(at.error))
    assert store.notes_for(engine, app_id).empty
    next(d for d in at.date_input if d.key.startswith("sent_on_")).set_value(TODAY)
    [body] = [t for t in at.text_area if t.key.startswith("body_")]
    body.set_value(re.sub(r"\[add: [^\]]*\]", "our talk on routing", body.value))
    at.run()
    at.button(key=mark_sent).click()
    at.run()
    assert not [e for e in shown(at.error) if "[add:" in e]
    assert store.notes_for(engine, app_id)["sent_on"].tolist() == [TODAY]


def _bodies(at):
    return [t.value for t in at.text_area if t.key and t.key.startswith("body_")]


def test_the_kind_of_note_is_picked_afresh_for_each_application(open_page, rejected):
    engine, rejected_id, _ = rejected
    open_id = app_store.add_application(
        engine, ApplicationIn(company="Globex", role="Analyst", applied_on=ago(10))
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=open_id, kind="interview", occurred_on=ago(2))
    )
    at = compose(open_page, rejected_id)
    assert at.selectbox(key="compose_kind").value == "thank-you after rejection"
    at.selectbox(key="compose_app").set_value(open_id).run()
    assert not at.exception
    assert at.selectbox(key="compose_kind").value == "thank-you after interview"  # not a rejection's thanks
    at.selectbox(key="compose_kind").set_value("influence letter").run()
    assert at.selectbox(key="compose_kind").value == "influence letter"  # your own pick stays
    quiet_id = app_store.add_application(
        engine, ApplicationIn(company="Initech", role="Analyst", applied_on=ago(3))
    )
    at.run()  # the picker lists it
    at.selectbox(key="compose_app").set_value(quiet_id).run()
    # no interview yet: no thank-you "after interview" first, for an interview that never was
    assert at.selectbox(key="compose_kind").value == "contact check-in"


def test_writing_to_one_more_person_keeps_the_drafts_on_screen_and_one_can_be_put_away(open_page, rejected):
    engine, app_id, _ = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    [first] = [t for t in at.text_area if t.key.startswith("body_")]
    first.set_value(first.value + "\nP.S. My own words.").run()
    # Maya has her draft: she is not picked again; the boxes for someone new are fresh
    assert at.multiselect(key=f"compose_to_{app_id}_thank-you after rejection_1").value == []
    at.text_input(key="compose_one_name_1").set_value("Lee Chen")
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    assert not at.exception
    bodies = _bodies(at)
    assert (
        len(bodies) == 2
        and bodies[0].endswith("P.S. My own words.")
        and bodies[1].startswith("Dear Lee Chen")
    )
    assert at.text_input(key="compose_one_name_2").value == ""  # the next person starts from empty boxes
    again = compose(open_page, app_id)  # a reload: both come back
    assert len(_bodies(again)) == 2
    ask = next(
        b for b in again.button if b.key and b.key.startswith("asking_delete__draft_") and "Lee" not in b.key
    )
    ask.click().run()
    assert any("Put away the draft to" in m.value for m in again.markdown)
    assert len(_bodies(again)) == 2  # asked first: nothing gone yet
    next(b for b in again.button if b.key and b.key.endswith("__yes")).click().run()
    assert not again.exception
    assert _bodies(again) == [b for b in bodies if b.startswith("Dear Lee Chen")]
    assert len(_bodies(compose(open_page, app_id))) == 1  # and it stays put away


def test_another_kind_of_note_shows_only_its_own_drafts_and_says_the_others_are_kept(open_page, rejected):
    engine, app_id, recruiter = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    assert len(_bodies(at)) == 1  # a thank-you to Maya
    at.selectbox(key="compose_kind").set_value("feedback request").run()
    assert not at.exception
    assert _bodies(at) == []  # the thank-you is not shown beside a feedback request
    kept = "Also kept for this application: 1 draft (thank-you after rejection)"
    assert any(kept in c.value.replace("\\", "") for c in at.caption)
    # Maya can be asked for feedback though she has a thank-you drafted
    assert recruiter in at.multiselect(key=f"compose_to_{app_id}_feedback request_1").value
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    assert len(_bodies(at)) == 1  # only the feedback request on screen
    assert [d["kind"] for d in at.session_state["compose_drafts"]] == [
        "thank-you after rejection",
        "feedback request",
    ]
    at.selectbox(key="compose_kind").set_value("thank-you after rejection").run()
    assert len(_bodies(at)) == 1  # kept, and back with its kind


def test_the_application_picked_stays_in_the_address_so_a_reload_comes_back_to_its_drafts(
    open_page, rejected
):
    engine, rejected_id, _ = rejected
    later = app_store.add_application(
        engine, ApplicationIn(company="Globex", role="Analyst", applied_on=ago(1))
    )
    at = open_page("pages/compose.py")
    assert at.selectbox(key="compose_app").value == later  # the most recent first
    at.selectbox(key="compose_app").set_value(rejected_id).run()
    assert at.query_params["app"] in (str(rejected_id), [str(rejected_id)])
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    assert len(_bodies(at)) == 1
    again = open_page("pages/compose.py", query_params={"app": str(rejected_id)})  # the reload
    assert again.selectbox(key="compose_app").value == rejected_id and len(_bodies(again)) == 1


def test_a_check_in_about_no_application_says_it_counts_as_last_contact_not_an_application_history(
    open_page, rejected
):
    engine, _, recruiter = rejected
    at = open_page("pages/compose.py", query_params={"contact": str(recruiter), "kind": "contact check-in"})
    at.text_input(key="compose_my_name").set_value("Sam Lee")
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click()
    at.run()
    body = next(t for t in at.text_area if t.key.startswith("body_"))
    body.set_value("Hi Maya, how are things at Acme? Sam")
    at.run()
    next(b for b in at.button if b.key and b.key.startswith("mark_sent_")).click()
    at.run()
    assert not at.exception
    [said] = [s for s in shown(at.success) if s.startswith("Sent on")]
    assert "this application's history" not in said
    assert "It counts as your last contact with Maya O'Brien" in said
    [person] = contact_store.load_contacts(engine).to_dict("records")
    assert person["last_contact_on"] == TODAY


def test_the_actions_past_the_first_five_are_listed_with_their_why_in_full(open_page, app_env):
    """In a grid the Why column was cut at 1,280 px ("Your last new application was 15 days ag…")."""
    engine = db.open_database(app_env)
    app_store.add_application(
        engine,
        ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=3)),
    )
    for i in range(7):
        contact_store.add_contact(
            engine, ContactIn(name=f"Person {i}", next_checkin_on=dt.date.today() - dt.timedelta(days=1))
        )
    engine.dispose()
    at = open_page()
    at.session_state["next_actions_rest"] = True  # the drawer is drawn once opened
    at.run()
    assert not at.exception
    [table] = [t for t in at.table if "Why" in t.value.columns]
    assert list(table.value.columns) == ["Due", "Action", "Why"]
    assert len(table.value) >= 2 and table.value["Why"].str.len().min() > 0


def _body(at):
    return next(t for t in at.text_area if t.key.startswith("body_"))


def _save_draft(at, text):
    _body(at).set_value(text)
    at.run()
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("save_"))).click()
    return at.run()


def test_a_note_saved_in_two_tabs_is_not_overwritten_and_the_person_chooses(open_page, rejected):
    engine, app_id, recruiter = rejected
    tab_one = compose(open_page, app_id)
    tab_one.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    _save_draft(tab_one, "Dear Maya, first words.")
    tab_two = compose(open_page, app_id)  # another tab: the same kept draft, the same saved note
    assert _body(tab_two).value == "Dear Maya, first words."

    _save_draft(tab_one, "Dear Maya, VERSION ONE.")
    _save_draft(tab_two, "Dear Maya, VERSION TWO.")
    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert note["body"] == "Dear Maya, VERSION ONE."  # the second tab did not write over the first
    assert any("changed in another tab" in w.value for w in tab_two.warning)
    # also where the person is looking, the button at the card's foot: the box is at its top
    assert any("Another tab saved the note to" in t for t in shown(tab_two.toast))
    both = " ".join(t.value for t in tab_two.text)
    assert "VERSION ONE" in both and "VERSION TWO" in both

    keep = next(b for b in tab_two.button if b.key and b.key.endswith("__keep_mine"))
    keep.click().run()
    assert not tab_two.exception
    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert note["body"] == "Dear Maya, VERSION TWO."
    assert not any("changed in another tab" in w.value for w in tab_two.warning)

    # the first tab, now behind, is asked in turn; taking the other tab's text puts it in the box
    _save_draft(tab_one, "Dear Maya, ONE AGAIN.")
    assert any("changed in another tab" in w.value for w in tab_one.warning)
    next(b for b in tab_one.button if b.key and b.key.endswith("__keep_theirs")).click().run()
    assert _body(tab_one).value == "Dear Maya, VERSION TWO."
    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert note["body"] == "Dear Maya, VERSION TWO." and len(store.notes_for(engine, app_id)) == 1
    _save_draft(tab_one, "Dear Maya, merged by hand.")  # and a save from there goes through
    assert store.notes_for(engine, app_id)["body"].tolist() == ["Dear Maya, merged by hand."]


def test_a_note_the_other_tab_marked_sent_stays_sent_when_this_tabs_text_is_kept(open_page, rejected):
    engine, app_id, recruiter = rejected
    tab_one = compose(open_page, app_id)
    tab_one.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    _save_draft(tab_one, "Dear Maya, thank you.")
    tab_two = compose(open_page, app_id)
    tab_one.button(key=next(b.key for b in tab_one.button if b.key.startswith("mark_sent_"))).click().run()
    _save_draft(tab_two, "Dear Maya, thank you, edited.")
    next(b for b in tab_two.button if b.key and b.key.endswith("__keep_mine")).click().run()
    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert note["body"] == "Dear Maya, thank you, edited." and note["sent_on"] == TODAY


def test_an_answer_recorded_with_nothing_in_it_is_refused_and_the_request_keeps_waiting(open_page, rejected):
    engine, app_id, recruiter = rejected
    from lib.core.models import FeedbackIn

    store.add_feedback(
        engine, FeedbackIn(application_id=app_id, contact_id=recruiter, asked_on=ago(9), asked_via="email")
    )
    at = open_page("pages/feedback.py")
    at.button(key="FormSubmitter:feedback_answer-Record the answer").click().run()
    assert not at.exception
    assert any("What they said is empty" in e for e in shown(at.error))
    [row] = store.load_feedback(engine).to_dict("records")
    assert pd.isna(row["received_on"])  # still waiting: the chase goes on
    listed = at.table[0].value.iloc[0]  # said in the list, with who: it was a row of blank cells
    assert listed["What they said"].replace("\\", "") == f"Waiting for an answer (asked {ago(9):%d %b %Y})"
    assert "Maya" in listed["From"]


def test_feedback_logged_from_someone_asked_before_fills_in_that_request(open_page, rejected):
    """Logging Maya's answer made a second entry, and the first still waited (and was chased)."""
    engine, app_id, recruiter = rejected
    from lib.core.models import FeedbackIn

    asked = store.add_feedback(
        engine, FeedbackIn(application_id=app_id, contact_id=recruiter, asked_on=ago(9), asked_via="email")
    )
    answered = store.add_feedback(
        engine,
        FeedbackIn(
            application_id=app_id,
            contact_id=recruiter,
            asked_on=TODAY,
            asked_via="email",
            received_on=TODAY,
            text="Strong case study; others had more domain depth.",
        ),
    )
    assert answered == asked
    [row] = store.load_feedback(engine).to_dict("records")
    assert (row["asked_on"], row["received_on"]) == (ago(9), TODAY)
    assert row["text"] == "Strong case study; others had more domain depth."
    # someone else's answer is an entry of its own
    store.add_feedback(
        engine, FeedbackIn(application_id=app_id, asked_on=TODAY, received_on=TODAY, text="From the panel.")
    )
    assert len(store.load_feedback(engine)) == 2


def test_writing_again_to_someone_with_a_saved_draft_opens_that_draft(open_page, rejected):
    """A second "Write the drafts" to the same person made a second draft beside the saved one."""
    engine, app_id, recruiter = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    _save_draft(at, "Dear Maya, my own saved words.")
    later = compose(open_page, app_id)  # another day: a new session, the kept drafts put away
    next(b for b in later.button if b.key and b.key.startswith("asking_delete__draft_")).click().run()
    confirm = next(b for b in later.button if b.key and b.key.endswith("__yes"))
    assert confirm.label == "Put away"  # nothing is deleted: "Delete" there was untrue
    next(
        b
        for b in later.button
        if b.key and b.key.startswith("asking_delete__draft_") and b.key.endswith("__yes")
    ).click().run()
    assert not [t for t in later.text_area if t.key.startswith("body_")]
    later.multiselect(key=f"compose_to_{app_id}_thank-you after rejection").set_value([recruiter])
    later.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    assert _body(later).value == "Dear Maya, my own saved words."  # the saved one, to go on with
    _save_draft(later, "Dear Maya, my own saved words, finished.")
    assert store.notes_for(engine, app_id)["body"].tolist() == ["Dear Maya, my own saved words, finished."]


def test_keeping_this_tabs_note_after_marking_it_sent_here_keeps_it_sent(open_page, rejected):
    engine, app_id, recruiter = rejected
    tab_one = compose(open_page, app_id)
    tab_one.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    _save_draft(tab_one, "Dear Maya, thank you.")
    tab_two = compose(open_page, app_id)
    _save_draft(tab_one, "Dear Maya, thank you, from tab one.")
    _body(tab_two).set_value("Dear Maya, thank you, sent from tab two.")
    tab_two.run()
    tab_two.button(key=next(b.key for b in tab_two.button if b.key.startswith("mark_sent_"))).click().run()
    assert any("changed in another tab" in w.value for w in tab_two.warning)
    next(b for b in tab_two.button if b.key and b.key.endswith("__keep_mine")).click().run()
    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert note["body"] == "Dear Maya, thank you, sent from tab two." and note["sent_on"] == TODAY


def test_writing_again_to_someone_whose_draft_is_on_screen_opens_no_second_card(open_page, rejected):
    engine, app_id, recruiter = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    _save_draft(at, "Dear Maya, saved once.")
    at.multiselect(
        key=next(m.key for m in at.multiselect if m.key.startswith(f"compose_to_{app_id}"))
    ).set_value([recruiter])
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    assert [t.value for t in at.text_area if t.key.startswith("body_")] == ["Dear Maya, saved once."]


def test_the_note_conflict_toast_shows_the_recipients_name_literally(open_page, rejected):
    engine, app_id, recruiter = rejected
    odd = contact_store.add_contact(
        engine,
        ContactIn(name="**Maya** [x](http://evil.example)", company="Acme Robotics", role="interviewer"),
    )
    tab_one = compose(open_page, app_id)
    tab_one.multiselect(key=f"compose_to_{app_id}_thank-you after rejection").set_value([odd])
    tab_one.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    _save_draft(tab_one, "Dear Maya, first.")
    tab_two = compose(open_page, app_id)
    _save_draft(tab_one, "Dear Maya, one.")
    _save_draft(tab_two, "Dear Maya, two.")
    said = next(t.value for t in tab_two.toast if "Another tab saved the note to" in t.value)
    assert "\\*\\*Maya\\*\\*" in said and "\\[x\\]" in said  # escaped: no bold, no link


def test_a_connect_done_on_home_reads_as_connected_on_network(open_page, rejected):
    """Done on "Connect with Sam Lee" left Sam under "Met, not connected" on Network."""
    engine = rejected[0]
    sam = contact_store.add_contact(engine, ContactIn(name="Sam Lee", company="Northwind", met_on=ago(2)))
    at = open_page()
    at.button(key=next(b.key for b in at.button if b.key == f"done_connect:{sam}")).click()
    at.run()
    assert not at.exception
    assert "Done: connected today." in [t.value for t in at.toast]
    assert contact_store.get_contact(engine, sam)["connected_on"] == dt.date.today()


def test_a_done_clicked_by_mistake_is_undone_from_home(open_page, rejected):
    """Done had no way back: the action was gone for good."""
    at = open_page()
    done = next(b for b in at.button if b.key and b.key.startswith("done_thank-you"))
    title = next(m for m in home_actions(at) if "thank\\-you" in m)
    done.click()
    at.run()
    assert not [m for m in home_actions(at) if "thank\\-you" in m]
    assert any(c.startswith("Marked done: Send a thank") for c in texts(at.caption))
    at.button(key="undo_done").click()
    at.run()
    assert not at.exception
    assert title in home_actions(at)  # back in the list
    assert not any(c.startswith("Marked done:") for c in texts(at.caption))


def test_a_note_deleted_from_the_history_takes_its_draft_card_with_it(open_page, rejected):
    """The card stayed, looking alive, and Save draft on it saved nothing."""
    engine, app_id, _ = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    _save_draft(at, "Dear Maya, words to throw away.")
    note_id = int(store.notes_for(engine, app_id)["id"].iloc[0])
    at.button(key=f"history_delete_{note_id}").click().run()
    assert store.notes_for(engine, app_id).empty
    assert not [t for t in at.text_area if t.key.startswith("body_")]  # no card left to save into
    assert not at.exception


def test_the_actions_past_the_first_five_are_listed_by_the_day_they_are_due(open_page):
    """The demo's listed 30 Nov, 30 Nov, 06 Dec, 04 Dec, 05 Dec: the list's order, kind first."""
    at = open_page(demo=True)
    at.session_state["next_actions_rest"] = True
    at.run()
    [table] = [t for t in at.table if "Why" in t.value.columns]
    due = pd.to_datetime(table.value["Due"], format="%d %b %Y")
    assert len(due) >= 3 and due.is_monotonic_increasing


def test_feedback_themes_offer_no_select_all(open_page, rejected):
    """One click on "Select all" tagged an answer with all 9 themes, "no reason given" among them."""
    at = open_page("pages/feedback.py")
    themes = [m for m in at.multiselect if m.label == "Themes"]
    assert themes and all(m.proto.select_all == 0 for m in themes)


def test_the_feedback_table_shows_who_when_and_how_before_the_long_text(open_page):
    """Its drawer promises "who it came from, when you asked and how": those were off to the right."""
    at = open_page("pages/feedback.py", demo=True)
    at.session_state["feedback_grid_open"] = True
    at.run()
    order = list(at.dataframe[-1].proto.column_order)
    assert order.index("contact_name") < order.index("text") and order.index("asked_via") < order.index(
        "text"
    )


def test_the_subject_and_the_note_are_copied_apart(open_page, rejected):
    """One copy held the subject as the note's first line: pasted into a mail's body, it was there."""
    at = compose(open_page, rejected[1])
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    subject = next(t for t in at.text_input if t.key.startswith("subject_")).value
    copies = [c.value.strip() for c in at.code]
    assert copies == [subject.strip(), _body(at).value.strip()]


def test_a_draft_written_before_the_persons_email_was_added_takes_it_from_network(open_page, rejected):
    # the card says "add their email in Network"; done, the draft still said "no email"
    engine, app_id, recruiter = rejected
    contact_store.update_contact(
        engine, recruiter, ContactIn(name="Maya O'Brien", company="Acme Robotics", role="recruiter")
    )
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    assert any("*no email*" in m.value for m in at.markdown)
    contact_store.update_contact(
        engine,
        recruiter,
        ContactIn(name="Maya O'Brien", company="Acme Robotics", role="recruiter", email="maya@acme.example"),
    )
    later = compose(open_page, app_id)
    said = " ".join(m.value for m in later.markdown)
    assert "`maya@acme.example`" in said  # shown as code: copied exactly, never a link
    assert "*no email*" not in said
    assert not any("No email address for this recipient" in c.value for c in later.caption)


def test_a_draft_says_when_its_person_was_renamed_or_deleted_in_network_since(open_page, rejected):
    # renamed to mend a spelling, the draft still greeted the old one, unsaid; deleted, Mark sent crashed
    engine, app_id, recruiter = rejected
    at = compose(open_page, app_id)
    at.button(key="FormSubmitter:compose_setup-Write the drafts").click().run()
    name = contact_store.get_contact(engine, recruiter)["name"]
    assert not any("in Network" in i.value for i in at.info)
    contact_store.update_contact(
        engine, recruiter, ContactIn(name="Maya Shah", company="Acme Robotics", role="recruiter")
    )
    said = " ".join(shown(compose(open_page, app_id).info))
    assert f"Their name in Network is now Maya Shah: the note may still say {name}." in said
    contact_store.delete_contact(engine, recruiter)
    said = " ".join(shown(compose(open_page, app_id).info))
    assert "They were deleted from Network since: the note is kept, with their name as written." in said


def test_an_applications_page_shows_its_notes_and_the_feedback_it_brought(open_page, rejected):
    # written on Write a note and Feedback, neither showed on the application's own page
    from lib.core.models import FeedbackIn, NoteIn

    engine, app_id, recruiter = rejected
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert "No notes or feedback yet" in " ".join(c.value for c in at.caption)
    store.save_note(
        engine,
        NoteIn(
            kind="thank-you after rejection",
            application_id=app_id,
            contact_id=recruiter,
            recipient_name="Maya",
            subject="Thanks",
            body="Dear Maya",
            sent_on=ago(1),
        ),
    )
    store.save_note(
        engine, NoteIn(kind="keep the door open", application_id=app_id, recipient_name="Maya", body="Hi")
    )
    store.add_feedback(
        engine,
        FeedbackIn(
            application_id=app_id,
            contact_id=recruiter,
            asked_on=ago(1),
            received_on=TODAY,
            text="Strong SQL; the case study needed a clearer recommendation.",
        ),
    )
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert not at.exception
    said = " ".join(m.value for m in at.markdown)
    assert f"Thank\\-you after rejection to Maya · sent {ago(1):%d %b %Y}" in said
    assert "Keep the door open to Maya · draft, not sent yet" in said
    assert "Feedback from Maya" in said and "the case study needed a clearer recommendation" in said
    from urllib.parse import parse_qsl

    links = {link.proto.label: dict(parse_qsl(link.proto.query_string)) for link in at.get("page_link")}
    assert links["Log feedback"] == {"app": str(app_id)}  # opened on this application, not another
