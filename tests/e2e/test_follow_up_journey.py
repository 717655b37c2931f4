"""The day after a "no": thank the recruiter with a precise feedback question, mark it sent, add the
interviewer to the network, and watch the next actions follow."""

import datetime as dt
import re
from pathlib import Path

import icalendar
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from lib.store import followups as store
from tests.e2e.conftest import goto, wait_for_app

QUESTION = "How could I have approached the technical part of the interview better?"


def _rejected_yesterday(db_url: str, company: str = "Acme Robotics") -> int:
    engine = db.open_database(db_url)
    today = dt.date.today()
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company=company, role="Data Analyst", applied_on=today - dt.timedelta(days=20)),
    )
    for kind, days in (("interview", 5), ("rejected", 1)):
        app_store.add_stage_event(
            engine,
            StageEventIn(application_id=app_id, kind=kind, occurred_on=today - dt.timedelta(days=days)),
        )
    engine.dispose()
    return app_id


def _serious_violations(page) -> list[str]:
    """Axe on the page as it is now, apart from a toast: Streamlit's own alertdialog names itself by
    an id it never draws (aria-dialog-name), and is gone in seconds."""
    page.wait_for_timeout(300)
    found = Axe().run(page).response["violations"]
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in ("critical", "serious")
        and not all(".stToast" in str(n["target"]) for n in v["nodes"])
    ]


def _pick(page, label: str, option: str, scope=None) -> None:
    box = (scope or page).get_by_role("combobox", name=label)
    box.click()
    box.fill(option)  # filter the list, so the option is drawn whatever the list's length
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)


def test_a_thank_you_to_the_recruiter_and_a_new_contact_update_the_next_actions(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    app_id = _rejected_yesterday(server.db_url)
    goto(page, server)
    expect(page.get_by_text("Send a thank-you to Acme Robotics (Data Analyst)")).to_be_visible()
    # each control named with its action, for a screen reader (five "Done" buttons were five alike)
    thanks = "Send a thank-you to Acme Robotics (Data Analyst)"
    for role, words in (("button", "Done"), ("button", "Later")):
        expect(page.get_by_role(role, name=f"{words}: {thanks}", exact=True)).to_be_visible()
    page.get_by_role("main").get_by_role("link", name=f"Write it: {thanks}", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("Rejected: yesterday.")).to_be_visible()

    # The recruiter is not saved yet: name her here (she is added to the network too).
    page.get_by_label("Their name").fill("Maya O'Brien, <b>MJ</b> 🌟")
    _pick(page, "Their role", "recruiter")
    page.get_by_label("Their email").fill("maya@acme.example")
    _pick(page, "Feedback question", QUESTION)
    page.get_by_role("textbox", name="Sign as").fill("Sam Lee")
    page.get_by_role("button", name="Write the drafts").click()
    wait_for_app(page)

    body = page.get_by_role("textbox", name="Note", exact=True)
    expect(body).to_have_value(re.compile(r"^Dear "))  # the draft arrives with the rerun after the form
    text = body.input_value()
    assert text.startswith("Dear Maya O'Brien, <b>MJ</b> 🌟,") and QUESTION in text
    assert "[add: a moment from the interview you valued]" in text
    # the keyboard lands on the first thing to fill in, the greeting in view (not at the note's end)
    expect(body).to_be_focused()
    caret = body.evaluate("(box) => box.selectionStart")
    assert caret == len(text[: text.index("[add:")].encode("utf-16-le")) // 2  # the page counts UTF-16 units
    body.fill(text.replace("[add: a moment from the interview you valued]", "the routing whiteboard session"))
    page.get_by_role("textbox", name="Subject").click()  # leaving the note applies the edit
    wait_for_app(page)
    mail = page.get_by_role("link", name="Open in mail app")
    expect(mail).to_have_attribute("href", re.compile("routing%20whiteboard%20session"))
    href = mail.get_attribute("href")
    assert href.startswith("mailto:maya@acme.example?subject=Thank%20you%3A%20the%20Data%20Analyst%20role")
    assert "routing%20whiteboard%20session" in href and "%0D%0A" in href
    page.get_by_role("button", name="Mark sent").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Sent on {dt.date.today():%d %b %Y}")).to_be_visible()
    assert _serious_violations(page) == []  # a sent note's card draws no faint, greyed-out labels

    # Add the interviewer met at the interview.
    page.get_by_role("link", name="Network").click()
    wait_for_app(page)
    company = page.get_by_label("Company", exact=True)  # the company picker: type, then Enter
    company.fill("acme robotics")
    company.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Acme Robotics — already saved in Rebound.")).to_be_visible()
    page.get_by_label("Name *").fill("Lee Chen")
    _pick(page, "Role", "interviewer", scope=page.get_by_test_id("stForm"))
    page.get_by_text("More: profile link, last contact, next check-in, notes").click()
    page.get_by_label("LinkedIn or other profile").fill("not a link")
    page.get_by_role("button", name="Add person").click()
    wait_for_app(page)
    expect(  # "http://" carries an unseen word joiner (never a live link): matched without it
        page.get_by_text(
            re.compile(r"Profile link must be a web address starting with http://\W* or https://")
        )
    ).to_be_visible()
    # kept as typed, its drawer open to show the error beside it
    expect(page.get_by_label("LinkedIn or other profile")).to_have_value("not a link")
    page.get_by_label("LinkedIn or other profile").fill("https://www.linkedin.com/in/lee-chen")
    page.get_by_role("button", name="Add person").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Lee Chen")).to_be_visible()

    page.get_by_role("link", name="Home").click()
    wait_for_app(page)
    expect(page.get_by_text("Connect with Lee Chen (interviewer, Acme Robotics)")).to_be_visible()
    expect(page.get_by_text("Send a thank-you to Acme Robotics")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to my calendar (.ics)").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = {str(e["summary"]): e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert events["Connect with Lee Chen (interviewer, Acme Robotics)"] == dt.date.today()

    engine = db.open_database(server.db_url)
    [note] = store.notes_for(engine, app_id).to_dict("records")
    assert note["sent_on"] == dt.date.today() and note["recipient_email"] == "maya@acme.example"
    assert store.load_feedback(engine)["asked_on"].tolist() == [dt.date.today()]
    assert page.locator("b", has_text="MJ").count() == 0
    assert dialogs == []


def test_an_action_is_snoozed_for_a_week_from_its_snooze_menu(page, server):
    # a company of its own: the module's other test shares this database
    _rejected_yesterday(server.db_url, "Borealis Maps")
    goto(page, server)
    row = page.get_by_test_id("stHorizontalBlock").filter(has_text="Send a thank-you to Borealis Maps").last
    expect(row).to_be_visible()
    expect(page.get_by_role("button", name="Next week")).to_have_count(0)  # drawn when the menu opens
    row.get_by_test_id("stPopover").get_by_role("button").click()
    wait_for_app(page)
    page.get_by_role("button", name="Next week", exact=True).click()
    wait_for_app(page)
    # off the list (no Done beside it), and not gone without a trace: said, and listed as snoozed
    listed = page.get_by_test_id("stHorizontalBlock").filter(has_text="Send a thank-you to Borealis Maps")
    expect(listed.filter(has=page.get_by_role("button", name="Done"))).to_have_count(0)
    expect(page.get_by_text("Snoozed until")).to_be_visible()
    expect(page.get_by_text("One thing you snoozed comes back on")).to_be_visible()
    page.get_by_text("Snoozed (1)").click()
    expect(
        page.get_by_role(
            "button", name="Bring back now: Send a thank-you to Borealis Maps (Data Analyst)", exact=True
        )
    ).to_be_visible()
