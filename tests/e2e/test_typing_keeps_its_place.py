"""What a person types is never lost while the page redraws around them: a new company's "will be
added" note appears above the next field without taking the cursor or the keystrokes from it."""

from playwright.sync_api import expect

from tests.e2e.conftest import goto, wait_for_app


def test_typing_the_role_right_after_a_new_company_keeps_every_keystroke(page, server):
    goto(page, server, "add_application")
    page.get_by_label("Company *").fill("Fabrikam Typing")
    page.keyboard.press("Tab")  # on to the role at once, as a person does
    role = page.get_by_label("Role *")
    expect(role).to_be_focused()
    page.keyboard.type("QA Engineer", delay=60)  # meanwhile the page says the company is new
    expect(page.get_by_text("Fabrikam Typing will be added as a new company.")).to_be_visible()
    wait_for_app(page)
    expect(role).to_be_focused()
    expect(role).to_have_value("QA Engineer")


def test_a_persons_name_typed_right_after_a_new_company_keeps_every_keystroke(page, server):
    goto(page, server, "network")
    page.get_by_label("Company", exact=True).fill("Contoso Typing")
    page.keyboard.press("Tab")
    name = page.get_by_label("Name *")
    expect(name).to_be_focused()
    page.keyboard.type("Jordan Lee", delay=60)
    expect(page.get_by_text("Contoso Typing will be added as a new company.")).to_be_visible()
    wait_for_app(page)
    expect(name).to_be_focused()
    expect(name).to_have_value("Jordan Lee")


def test_after_adding_an_application_the_cursor_is_back_in_company_for_the_next(page, server):
    goto(page, server, "add_application")
    page.get_by_label("Company *").fill("Focus Again Co")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_label("Role *").fill("Analyst")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Saved: Analyst at Focus Again Co.")).to_be_visible()
    company = page.get_by_label("Company *")
    expect(company).to_be_focused()
    expect(company).to_have_value("")
    page.keyboard.type("Next One Co")  # straight on with the next entry, no mouse
    expect(company).to_have_value("Next One Co")
