"""A step's menu on the timeline, by keyboard: it opens with the cursor in its date, is named for a
screen reader, moves the day, and deletes only after asking."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app

TODAY = dt.date.today()


def test_a_steps_menu_moves_its_day_and_deletes_after_asking(page, server):
    engine = db.open_database(server.db_url)
    applied = TODAY - dt.timedelta(days=20)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Quillmark", role="Data Analyst", applied_on=applied)
    )
    screen_day = TODAY - dt.timedelta(days=10)
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="screen", occurred_on=screen_day, note="Recruiter call"),
    )
    goto(page, server, f"application?id={app_id}")
    menu = page.get_by_role("button", name=f"Change or delete {screen_day:%d %b %Y} — Screen")
    menu.focus()
    page.keyboard.press("Enter")
    wait_for_app(page)
    dialog = page.get_by_role("dialog", name=f"Change or delete {screen_day:%d %b %Y} — Screen")
    expect(dialog).to_be_visible()  # named: an empty name before (axe: aria-dialog-name)
    save = dialog.get_by_role("button", name="Save the date")
    expect(save).to_be_focused()  # the keyboard in the menu, not left on the ⋮ behind it
    dialog.get_by_role("spinbutton").first.click()  # the day part of the date box
    moved = screen_day + dt.timedelta(days=2)
    page.keyboard.type(f"{moved:%d%m%Y}")
    save.click()
    wait_for_app(page)
    wait_for_app(page)
    expect(page.get_by_text(f"Screen is now dated {moved:%d %b %Y}.").first).to_be_visible()
    events = app_store.events_for(engine, app_id)
    assert events["occurred_on"].dt.date.tolist() == [moved]

    page.get_by_role("button", name=f"Change or delete {moved:%d %b %Y} — Screen").click()
    wait_for_app(page)
    page.get_by_role("button", name="Delete this step…").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Delete “Screen” of {moved:%d %b %Y} with its note?")).to_be_visible()
    assert len(app_store.events_for(engine, app_id)) == 1  # asked first, nothing gone yet
    page.get_by_role("button", name="Delete", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text(f"Deleted: {moved:%d %b %Y} — Screen.").first).to_be_visible()
    assert app_store.events_for(engine, app_id).empty
    expect(page.get_by_test_id("stException")).to_have_count(0)
