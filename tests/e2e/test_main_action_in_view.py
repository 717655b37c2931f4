"""At 1,280 and 1,400 px wide and 900 px high, each page's main button is on screen when the page
opens: no one has to scroll to find how to add a person or write the drafts."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn, StageEventIn
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from tests.e2e.conftest import goto, hand_click, wait_for_app

HEIGHT = 900
MAIN_ACTIONS = {  # page: its main (primary) button
    "add_application": "Add application",
    "network": "Add person",
    "compose": "Write the drafts",
    "feedback": "Save feedback",
    "writing": "Start writing",
    "report": "Prepare the report",
    "settings": "Save settings",
}


@pytest.fixture(scope="module")
def own_data(server):
    """A search just begun: one application, one person (no demo banner above the page)."""
    engine = db.open_database(server.db_url)
    today = dt.date.today()
    app_store.add_application(engine, ApplicationIn(company="Northwind", role="Analyst", applied_on=today))
    contact_store.add_contact(engine, ContactIn(name="Priya Shah", company="Northwind", met_on=today))


@pytest.mark.parametrize("width", [1280, 1400])
def test_each_main_button_is_in_view_without_scrolling(page, server, own_data, width):
    page.set_viewport_size({"width": width, "height": HEIGHT})
    below = {}
    for path, name in MAIN_ACTIONS.items():
        goto(page, server, path)
        button = page.get_by_role("button", name=name).first
        button.wait_for(state="visible")
        box = button.bounding_box()
        if box is None or box["y"] + box["height"] > HEIGHT:
            below[path] = box and round(box["y"] + box["height"])
    assert below == {}, f"main button below the fold (its bottom, px): {below}"


@pytest.mark.parametrize("width", [1280, 1400])
def test_add_application_is_in_view_on_a_laptop_screen_with_the_new_company_note(
    page, server, own_data, width
):
    """800 px high, as many laptops are: the note under a new company's name used to push the
    button under the bottom edge."""
    page.set_viewport_size({"width": width, "height": 800})
    first, second = {1280: ("Zebra Works", "Yak Studio"), 1400: ("Quill Partners", "Marlin Foods")}[width]
    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.fill(first)
    company.press("Tab")
    wait_for_app(page)
    expect(page.get_by_text(f"{first} will be added as a new company.")).to_be_visible()
    box = page.get_by_role("button", name="Add application").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800, f"Add application ends at {box}"

    # the next entry, with the last one's "Saved" above the form: a box and a link under it took
    # 110 px more, and the button was under the edge for every entry after the first
    page.get_by_label("Role *").fill("Analyst")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Saved: Analyst at {first}.")).to_be_visible()
    company = page.get_by_label("Company *")
    company.fill(second)
    company.press("Tab")
    wait_for_app(page)
    expect(page.get_by_text(f"{second} will be added as a new company.")).to_be_visible()
    box = page.get_by_role("button", name="Add application").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800, f"the next entry's button ends at {box}"


NEW_COMPANY_NO = """From: Zephyr Labs Talent <talent@zephyr.example>
Subject: Your application to Zephyr Labs

Hi Sam,

Thank you for taking the time to interview with us for the Data Analyst role at Zephyr Labs.
After careful consideration, we have decided to move forward with other candidates."""


@pytest.mark.parametrize("width", [1280, 1400])
def test_record_it_is_in_view_once_a_pasted_email_is_read(page, server, own_data, width):
    """The tallest preview: a "no" from a company not in the log asks when you applied too."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    goto(page, server, "rejection")
    page.get_by_label("The email, as copied from your mail client").fill(NEW_COMPANY_NO)
    page.get_by_role("button", name="Read it").click()
    wait_for_app(page)
    expect(
        page.get_by_text("Applied on", exact=True)
    ).to_be_visible()  # the new application's own row is drawn
    record = page.get_by_role("button", name="Record it")
    box = record.bounding_box()
    assert box is not None and box["y"] + box["height"] <= HEIGHT, f"Record it ends at {box}"


@pytest.mark.parametrize("width", [1280, 1400])
def test_mark_sent_is_in_view_once_the_drafts_are_written(page, server, width):
    """After "Write the drafts" the setup folds away: the draft and its Mark sent are what matter."""
    engine = db.open_database(server.db_url)
    company = f"Fabrikam {width}"
    app_id = app_store.add_application(
        engine, ApplicationIn(company=company, role="Analyst", applied_on=dt.date.today())
    )
    contact_id = contact_store.add_contact(
        engine,
        ContactIn(name="Ana Ruiz", company=company, role="recruiter", email=f"ana.{width}@fabrikam.example"),
    )
    page.set_viewport_size({"width": width, "height": HEIGHT})
    goto(page, server, f"compose?app={app_id}&contact={contact_id}")
    page.get_by_role("button", name="Write the drafts").click()
    wait_for_app(page)
    mark_sent = page.get_by_role("button", name="Mark sent")
    expect(mark_sent).to_be_visible()
    box = mark_sent.bounding_box()
    assert box is not None and box["y"] + box["height"] <= HEIGHT, f"Mark sent ends at {box}"
    # the cursor in the draft written, to read and fill its gaps (it fell to the page's body)
    expect(page.locator("[class*='st-key-body_'] textarea").first).to_be_focused()
    page.get_by_text("Who to write to, and what to ask").click()  # the setup is one click away
    wait_for_app(page)  # its drawer is drawn on opening: a click during that run was lost under load
    page.get_by_text("Someone not in your network").click()
    name = page.get_by_label("Their name")
    name.fill("Bo Chen")
    name.press("Tab")  # the form holds what was typed once the box is left
    page.get_by_role("button", name="Write the drafts").click()
    wait_for_app(page)
    expect(page.get_by_text("Dear Bo Chen", exact=False).first).to_be_attached(timeout=20_000)
    expect(page.get_by_role("button", name="Mark sent")).to_have_count(2)  # added beside the first
    expect(page.get_by_role("button", name="Write the drafts")).to_be_hidden()  # folded again


