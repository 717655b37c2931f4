"""A choice typed in a "type your own" list and left without Enter is saved, not dropped.

Streamlit's list adds typed words only on Enter: "Save" with a theme still typed in the box saved
the feedback without it, unsaid. Only a browser shows it; AppTest sets a list's value directly."""

import pytest
from playwright.sync_api import expect

from lib.core import db
from lib.store import followups as store
from tests.e2e.conftest import add_application, goto, hand_click, wait_for_app


@pytest.mark.parametrize("leave", ["Tab", "click"])
def test_a_theme_typed_and_left_without_enter_is_saved_with_the_feedback_asked_for(page, server, leave):
    goto(page, server)
    add_application(page, f"Typed Choice {leave}", "Analyst")
    goto(page, server, "feedback")
    before = len(store.load_feedback(db.open_database(server.db_url)))
    themes = page.locator(".st-key-feedback_new_themes input")
    themes.click()
    themes.press_sequentially(f"pace of the case study {leave}")  # no Enter: on to the next thing
    if leave == "Tab":
        page.keyboard.press("Tab")
    else:
        # a click on the page beside the list (the open list's backdrop takes it, as a hand's would)
        box = page.get_by_text("Log feedback", exact=True).bounding_box()  # aria-hidden while open
        page.mouse.click(box["x"] + 5, box["y"] + box["height"] / 2)
    expect(page.locator(".st-key-feedback_new_themes")).to_contain_text(f"pace of the case study {leave}")
    expect(page.get_by_role("listbox")).to_have_count(0)  # the list closes as focus goes on
    hand_click(page, page.get_by_role("button", name="Save feedback"))
    wait_for_app(page)
    expect(page.get_by_text(f"Waiting for an answer ({before + 1})")).to_be_visible()
    saved = store.load_feedback(db.open_database(server.db_url))
    assert [f"pace of the case study {leave}"] in saved["themes"].tolist()


def test_words_that_match_listed_choices_are_never_turned_into_those_choices(page, server):
    """Enter picks the first match ("experience" -> "experience level"): leaving must not press it."""
    goto(page, server)
    add_application(page, "Typed Choice Match", "Analyst")
    goto(page, server, "feedback")
    themes = page.locator(".st-key-feedback_new_themes input")
    themes.click()
    themes.press_sequentially("experience")
    page.keyboard.press("Tab")
    wait_for_app(page)
    expect(page.locator(".st-key-feedback_new_themes")).not_to_contain_text("experience level")


def test_tab_takes_the_choice_a_typed_filter_highlights_in_a_one_choice_list(page, server):
    """ "refer" typed in Channel, then Tab: the box went back to "job board", and an application
    found through a referral was saved as from a job board, unsaid."""
    goto(page, server, "add_application")
    channel = page.locator(".st-key-add_application_channel input")
    channel.click()
    channel.press_sequentially("refer")
    expect(page.get_by_role("option").first).to_contain_text("referral")
    page.keyboard.press("Tab")
    wait_for_app(page)
    expect(channel).to_have_value("referral — Someone inside referred you")
    expect(page.get_by_role("textbox", name="Board or ATS name")).to_be_focused()  # Tab went on
    expect(page.get_by_role("listbox")).to_have_count(0)


def test_tab_from_a_list_opened_without_typing_keeps_the_choice_made(page, server):
    goto(page, server, "add_application")
    channel = page.locator(".st-key-add_application_channel input")
    channel.click()  # opens the list, nothing typed
    expect(page.get_by_role("listbox")).to_have_count(1)
    page.keyboard.press("Tab")
    wait_for_app(page)
    expect(channel).to_have_value("job board — A job board (name it below)")


def test_tab_after_letters_that_begin_no_choice_leaves_the_choice_made(page, server):
    goto(page, server, "add_application")
    channel = page.locator(".st-key-add_application_channel input")
    channel.click()
    channel.press_sequentially("fair")  # "career fair" holds it, but does not begin with it
    page.keyboard.press("Tab")
    wait_for_app(page)
    expect(channel).to_have_value("job board — A job board (name it below)")
