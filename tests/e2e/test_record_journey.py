"""The log stays true when used in a hurry: a lookalike company is asked about, each form starts
fresh after a save, a double click adds one person, a debrief of a recorded interview adds no event."""

import datetime as dt
import re

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import reflections
from tests.e2e.conftest import goto, wait_for_app

TODAY = dt.date.today()


def _seed(db_url: str) -> tuple[int, int]:
    engine = db.open_database(db_url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(
            company="Northwind Analytics", role="Data Analyst", applied_on=TODAY - dt.timedelta(days=10)
        ),
    )
    interviewed = app_store.add_application(
        engine,
        ApplicationIn(company="Lumen Health", role="BI Analyst", applied_on=TODAY - dt.timedelta(days=12)),
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=interviewed, kind="interview", occurred_on=TODAY - dt.timedelta(days=4)),
    )
    engine.dispose()
    return app_id, interviewed


def test_northwind_is_asked_about_not_created_beside_northwind_analytics(page, server):
    app_id, _ = _seed(server.db_url)
    goto(page, server, "add_application")
    company = page.get_by_label("Company *")
    company.fill("northwind")
    company.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Did you mean Northwind Analytics?")).to_be_visible()
    options = page.get_by_role("radio")
    expect(options.last).to_have_accessible_name("Add 'northwind' as a new company")
    page.get_by_label("Role *").fill("Senior Analyst")
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Choose the company above")).to_be_visible()
    page.get_by_text("Northwind Analytics — starts with what you typed").click()
    wait_for_app(page)
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)
    expect(page.get_by_text("Saved: Senior Analyst at Northwind Analytics.")).to_be_visible()
    expect(page.get_by_label("Role *")).to_have_value("")
    engine = db.open_database(server.db_url)
    assert app_store.company_names(engine) == ["Lumen Health", "Northwind Analytics"]

    # Record a screen, then an interview: the second entry starts fresh, on the next stage.
    goto(page, server, f"application?id={app_id}")
    what = page.get_by_role("combobox", name="What happened")
    expect(what).to_have_value("Screen")
    page.get_by_label("Round (for interviews)").fill("Phone screen")
    page.get_by_label("Note", exact=True).fill("call went fine")
    page.get_by_role("button", name="Record").click()
    wait_for_app(page)
    expect(page.get_by_text("Recorded: Screen")).to_be_visible()
    expect(page.get_by_label("Round (for interviews)")).to_have_value("")
    expect(page.get_by_label("Note", exact=True)).to_have_value("")
    expect(what).to_have_value("Interview")
    page.get_by_label("Round (for interviews)").fill("Technical")
    page.get_by_role("button", name="Record").click()
    wait_for_app(page)
    rounds = app_store.events_for(engine, app_id)[["kind", "round_label", "note"]].values.tolist()
    assert rounds == [["screen", "Phone screen", "call went fine"], ["interview", "Technical", None]]


def test_jo_test_is_added_once_and_the_form_empties(page, server):
    goto(page, server, "network")
    company = page.get_by_label("Company", exact=True)
    company.fill("Lumen Health")
    company.press("Enter")
    wait_for_app(page)
    page.get_by_label("Name *").fill("Jo Test")
    page.get_by_role("button", name="Add person").dblclick()
    wait_for_app(page)
    expect(page.get_by_text("Added Jo Test.")).to_be_visible()
    expect(page.get_by_label("Name *").first).to_have_value("")  # the Add form (Jo Test opens below)
    page.get_by_role("button", name="Add person").click()  # again, on the emptied form
    wait_for_app(page)
    engine = db.open_database(server.db_url)
    assert contact_store.load_contacts(engine)["name"].tolist() == ["Jo Test"]


def test_a_debrief_of_a_recorded_interview_adds_no_second_event(page, server):
    engine = db.open_database(server.db_url)
    interviewed = app_store.add_application(
        engine,
        ApplicationIn(company="Harbor & Vale", role="Analyst", applied_on=TODAY - dt.timedelta(days=9)),
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=interviewed, kind="interview", occurred_on=TODAY - dt.timedelta(days=4)),
    )
    goto(page, server, f"debrief?id={interviewed}")
    four_days_ago = f"{TODAY - dt.timedelta(days=4):%d/%m/%Y}"
    when = page.get_by_test_id("stDateInput").filter(has_text="When was it?")
    expect(when).to_contain_text(re.compile(r"\s*/\s*".join(four_days_ago.split("/"))))  # the round's date
    page.get_by_role("radiogroup", name="Which round was it?").get_by_role(
        "radio", name="technical", exact=True
    ).click()
    wait_for_app(page)
    page.get_by_role("textbox", name="Question 1", exact=True).fill(
        "Walk me through a dashboard you built."
    )  # not an empty debrief
    page.get_by_role("textbox", name="Question 1", exact=True).press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Save debrief").last.click()
    wait_for_app(page)
    expect(page.get_by_text("Debrief saved: 1 question")).to_be_visible()
    assert app_store.events_for(engine, interviewed)["kind"].tolist() == ["interview"]
    [debrief] = reflections.interviews_for(engine, interviewed)
    assert debrief["occurred_on"] == TODAY - dt.timedelta(days=4) and debrief["stage_event_id"] is not None


def test_a_person_added_twice_is_opened_from_the_refusal(page, server):
    """ "Open Priya Shah" under "already in your network" was a link to the page it was on: the
    person did not open."""
    from lib.core.models import ContactIn

    engine = db.open_database(server.db_url)
    priya = contact_store.add_contact(engine, ContactIn(name="Priya Shah", company="Contoso Health"))
    goto(page, server, "network")
    company = page.get_by_label("Company", exact=True)
    company.fill("Contoso Health")
    company.press("Enter")
    wait_for_app(page)
    page.get_by_label("Name *").fill("Priya Shah")
    page.get_by_role("button", name="Add person").click()
    wait_for_app(page)
    expect(page.get_by_text("Priya Shah is already in your network.")).to_be_visible()
    page.get_by_role("button", name="Open Priya Shah").click()
    wait_for_app(page)
    assert f"contact={priya}" in page.url
    expect(
        page.get_by_role("button", name="Write to them")
        .or_(page.get_by_role("link", name="Write to them"))
        .first
    ).to_be_visible()
    expect(page.get_by_text("Priya Shah is already in your network.")).to_have_count(0)
    # one Priya (the module's server keeps the other tests' people)
    assert contact_store.load_contacts(engine)["name"].tolist().count("Priya Shah") == 1
