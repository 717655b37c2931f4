"""Removing a debrief row from the keyboard: Space held (or pressed again before the page caught up)
sent one click per press, and each after the first removed a row already gone: the page crashed."""

from playwright.sync_api import expect

from tests.e2e.conftest import debrief_new_application, wait_for_app


def test_a_rows_bin_pressed_again_and_again_removes_that_row_once(page, server):
    debrief_new_application(page, server, "Binworth")
    page.get_by_role("textbox", name="Question 1", exact=True).fill("Why us?")
    page.keyboard.press("Tab")
    wait_for_app(page)
    before = page.locator("[class*='__remove_q'] button").count()
    assert before >= 1
    page.locator("[class*='__remove_q'] button").first.focus()
    for _ in range(6):  # faster than the page's reruns
        page.keyboard.press("Space")
    wait_for_app(page)
    page.wait_for_timeout(1500)
    wait_for_app(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("encountered an error")).to_have_count(0)
    assert page.locator("[class*='__remove_q'] button").count() < before


def test_a_row_added_puts_the_cursor_in_its_first_box(page, server):
    """After "Add a question" (or "Add someone new") the cursor stayed on the button."""
    debrief_new_application(page, server, "Rowfield")
    questions = page.locator("[class*='__q'][class*='_question'] input")
    before = questions.count()
    page.get_by_role("button", name="Add a question").click()
    wait_for_app(page)
    expect(questions).to_have_count(before + 1)
    expect(questions.last).to_be_focused()
    page.get_by_role("button", name="Add someone new").click()
    wait_for_app(page)
    expect(page.locator("[class*='__p'][class*='_name'] input").last).to_be_focused()


def test_a_rows_bin_is_named_for_a_screen_reader_and_leaves_the_cursor_in_the_next_row(page, server):
    """A bin is an icon alone: a screen reader heard "delete icon" for each; after a removal the
    cursor fell to the page's body."""
    debrief_new_application(page, server, "Quillmoor Atlas")
    page.get_by_role("textbox", name="Question 2", exact=True).fill("Why this team?")
    page.keyboard.press("Tab")
    wait_for_app(page)
    first_bin = page.get_by_role("button", name="Remove question 1", exact=True)
    expect(first_bin).to_be_visible()
    first_bin.focus()
    page.keyboard.press("Enter")
    wait_for_app(page)
    # the row that took its place has the cursor: the old question 2, now question 1
    expect(page.get_by_role("textbox", name="Question 1", exact=True)).to_have_value("Why this team?")
    expect(page.get_by_role("textbox", name="Question 1", exact=True)).to_be_focused()
