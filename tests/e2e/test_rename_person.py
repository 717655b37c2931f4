"""A person renamed on Network is named anew in the picker that opened them (it kept the old name,
and opening it cleared the pick). Only a browser shows it: the picker's text is drawn there."""

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ContactIn
from lib.store import contacts as contact_store
from tests.e2e.conftest import goto, wait_for_app


def _open_person(page, server, typed: str, option: str):
    """Network's "Open a person" picker, with the person picked as a hand does: typed, then clicked."""
    goto(page, server, "network")
    picker = page.locator("[class*=st-key-network_person_picker] input")
    picker.click()
    picker.press_sequentially(typed)
    page.get_by_text(option).last.click()
    wait_for_app(page)
    return picker


def test_the_picker_names_a_person_by_the_name_just_saved(page, server):
    contact_store.add_contact(
        db.open_database(server.db_url),
        ContactIn(name="Priya Raman", company="Renamed Co", role="recruiter", met_on=dt.date.today()),
    )
    picker = _open_person(page, server, "Priya Raman", "(recruiter, Renamed Co)")
    expect(picker).to_have_value("Priya Raman (recruiter, Renamed Co)")
    page.get_by_text("Edit", exact=True).first.click()
    wait_for_app(page)
    page.locator("[class*='st-key-contact_edit_'] input[aria-label='Name *']").first.fill("Priya R. Shah")
    page.get_by_role("button", name="Save changes").click()
    wait_for_app(page)
    expect(picker).to_have_value("Priya R. Shah (recruiter, Renamed Co)")
    # the keyboard stays in the form saved (it fell to the page's body)
    expect(page.locator("[class*='st-key-contact_edit_'] input[aria-label='Name *']").first).to_be_focused()


def test_a_deleted_person_leaves_the_picker_empty(page, server):
    """The picker kept "Priya Nair (recruiter)" in its box after the delete, with nothing under it,
    and the page's message was far above: it looked as if the delete had failed."""
    contact_store.add_contact(
        db.open_database(server.db_url), ContactIn(name="Dora Deleted", role="recruiter")
    )
    picker = _open_person(page, server, "Dora Deleted", "Dora Deleted (recruiter")
    page.get_by_text("Delete", exact=True).last.click()
    page.get_by_text("Yes, delete Dora Deleted").click()
    wait_for_app(page)
    page.get_by_role("button", name="Delete person").click()
    wait_for_app(page)
    expect(picker).to_have_value("")
    expect(picker).to_be_focused()  # not the body
    expect(page.get_by_test_id("stToast").get_by_text("Deleted Dora Deleted.", exact=False)).to_be_visible()
