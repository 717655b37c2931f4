"""Deleting an application from its page, as a person does: the Delete tab, the tick, the button."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app


def test_deleting_an_application_goes_back_to_the_log_and_says_so(page, server):
    """It stopped on an error every time: the open tab is kept in the address, and leaving the page
    from inside that tab could not clear it."""
    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Tidewater", role="Gone Analyst", applied_on=dt.date.today())
    )
    goto(page, server, f"application?id={app_id}")
    page.get_by_role("tab", name="Delete").click()
    wait_for_app(page)
    assert "application_tab=Delete" in page.url
    page.get_by_text("Yes, delete “Gone Analyst” at Tidewater").click()
    page.get_by_role("button", name="Delete application").click()
    wait_for_app(page)
    expect(page.get_by_text("Deleted “Gone Analyst” at Tidewater, with its history.")).to_be_visible()
    expect(page.get_by_role("heading", name="Applications")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert app_store.get_application(engine, app_id) is None


def test_deleting_a_person_empties_the_picker_and_says_so(page, server):
    """The picker kept showing "Eve Temp (other)" with nothing under it, and nothing was said."""
    from lib.core.models import ContactIn
    from lib.store import contacts as contact_store

    engine = db.open_database(server.db_url)
    eve = contact_store.add_contact(engine, ContactIn(name="Eve Temp", company="Tidewater"))
    contact_store.add_contact(engine, ContactIn(name="Zed Stays", company="Tidewater"))  # the picker stays
    goto(page, server, f"network?contact={eve}")
    expect(page.get_by_text("Eve Temp").first).to_be_visible()
    page.get_by_text("Delete", exact=True).last.click()  # the drawer under the person
    page.get_by_text("Yes, delete Eve Temp").click()
    page.get_by_role("button", name="Delete person").click()
    wait_for_app(page)
    expect(
        page.get_by_text(
            "Deleted Eve Temp. Notes to them stay, with their name; feedback from them stays"
        ).first
    ).to_be_visible()  # and a toast
    expect(page.get_by_text("Eve Temp (other)")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert contact_store.get_contact(engine, eve) is None
