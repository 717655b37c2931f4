"""A save refused for a field puts the cursor in that field: it stayed in the page's body, and a
keyboard user began again from the top to find what to correct."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app

FOCUSED_LABEL = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'BODY';
  return (el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText) || el.tagName).trim();
}"""


def test_a_number_out_of_range_takes_the_cursor_back_to_its_box(page, server):
    goto(page, server, "settings")
    page.get_by_role("spinbutton", name="Ghosted after (days)").fill("400")
    page.get_by_role("button", name="Save settings").press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Ghosted after (days) must be between 1 and 365.")).to_be_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement !== document.body")
    assert page.evaluate(FOCUSED_LABEL).startswith("Ghosted after (days)")


def test_an_application_without_its_company_takes_the_cursor_to_the_company(page, server):
    goto(page, server, "add_application")
    page.get_by_role("textbox", name="Role").fill("Data Analyst")
    page.get_by_role("button", name="Add application").press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Nothing is saved yet", exact=False).first).to_be_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement !== document.body")
    assert "Company" in page.evaluate(FOCUSED_LABEL)


def test_a_check_in_without_a_number_takes_the_cursor_to_the_numbers(page, server):
    engine = db.open_database(server.db_url)  # Home asks how you are once there is a search
    app_store.add_application(
        engine, ApplicationIn(company="Northwind", role="Analyst", applied_on=dt.date.today())
    )
    engine.dispose()
    goto(page, server)
    page.get_by_role("button", name="Check in").press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Pick a number from 1 to 5 first")).to_be_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement !== document.body")
    scale = page.get_by_role("radiogroup", name="How are you today?")
    assert scale.evaluate("(group) => group.contains(document.activeElement)")


def test_a_refused_date_takes_the_cursor_to_its_note_without_opening_the_calendar(page, server):
    # the date box opens its calendar on focus: it covered the note and the fields above it
    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.fill("Future Dates Ltd")
    company.press("Enter")
    wait_for_app(page)
    page.get_by_label("Role *").fill("Analyst")
    ahead = dt.date.today() + dt.timedelta(days=30)
    applied = page.locator("[data-testid='stDateInput']").filter(has_text="Date applied")
    applied.get_by_role("spinbutton").first.click()  # day, month and year: one box each, typed in turn
    page.keyboard.type(f"{ahead:%d%m%Y}")
    page.keyboard.press("Escape")  # the calendar closes, the typed day stays
    page.get_by_role("button", name="Add application").press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("can't be in the future", exact=False).first).to_be_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement !== document.body")
    assert page.evaluate("() => document.activeElement.innerText").find("future") >= 0
    expect(page.get_by_role("grid")).to_have_count(0)  # no calendar open


def test_the_repeat_question_takes_the_cursor_to_cancel_not_to_add_it_anyway(page, server):
    # the cursor sat on "Add it anyway": one Enter added the duplicate the question is there to stop
    engine = db.open_database(server.db_url)
    app_store.add_application(
        engine, ApplicationIn(company="Twice Asked Ltd", role="Analyst", applied_on=dt.date.today())
    )
    engine.dispose()
    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.fill("Twice Asked Ltd")
    company.press("Enter")
    wait_for_app(page)
    page.get_by_label("Role *").fill("Analyst")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("You already applied to Twice Asked Ltd")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
