"""Typing survives a reload: text typed into a questionnaire box, with the cursor still in it, is
back after the browser reloads (kept as a draft about a second after the last keystroke)."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import add_application, debrief_new_application, goto, wait_for_app

SENTENCE = "They asked about the churn model and I lost the thread halfway"


def test_a_sentence_typed_without_leaving_the_box_is_back_after_a_reload(page, server):
    debrief_new_application(page, server, "Typing Test Co")

    box = page.get_by_role("textbox", name="Question 1", exact=True)
    box.click()
    box.evaluate("element => { element.reboundMark = true; }")  # to tell if the box is drawn anew
    first, rest = SENTENCE[:30], SENTENCE[30:]
    box.press_sequentially(first, delay=20)  # typed as a person types; the cursor stays in the box
    page.wait_for_timeout(1_400)  # a pause to think: the box is kept and may be redrawn meanwhile
    box.press_sequentially(rest, delay=40)
    page.wait_for_timeout(2_500)
    wait_for_app(page)  # on a busy machine the save's run may still be finishing
    expect(box).to_be_focused()  # the field was never left, and no keystroke was lost
    expect(box).to_have_value(SENTENCE)
    # The first draft's notice did not redraw the box: a new box would have lost the cursor for a
    # moment, and whatever was typed in that moment.
    assert box.evaluate("element => element.reboundMark === true")

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Question 1", exact=True)).to_have_value(SENTENCE, timeout=15_000)


def test_a_note_being_written_is_back_after_a_reload(page, server):
    goto(page, server)
    add_application(page, "Note Reload Co", "Analyst")
    page.get_by_role("link", name="Open it to record its stages").click()
    wait_for_app(page)
    page.get_by_role("main").get_by_role("link", name="Write a note", exact=True).click()
    wait_for_app(page)
    page.get_by_label("Their name").fill("Robin Recruiter")
    page.get_by_role("button", name="Write the drafts").click()
    wait_for_app(page)

    note = page.get_by_role("textbox", name="Note", exact=True)
    note.click()
    page.keyboard.press("Control+End")
    note.press_sequentially(" Thank you for the tour of the lab.", delay=20)
    page.wait_for_timeout(2_500)
    wait_for_app(page)

    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Note", exact=True)).to_have_value(
        re.compile(r"Thank you for the tour of the lab\.$"), timeout=15_000
    )


def test_words_written_out_without_leaving_the_box_are_back_after_a_reload(page, server):
    goto(page, server, "writing")
    page.get_by_role("button", name="Start writing").press("Enter")
    wait_for_app(page)
    box = page.get_by_role("textbox", name="Write freely")
    # the cursor in the box (it was on the page's body: a keyboard user tabbed through the sidebar)
    expect(box).to_be_focused()
    box.click()
    box.press_sequentially("Today I felt the weight of it.", delay=20)
    page.wait_for_timeout(2_500)
    wait_for_app(page)
    expect(box).to_be_focused()
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Write freely")).to_have_value(
        "Today I felt the weight of it.", timeout=15_000
    )


def test_text_typed_the_moment_before_leaving_is_kept(page, server):
    goto(page, server, "writing")
    start = page.get_by_role("button", name="Start writing")
    if start.count():  # another journey of this server may have a session going already
        start.click()
        wait_for_app(page)
    box = page.get_by_role("textbox", name="Write freely")
    box.click()
    page.keyboard.press("Control+End")
    box.press_sequentially(" The last sentence before closing.", delay=10)
    again = page.context.new_page()  # the context lives on once the tab is gone
    page.close(run_before_unload=True)  # within the pause: nothing handed over yet, and it goes
    goto(again, server, "writing")
    expect(again.get_by_role("textbox", name="Write freely")).to_have_value(
        re.compile(r"The last sentence before closing\.$"), timeout=15_000
    )
