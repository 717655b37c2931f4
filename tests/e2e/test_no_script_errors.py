"""Typing a company and pressing Enter raises no error in the page's scripts (the form guard read a
form that a company picker, outside any form, doesn't have: "Cannot read properties of null")."""

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app


def test_enter_in_the_company_picker_and_a_save_raise_no_script_error(page, server):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.click()
    company.fill("Quiet Scripts Ltd")
    company.press("Enter")
    wait_for_app(page)
    page.get_by_label("Role *").fill("Analyst")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Quiet Scripts Ltd", exact=False).first).to_be_visible()
    assert errors == []


def test_enter_in_a_box_of_the_application_form_saves_nothing_before_its_button(page, server):
    # Enter in "Job link" saved the application with the rest of the form still to fill
    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.fill("Half Filled Ltd")
    company.press("Enter")
    wait_for_app(page)
    role = page.get_by_label("Role *")
    role.fill("Analyst")
    role.press("Enter")
    wait_for_app(page)
    engine = db.open_database(server.db_url)
    try:
        assert "Half Filled Ltd" not in set(app_store.load_applications(engine)["company"])
        expect(role).to_have_value("Analyst")
        page.get_by_role("button", name="Add application").click()
        wait_for_app(page)
        assert "Half Filled Ltd" in set(app_store.load_applications(engine)["company"])
    finally:
        engine.dispose()


def test_each_board_card_link_says_which_application_it_opens(page, server):
    # every card's link was heard as "Open", the same as all the others
    engine = db.open_database(server.db_url)
    try:
        app_store.add_application(
            engine, ApplicationIn(company="Board Named Ltd", role="Planner", applied_on=dt.date.today())
        )
    finally:
        engine.dispose()
    goto(page, server, "applications?log_tab=Board")
    expect(page.get_by_role("link", name="Open: Planner at Board Named Ltd")).to_be_visible()
