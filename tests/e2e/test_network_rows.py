"""A row of Network's people list opens that person, as a row of the log opens its application
(a click on a row did nothing; the picker that opens a person sat at the bottom edge)."""

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ContactIn
from lib.store import contacts as contact_store
from tests.e2e.conftest import goto, wait_for_app


def _pick_row(page, row: int) -> None:
    """Row `row` (0 first) selected from the keyboard: onto its first cell, then Shift+Space."""
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 40, box["y"] + 35 * (row + 1) + 17)
    page.keyboard.press("Shift+Space")
    wait_for_app(page)


def test_a_row_opens_its_person_at_the_top_and_again_after_another(page, server):
    engine = db.open_database(server.db_url)
    contact_store.add_contact(engine, ContactIn(name="Aaron Row", company="Rowco", role="recruiter"))
    contact_store.add_contact(engine, ContactIn(name="Zelda Row", company="Rowco", role="interviewer"))
    page.set_viewport_size({"width": 1280, "height": 800})
    goto(page, server, "network")
    page.get_by_role("textbox", name="Search").fill("Row")
    wait_for_app(page)
    _pick_row(page, 0)  # newest first: Zelda
    heading = page.get_by_role("heading", name="Zelda Row")
    expect(heading).to_be_visible()
    assert heading.bounding_box()["y"] < 400  # at the top, not under the list
    _pick_row(page, 1)
    expect(page.get_by_role("heading", name="Aaron Row")).to_be_visible()
    _pick_row(page, 0)  # the first one again: opens again
    expect(page.get_by_role("heading", name="Zelda Row")).to_be_visible()
