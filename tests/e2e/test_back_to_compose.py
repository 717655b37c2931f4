"""Away from Write a note and back with the browser's Back: the application it was about is still
picked (it came back to "Pick an application", its address still saying ?app=…)."""

import datetime as dt
import re

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app


def test_back_to_write_a_note_keeps_the_application_it_was_about(page, server):
    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Backward Co", role="Planner", applied_on=dt.date.today() - dt.timedelta(9)),
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="interview", occurred_on=dt.date.today())
    )
    engine.dispose()
    goto(page, server, f"compose?app={app_id}")
    about = page.get_by_role("combobox", name="About")
    expect(page.get_by_text("Backward Co").first).to_be_visible()
    kind = page.get_by_role("combobox", name="Kind of note")
    first_kind = kind.input_value()
    kind.click()
    other = page.get_by_role("option").filter(has_not_text=first_kind).first
    chosen = other.inner_text().strip()
    other.click()
    wait_for_app(page)
    expect(kind).to_have_value(chosen)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Feedback").click()
    wait_for_app(page)
    page.go_back()
    wait_for_app(page)
    assert f"app={app_id}" in page.url
    expect(page.get_by_text("Pick the application the note is about")).to_have_count(0)
    expect(about).to_have_value(re.compile("Backward Co"))
    expect(page.get_by_role("combobox", name="Kind of note")).to_have_value(chosen)  # it reset to the first
