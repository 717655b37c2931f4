"""A new user logs an application, records its stages, and finds it in the log."""

from playwright.sync_api import expect

from tests.e2e.conftest import add_application, goto, wait_for_app

XSS = "<img src=x onerror=alert(1)>"


def _record(page, label: str, round_label: str = "") -> None:
    page.get_by_role("combobox", name="What happened").click()
    page.get_by_role("option", name=label, exact=True).click()
    if round_label:
        page.get_by_label("Round (for interviews)").fill(round_label)
    page.get_by_role("button", name="Record").click()
    wait_for_app(page)


def _pick(page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    wait_for_app(page)


def test_a_new_user_logs_a_rejection_after_the_first_interview(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    goto(page, server)
    expect(page.get_by_text("Every “no” is material")).to_be_visible()

    add_application(page, "Acme Robotics", "Data Analyst")
    page.get_by_role("link", name="Open it to record its stages").click()
    wait_for_app(page)
    _record(page, "Screen")
    _record(page, "Interview", "Technical")
    _record(page, "Rejected")
    expect(page.get_by_text("Furthest stage: Interview")).to_be_visible()

    page.get_by_role("link", name="Back to the log").click()
    wait_for_app(page)
    page.get_by_test_id("stDataFrame").wait_for()
    expect(page.get_by_text("1 application", exact=True)).to_be_visible()
    # The grid draws on a canvas: find the row through the filters on its derived columns.
    _pick(page, "Furthest stage", "Interview")
    _pick(page, "Outcome", "Rejected")
    page.get_by_placeholder("Company or role").fill("acme")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("1 application", exact=True)).to_be_visible()
    _pick(page, "Outcome", "Ghosted")  # outcome is rejected *or* ghosted: still one
    expect(page.get_by_text("1 application", exact=True)).to_be_visible()
    page.get_by_placeholder("Company or role").fill("nobody")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("0 of 1 application match", exact=True)).to_be_visible()
    assert dialogs == []


def test_html_typed_into_a_field_shows_as_text(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    goto(page, server)
    add_application(page, "Script Co", XSS)
    expect(page.get_by_text(f"Saved: {XSS} at Script Co.")).to_be_visible()
    page.get_by_role("link", name="Open it to record its stages").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=f"{XSS} · Script Co")).to_be_visible()
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []


def test_the_logs_filters_are_kept_while_another_page_is_visited(page, server):
    """Channel = referral was gone after adding an application and coming back."""
    add_application_page = page.get_by_test_id("stSidebar").get_by_role("link", name="Add application")
    goto(page, server)
    add_application(page, "Filters Kept Ltd", "Analyst")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Applications").click()
    wait_for_app(page)
    _pick(page, "Channel", "referral")
    chips = page.locator(".st-key-log_channels")
    expect(chips).to_contain_text("referral")
    add_application_page.click()
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Applications").click()
    wait_for_app(page)
    expect(chips).to_contain_text("referral")
    page.get_by_role("link", name="Home").first.click()  # and a change there is still kept, once more
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Applications").click()
    wait_for_app(page)
    expect(chips).to_contain_text("referral")
