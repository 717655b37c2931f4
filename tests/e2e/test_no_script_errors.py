"""Typing a company and pressing Enter raises no error in the page's scripts (the form guard read a
form that a company picker, outside any form, doesn't have: "Cannot read properties of null")."""

from playwright.sync_api import expect

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