@pytest.mark.parametrize("width", [1280, 1400])
def test_add_person_is_in_view_after_adding_one(page, server, own_data, width):
    """The "Added …" message above the form must not push its button below the fold."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    goto(page, server, "network")
    name = page.get_by_label("Name *")
    name.fill(f"Noor Haddad {width}")
    name.press("Tab")
    wait_for_app(page)  # under load a click during a run in flight was once lost
    hand_click(page, page.get_by_role("button", name="Add person"))
    wait_for_app(page)
    expect(page.get_by_text(f"Added Noor Haddad {width}.")).to_be_visible()
    box = page.get_by_role("button", name="Add person").bounding_box()
    assert box is not None and box["y"] + box["height"] <= HEIGHT, f"Add person ends at {box}"


@pytest.mark.parametrize("width", [1280, 1400])
def test_write_the_drafts_is_in_view_after_a_no_with_no_one_saved_yet(page, server, width):
    """The tallest setup: a thank-you after a rejection (its feedback question) to someone not in
    the network yet (their name, role and email open)."""
    engine = db.open_database(server.db_url)
    today = dt.date.today()
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company=f"Contoso {width}", role="Analyst", applied_on=today - dt.timedelta(days=9)),
    )
    for kind in ("interview", "rejected"):
        app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind=kind, occurred_on=today))
    page.set_viewport_size({"width": width, "height": HEIGHT})
    goto(page, server, f"compose?app={app_id}")
    expect(page.get_by_label("Their name")).to_be_visible()
    expect(page.get_by_role("combobox", name="Feedback question")).to_be_visible()
    box = page.get_by_role("button", name="Write the drafts").bounding_box()
    assert box is not None and box["y"] + box["height"] <= HEIGHT, f"Write the drafts ends at {box}"


@pytest.mark.parametrize("width", [1280, 1400])
def test_the_prepared_report_and_its_download_come_into_view(page, server, own_data, width):
    """Once prepared, the choices fold away: the report's download is what the person came for."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    goto(page, server, "report")
    page.get_by_role("button", name="Prepare the report").click()
    wait_for_app(page)
    download = page.get_by_role("button", name="Download the report (HTML)")
    expect(download).to_be_visible(timeout=30_000)
    box = download.bounding_box()
    assert box is not None and box["y"] + box["height"] <= HEIGHT, f"the download ends at {box}"
    page.get_by_text("What goes in: change it and prepare again").click()  # one click away
    expect(page.get_by_role("button", name="Prepare the report")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 1400])
def test_main_buttons_are_in_view_at_800_px_under_the_demo_banner(page, server, width):
    """A laptop's 800 px with the demo's banner above: Add application, Add person and Prepare the
    report were 10–50 px under the bottom edge."""
    page.set_viewport_size({"width": width, "height": 800})
    below = {}
    for path, name in (
        ("add_application?data=demo", "Add application"),
        ("network?data=demo", "Add person"),
        ("report?data=demo", "Prepare the report"),
    ):
        goto(page, server, path)
        button = page.get_by_role("button", name=name).first
        button.wait_for(state="visible")
        box = button.bounding_box()
        if box is None or box["y"] + box["height"] > 800:
            below[path] = box and round(box["y"] + box["height"])
    assert below == {}, f"main button below the fold (its bottom, px): {below}"
    # after a save at a company applied to before: the note about it is a line, not a box
    goto(page, server, "add_application?data=demo")
    company = page.get_by_label("Company *")
    company.fill("Tessellate")
    company.press("Enter")
    wait_for_app(page)
    page.get_by_label("Role *").fill(f"Analytics Lead {width}")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("You applied there")).to_be_visible()
    box = page.get_by_role("button", name="Add application").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800, f"Add application ends at {box}"


def test_every_page_of_the_menu_is_in_view_on_a_laptop_screen(page, server, own_data):
    """1,280 x 800: "Your data" (Import & export, Settings) sat under the bottom edge of the menu."""
    page.set_viewport_size({"width": 1280, "height": 800})
    goto(page, server)
    links = page.locator(".st-key-rebound_nav [data-testid='stPageLink-NavLink']")
    expect(links.last).to_be_visible()
    bottoms = {links.nth(i).inner_text(): links.nth(i).bounding_box() for i in range(links.count())}
    below = {
        name: round(box["y"] + box["height"])
        for name, box in bottoms.items()
        if box["y"] + box["height"] > 800
    }
    assert len(bottoms) >= 15 and below == {}, f"menu links below the fold (their bottom, px): {below}"
    small = {name: box["height"] for name, box in bottoms.items() if box["height"] < 24}
    assert small == {}, f"links smaller than a 24 px pointer target: {small}"
