"""In the browser, a value out of range is said under its box and kept to correct; nothing is saved.

With min/max on the box, the browser held the number back (a red border, a tooltip) and Save sent
the old value without a word; AppTest could not see that, a browser can."""

import datetime as dt

from playwright.sync_api import expect

from tests.e2e.conftest import goto, wait_for_app


def test_a_number_out_of_range_is_refused_under_its_box_and_a_good_one_saved(page, server):
    goto(page, server, "settings")
    ghost = page.get_by_role("spinbutton", name="Ghosted after (days)")
    ghost.fill("400")
    page.get_by_role("button", name="Save settings").click()
    wait_for_app(page)
    expect(page.get_by_text("Ghosted after (days) must be between 1 and 365.")).to_be_visible()
    expect(page.get_by_text("Settings saved.")).to_have_count(0)
    expect(ghost).to_have_value("400")  # kept as typed, to correct
    ghost.fill("45")
    page.get_by_role("button", name="Save settings").click()
    wait_for_app(page)
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("spinbutton", name="Ghosted after (days)")).to_have_value("45")


def test_a_number_with_a_fraction_typed_in_the_browser_is_said_not_cut_to_a_whole_one(page, server):
    # A whole-number box turned 2.5 into 2 in the browser before Rebound saw it: saved, unsaid.
    goto(page, server, "settings")
    goal = page.get_by_role("spinbutton", name="Weekly goal")
    goal.fill("2.5")
    page.get_by_role("button", name="Save settings").click()
    wait_for_app(page)
    expect(page.get_by_text("must be a whole number")).to_be_visible()
    expect(page.get_by_text("Settings saved.")).to_have_count(0)
    expect(goal).to_have_value("2.5")


def test_a_day_in_the_future_typed_in_a_date_box_is_refused_under_it_not_swapped_for_today(page, server):
    """With the box's range ending today, the browser held a typed day ahead back (red) and the save
    stored today's instead, saying "Added"."""
    goto(page, server, "network")
    page.get_by_role("textbox", name="Name *").fill("Jo Future")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    met = page.locator("[data-testid='stDateInput']").filter(has_text="Met on")
    met.get_by_role("spinbutton").first.click()  # day, month and year: one box each, typed in turn
    page.keyboard.type(f"{tomorrow:%d%m%Y}")
    page.keyboard.press("Escape")  # the calendar closes, the typed day stays
    page.get_by_role("button", name="Add person").click()
    wait_for_app(page)
    expect(page.get_by_text("Met on can't be in the future")).to_be_visible()
    expect(page.get_by_text("Added Jo Future.")).to_have_count(0)
    expect(met.get_by_role("spinbutton").last).to_have_text(f"{tomorrow:%Y}")  # kept as typed


def test_a_paste_longer_than_a_long_box_allows_is_kept_and_said_on_save(page, server):
    """With max_chars on the box, Streamlit dropped the whole paste: the box stayed empty, "0/20000"."""
    goto(page, server, "add_application")
    notes = page.get_by_role("textbox", name="Notes")
    notes.fill("x" * 25_000)  # as a paste: one input of the whole text
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Notes is too long: 25,000 characters, at most 20,000")).to_be_visible()
    assert len(notes.input_value()) == 25_000


def test_a_whole_job_ad_pasted_into_role_is_kept_and_said_on_save(page, server):
    """With a count on the one-line box, Streamlit dropped the paste: Role went empty, then "required"."""
    goto(page, server, "add_application")
    page.get_by_role("textbox", name="Company").fill("Paste Robotics")
    role = page.get_by_role("textbox", name="Role")
    role.fill("Data Analyst " * 400)
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Role is too long: 5,199 characters, at most 200")).to_be_visible()
    assert len(role.input_value()) == 5_200
