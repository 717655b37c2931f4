"""Done on Home from the keyboard: the row goes, and the cursor goes to Undo, then back to the action
brought back (it fell to the page's
body, and a keyboard user tabbed through the whole menu to get back). Only a browser has focus."""

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app


def test_done_from_the_keyboard_puts_the_cursor_on_undo_and_undo_brings_it_back(page, server):
    engine = db.open_database(server.db_url)
    today = dt.date.today()
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Keyboard Works", role="Analyst", applied_on=today - dt.timedelta(days=9)),
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=today - dt.timedelta(days=2)),
    )
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
