"""Home's mood check-in, in the browser: after "Check in" the form is empty again (the browser used
to keep showing the last score and words, so a second click logged the same mood twice)."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as app_store
from lib.store import reflections as reflection_store
from tests.e2e.conftest import goto, wait_for_app


def test_a_check_in_empties_the_form_and_is_saved_once(page, server):
    engine = db.open_database(server.db_url)
    app_store.add_application(
        engine, ApplicationIn(company="Northwind", role="Analyst", applied_on=dt.date.today())
    )
    goto(page, server)
    scale = page.get_by_role("radiogroup", name="How are you today?")
    scale.get_by_role("radio", name="4", exact=True).click()
    words = page.get_by_label("In a few words?")
    words.fill("Evening: ok")
    page.get_by_role("button", name="Check in").click()
    wait_for_app(page)
    expect(page.get_by_text("Last check-in: 4 / 5")).to_be_visible()
    expect(page.get_by_label("In a few words?")).to_have_value("")
    expect(scale.get_by_role("radio", checked=True)).to_have_count(0)
    page.get_by_role("button", name="Check in").click()  # nothing chosen now: asks for a score
    wait_for_app(page)
    expect(page.get_by_text("Pick a number from 1 to 5 first")).to_be_visible()
    assert reflection_store.load_moods(engine)[["score", "words"]].values.tolist() == [[4, "Evening: ok"]]
