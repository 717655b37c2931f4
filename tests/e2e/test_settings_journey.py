"""Settings in the browser: a number out of range is said under its box, and nothing is saved.

With min/max on the box, the browser held the number back (a red border, a tooltip) and Save sent
the old value without a word; AppTest could not see that, a browser can."""

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
