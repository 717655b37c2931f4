"""Write a note: a draft edited, another kind of note looked at, the first kind again: the edit is
there. The card of the kind not shown was not drawn, and Streamlit kept the text first put in its
boxes: the edit came back as the draft before it (once, blank), and Save draft wrote that over
the edit."""

import datetime as dt
import re

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from lib.store import reflections as drafts_store
from tests.e2e.conftest import goto, wait_for_app


def _pick(page, label: str, option: str) -> None:
    box = page.get_by_role("combobox", name=label)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


def test_an_edited_draft_is_there_after_looking_at_another_kind(page, server):
    engine = db.open_database(server.db_url)
    today = dt.date.today()
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Kind Switch Co", role="Analyst", applied_on=today - dt.timedelta(days=20)),
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=today - dt.timedelta(days=3)),
    )
    goto(page, server, f"compose?id={app_id}")
    _pick(page, "Kind of note", "influence letter")
    page.get_by_label("Their name").fill("Robin Park")
    page.get_by_role("button", name="Write the drafts").click()
    wait_for_app(page)
    body = page.get_by_role("textbox", name="Note", exact=True)
    expect(body).not_to_have_value("")
    body.fill(body.input_value() + "\nEDITED-ONCE")
    page.get_by_role("textbox", name="Subject").click()  # leaving the note applies the edit
    wait_for_app(page)

    _pick(page, "Kind of note", "thank-you after interview")
    expect(page.get_by_role("textbox", name="Note", exact=True)).to_have_count(0)  # that card is away
    # a draft of this kind, edited while the first is out of view: what is kept of the first stays
    to = page.get_by_role("combobox", name=re.compile("^To"))
    if "Robin Park" not in (page.locator(".stMultiSelect").first.inner_text()):  # saved to the network
        to.click()
        page.get_by_role("option", name=re.compile("Robin Park")).first.click()
        page.keyboard.press("Escape")
    page.get_by_role("button", name="Write the drafts").click()
    wait_for_app(page)
    expect(body).not_to_have_value("")
    body.fill(body.input_value() + "\nTHANKS-EDIT")
    page.get_by_role("textbox", name="Subject").click()
    wait_for_app(page)
    _pick(page, "Kind of note", "influence letter")
    expect(body).to_have_value(re.compile("EDITED-ONCE$"))
    # and a change now goes on from the edit, not from the draft before it
    body.fill(body.input_value() + " AND MORE")
    page.get_by_role("textbox", name="Subject").click()
    wait_for_app(page)
    kept = drafts_store.load_draft(engine, f"compose:{app_id}")["payload"]["texts"]
    assert any(t["body"].endswith("EDITED-ONCE AND MORE") for t in kept.values())
    assert any(t["body"].endswith("THANKS-EDIT") for t in kept.values())
