"""What a person types is never lost while the page redraws around them: a new company's "will be
added" note appears above the next field without taking the cursor or the keystrokes from it."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as app_store
from tests.e2e.conftest import goto, wait_for_app


@pytest.mark.parametrize(
    "page_path, company_label, next_label, typed",
    [
        ("add_application", "Company *", "Role *", "QA Engineer"),
        ("network", "Company", "Name *", "Jordan Lee"),  # Network's "Add a person"
    ],
)
def test_the_field_after_a_new_company_keeps_every_keystroke(
    page, server, page_path, company_label, next_label, typed
):
    goto(page, server, page_path)
    company = f"New Typing Co {page_path}"
    page.get_by_label(company_label, exact=True).fill(company)
    page.keyboard.press("Tab")  # on to the next field at once, as a person does
    field = page.get_by_label(next_label)
    expect(field).to_be_focused()
    page.keyboard.type(typed, delay=60)  # meanwhile the page says the company is new
    expect(page.get_by_text(f"{company} will be added as a new company.")).to_be_visible()
    wait_for_app(page)
    expect(field).to_be_focused()
    expect(field).to_have_value(typed)


@pytest.mark.parametrize(
    "page_path, company_label, next_label, next_value, button, saved",
    [
        (
            "add_application",
            "Company *",
            "Role *",
            "Analyst",
            "Add application",
            "Saved: Analyst at Focus Again Co.",
        ),
        ("network", "Company", "Name *", "Robin Park", "Add person", "Added Robin Park."),
    ],
)
def test_after_a_save_the_cursor_is_back_in_company_for_the_next(
    page, server, page_path, company_label, next_label, next_value, button, saved
):
    goto(page, server, page_path)
    page.get_by_label(company_label, exact=True).fill("Focus Again Co")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_label(next_label).fill(next_value)
    page.get_by_role("button", name=button).click()
    wait_for_app(page)
    expect(page.get_by_text(saved)).to_be_visible()
    company = page.get_by_label(company_label, exact=True)
    expect(company).to_be_focused()
    expect(company).to_have_value("")
    page.keyboard.type("Next One Co")  # straight on with the next entry, no mouse
    expect(company).to_have_value("Next One Co")


def test_after_recording_a_step_the_cursor_is_back_in_what_happened(page, server):
    """Enter in the step's note saved it, and the focus fell to the page's body: the next Tab went
    to "Skip to main content" at the top."""
    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Steps Co", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=9)),
    )
    goto(page, server, f"application?id={app_id}")
    note = page.get_by_label("Note", exact=True)
    note.fill("Call with the recruiter")
    note.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Recorded: Screen on")).to_be_visible()
    expect(page.get_by_role("combobox", name="What happened")).to_be_focused()
