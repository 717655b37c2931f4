"""Done and Later on Home from the keyboard: the row goes, and the cursor goes to Undo, then back to
the action brought back (it fell to the page's body, and a keyboard user tabbed through the whole
menu to get back); Later's choices take the cursor when they open. Only a browser has focus."""

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app


def _interviewed_two_days_ago(server, company: str) -> None:
    engine = db.open_database(server.db_url)
    today = dt.date.today()
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company=company, role="Analyst", applied_on=today - dt.timedelta(days=9)),
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=today - dt.timedelta(days=2)),
    )


def test_done_from_the_keyboard_puts_the_cursor_on_undo_and_undo_brings_it_back(page, server):
    _interviewed_two_days_ago(server, "Keyboard Works")
    goto(page, server)
    title = page.get_by_text("Send a thank-you to Keyboard Works (Analyst)", exact=True)
    expect(title).to_be_visible()
    done = page.locator("[class*='st-key-done_thank-you'] button").first
    done.focus()
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(title).to_have_count(0)
    undo = page.locator(".st-key-undo_done button")
    expect(undo).to_be_focused()
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Send a thank-you to Keyboard Works (Analyst)", exact=True)).to_be_visible()
    expect(done).to_be_focused()  # back on the action brought back, not the page's body


def test_later_from_the_keyboard_puts_the_cursor_on_its_first_choice(page, server):
    """Later's choices are drawn at the end of the page: the cursor stayed on Later, and Tab went
    through the rest of Home before reaching them."""
    _interviewed_two_days_ago(server, "Snooze Works")
    goto(page, server)
    title = page.get_by_text("Send a thank-you to Snooze Works (Analyst)", exact=True)
    expect(title).to_be_visible()
    row = page.locator("[class*='st-key-action_row_']").filter(has=title)
    row.get_by_role("button", name="Later").focus()
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.locator("[class*='st-key-snooze_1_thank-you'] button")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("[class*='st-key-snooze_3_thank-you'] button")).to_be_focused()
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(title).to_have_count(0)
    expect(page.get_by_text("One thing you snoozed comes back on")).to_be_visible()
