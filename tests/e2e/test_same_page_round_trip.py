"""Away to the same page's picker and back: the typed answers come back from the draft.

The sidebar's "Record a rejection" opens the same page on its picker, which stops before drawing the
form. A stopped run doesn't let go of the form's widget values, so on the way back the draft was not
seeded into them: the form came back blank under "Draft — kept automatically", and the next
keystroke saved the blank form over the draft."""

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as app_store
from lib.store import reflections as drafts_store
from tests.e2e.conftest import goto, wait_for_app


def test_the_record_step_comes_back_whole_after_the_picker(page, server):
    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(
            company="Round Trip Ltd", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=9)
        ),
    )
    goto(page, server, f"rejection?id={app_id}")
    words = page.locator(f".st-key-rejection_new_{app_id}__mood_words input")
    words.fill("annoyed and tired")
    words.press("Tab")
    wait_for_app(page)
    assert drafts_store.load_draft(engine, f"rejection:{app_id}")["payload"]["answers"]["mood_words"] == (
        "annoyed and tired"
    )
    page.get_by_test_id("stSidebar").get_by_role("link", name="Record a rejection").click()
    picker = page.get_by_label("Application")
    expect(picker).to_be_visible()
    picker.click()
    page.get_by_role("option", name="Round Trip Ltd").first.click()
    wait_for_app(page)
    expect(words).to_have_value("annoyed and tired")
    words.fill("annoyed, tired, hopeful")  # a change now saves on top of the draft, not a blank form
    words.press("Tab")
    wait_for_app(page)
    answers = drafts_store.load_draft(engine, f"rejection:{app_id}")["payload"]["answers"]
    assert answers["mood_words"] == "annoyed, tired, hopeful"
    assert answers["stage_reached"] is not None  # the rest of the draft is still there
