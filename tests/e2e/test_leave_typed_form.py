"""A form sends nothing before its button: a menu link clicked after typing in one asks before
the words are dropped (they went without a word). Only a browser shows it (AppTest has no link
click and no dialog)."""

from playwright.sync_api import expect

from tests.e2e.conftest import goto, wait_for_app
from ui.form_guard import QUESTION


def _stay_when_asked(page) -> list[str]:
    """The next "Leave anyway?" is answered "no" (the page stays); what it asked is listed."""
    asked: list[str] = []

    def stay(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", stay)
    return asked


def test_a_menu_link_after_typing_in_a_form_asks_first_and_staying_keeps_the_words(page, server):
    goto(page, server, "add_application")
    role = page.get_by_label("Role *")
    role.fill("Staff Analyst, asked before leaving")
    asked = _stay_when_asked(page)
    page.get_by_role("link", name="Network").click()
    expect(page).to_have_url(f"{server.base_url}/add_application")
    assert asked == [QUESTION]
    expect(role).to_have_value("Staff Analyst, asked before leaving")

    page.once("dialog", lambda dialog: dialog.accept())  # leave anyway: the page goes
    page.get_by_role("link", name="Network").click()
    expect(page).to_have_url(f"{server.base_url}/network")


def test_a_form_saved_or_left_untouched_lets_the_link_go_without_a_question(page, server):
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    goto(page, server, "add_application")
    page.get_by_label("Role *").click()  # visited, nothing typed
    page.get_by_role("link", name="Network").click()
    expect(page).to_have_url(f"{server.base_url}/network")

    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.fill("Guarded Forms Ltd")
    company.press("Tab")
    wait_for_app(page)
    page.get_by_label("Role *").fill("Analyst")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Saved: Analyst at Guarded Forms Ltd.")).to_be_visible()
    page.get_by_role("link", name="Network").click()
    expect(page).to_have_url(f"{server.base_url}/network")
    assert asked == []


def test_a_form_whose_save_was_refused_still_asks_before_its_words_are_dropped(page, server):
    """A save refused for a missing company counted as handed over: the menu link then dropped the
    role typed without a word."""
    goto(page, server, "add_application")
    page.get_by_label("Role *").fill("Platform Engineer, refused once")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Company is required").first).to_be_visible()
    asked = _stay_when_asked(page)
    page.get_by_role("link", name="Network").click()
    expect(page).to_have_url(f"{server.base_url}/add_application")
    assert asked == [QUESTION]
    expect(page.get_by_label("Role *")).to_have_value("Platform Engineer, refused once")


def test_another_tab_after_typing_in_a_form_asks_first_and_staying_keeps_the_words(page, server):
    """Strategy review's New review, typed in, then its Target list tab (which the form itself
    points to): the answers were gone on coming back, without a word."""
    from ui.form_guard import TAB_QUESTION

    goto(page, server, "strategy")
    want = page.get_by_role("textbox", name="What do I really want to do? *")
    want.fill("Analytics close to product decisions")
    asked = _stay_when_asked(page)
    page.get_by_role("tab", name="Target list").click()
    wait_for_app(page)
    assert asked == [TAB_QUESTION]
    expect(page.get_by_role("tab", name="New review")).to_have_attribute("aria-selected", "true")
    expect(want).to_have_value("Analytics close to product decisions")
    asked = _stay_when_asked(page)  # from the keyboard: the arrow keys move between tabs
    page.get_by_role("tab", name="New review").focus()
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    assert asked == [TAB_QUESTION]
    expect(want).to_have_value("Analytics close to product decisions")

    page.once("dialog", lambda dialog: dialog.accept())  # switch anyway: the other tab opens
    page.get_by_role("tab", name="Target list").click()
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Target list")).to_have_attribute("aria-selected", "true")


def test_a_reload_after_typing_in_a_form_asks_first_and_after_a_save_asks_nothing(page, server):
    """An application's "Edit details" typed in, then the tab reloaded: the words went, unasked."""
    kinds: list[str] = []
    page.on("dialog", lambda dialog: (kinds.append(dialog.type), dialog.accept()))
    goto(page, server, "add_application")
    page.get_by_label("Role *").click()
    page.mouse.click(5, 5)  # the page has been used: a browser asks only then
    page.reload()
    wait_for_app(page)
    assert kinds == []  # nothing typed: nothing asked
    page.get_by_label("Role *").fill("Analyst, typed before a reload")
    page.reload()
    wait_for_app(page)
    assert kinds == ["beforeunload"]


def test_a_company_typed_alone_is_asked_about_before_leaving(page, server):
    """The company box answers as you type, outside the form: "Epsilon Corp" went unasked."""
    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.fill("Epsilon Corp")
    company.press("Tab")
    wait_for_app(page)
    expect(page.get_by_text("Epsilon Corp will be added as a new company.")).to_be_visible()
    asked = _stay_when_asked(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Applications").click()
    expect(page).to_have_url(f"{server.base_url}/add_application")
    assert asked == [QUESTION]
    expect(company).to_have_value("Epsilon Corp")
