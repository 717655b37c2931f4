"""The rejection journey with the keyboard alone: from the application's page, Tab to "Record a
rejection", answer with Tab, Space and typing, and save with Enter — no mouse at all."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as store
from tests.e2e.conftest import goto, wait_for_app

# The focused element's text, without a leading icon (Material icons are drawn as a ligature word).
FOCUSED_TEXT = """() => {
  const lines = ((document.activeElement && document.activeElement.innerText) || '').trim().split('\\n');
  return lines[lines.length - 1].trim();
}"""
FOCUSED_FIELD = """() => {
  const el = document.activeElement;
  if (!el) return '';
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText) || '';
  return label.trim();
}"""
IN_GROUP = """(label) => {
  const el = document.activeElement;
  const box = el && el.closest('[data-testid="stElementContainer"], .stElementContainer');
  return !!box && box.innerText.includes(label);
}"""


def _tab_to(page, want, what: str, limit: int = 250) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if want():
            return
    raise AssertionError(f"Tab never reached {what}")


IN_MAIN = "() => !!(document.activeElement && document.activeElement.closest('[data-testid=\"stMain\"]'))"


def _tab_to_text(page, text: str) -> None:
    """Tab to the control named `text` in the page itself (the sidebar has a link of the same name)."""
    _tab_to(page, lambda: page.evaluate(FOCUSED_TEXT) == text and page.evaluate(IN_MAIN), f"“{text}”")


def _tab_to_option(page, group: str, option: str) -> None:
    """Tab into the choice group, move to `option` with the arrow keys if needed, pick it with Space."""
    _tab_to(page, lambda: page.evaluate(IN_GROUP, group), f"the choice “{group}”")
    for _ in range(12):
        if page.evaluate(FOCUSED_TEXT) == option:
            break
        page.keyboard.press("ArrowRight")
    if page.evaluate(FOCUSED_TEXT) != option:  # a group that tabs through each option instead
        _tab_to(page, lambda: page.evaluate(FOCUSED_TEXT) == option, f"“{option}” in “{group}”", limit=12)
    page.keyboard.press("Space")
    wait_for_app(page)


def _tab_to_field(page, label: str) -> None:
    _tab_to(page, lambda: page.evaluate(FOCUSED_FIELD).startswith(label), f"the field “{label}”")


def test_a_rejection_can_be_recorded_with_the_keyboard_alone(page, server):
    engine = db.open_database(server.db_url)
    app_id = store.add_application(
        engine,
        ApplicationIn(
            company="Keyboard Co", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=20)
        ),
    )
    store.add_stage_event(
        engine,
        StageEventIn(
            application_id=app_id, kind="interview", occurred_on=dt.date.today() - dt.timedelta(days=3)
        ),
    )
    engine.dispose()
    goto(page, server, f"application?id={app_id}")
    expect(page.get_by_role("heading", name="Analyst · Keyboard Co")).to_be_visible()

    _tab_to_text(page, "Record a rejection")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="After the “no” · Analyst · Keyboard Co")).to_be_visible()

    _tab_to_option(page, "How did it reach you?", "email")
    _tab_to_option(page, "How do you feel right now?", "2")
    _tab_to_field(page, "One kind thing you will do for yourself today")
    page.keyboard.type("A long walk")
    page.keyboard.press("Tab")
    wait_for_app(page)
    page.keyboard.press("Shift+Tab")  # back to the top of the page, then to the save button
    _tab_to_text(page, "Save and take my pause")
    page.keyboard.press("Enter")
    wait_for_app(page)

    expect(page.get_by_text("Recorded. Be kind to yourself until")).to_be_visible()
    engine = db.open_database(server.db_url)
    assert store.events_for(engine, app_id)["kind"].tolist() == ["interview", "rejected"]
    engine.dispose()


def test_picking_the_application_puts_the_keyboard_in_the_first_question(page, server):
    """Picked with the arrow keys and Enter, the form came and the focus fell to the page's body."""
    engine = db.open_database(server.db_url)
    store.add_application(
        engine,
        ApplicationIn(
            company="Picked Co", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=20)
        ),
    )
    engine.dispose()
    goto(page, server, "rejection")
    page.get_by_role("combobox", name="Application").click()
    page.keyboard.type("Picked Co")
    page.keyboard.press("Enter")
    wait_for_app(page)
    group = page.get_by_role("radiogroup", name="How far did you get?")
    expect(group.get_by_role("radio", checked=True)).to_be_focused()
    page.keyboard.press("ArrowRight")  # straight on with the keyboard
    page.keyboard.press("Space")
    wait_for_app(page)


def test_picking_the_application_to_debrief_puts_the_keyboard_in_which_round(page, server):
    engine = db.open_database(server.db_url)
    store.add_application(
        engine,
        ApplicationIn(
            company="Debrief Co", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=20)
        ),
    )
    engine.dispose()
    goto(page, server, "debrief")
    page.get_by_role("combobox", name="Application").click()
    page.keyboard.type("Debrief Co")
    page.keyboard.press("Enter")
    wait_for_app(page)
    group = page.get_by_role("radiogroup", name="Which round was it?")
    expect(group.get_by_role("radio").first).to_be_focused()  # none picked yet: the first
