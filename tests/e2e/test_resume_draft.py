"""A draft resumed from the page's own list saves: the link to the page it was on left the address
without the application, and Save then fell back to "which application was it for?", saving nothing."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from lib.store import reflections
from tests.e2e.conftest import goto, wait_for_app

TODAY = dt.date.today()


def test_a_debrief_resumed_from_unfinished_drafts_is_saved(page, server):
    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Contoso Health", role="Analyst", applied_on=TODAY - dt.timedelta(days=9)),
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=TODAY - dt.timedelta(days=2)),
    )
    goto(page, server, f"debrief?id={app_id}")
    page.get_by_role("radiogroup", name="Which round was it?").get_by_role("radio", name="technical").click()
    wait_for_app(page)
    question = page.get_by_role("textbox", name="Question 1", exact=True)
    question.fill("Why Contoso Health?")
    question.press("Tab")
    wait_for_app(page)
    goto(page, server, "debrief")  # later: the page, with no application in the address
    page.get_by_role("link", name="Analyst").filter(has_text="last change").click()
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Question 1", exact=True)).to_have_value("Why Contoso Health?")
    assert f"id={app_id}" in page.url  # the address says which application: a reload keeps it too
    page.get_by_role("button", name="Save debrief").last.click()
    wait_for_app(page)
    expect(page.get_by_text("Debrief saved: 1 question").first).to_be_visible()
    assert [q["question"] for q in reflections.interviews_for(engine, app_id)[0]["questions"]] == [
        "Why Contoso Health?"
    ]


def test_a_look_back_opened_from_its_own_page_is_saved(page, server):
    """The same link to the page it is on, on Record a rejection: "Look back at it" opened the
    reflection with the address still on the application, and Save recorded nothing."""
    from lib.core.models import RejectionIn

    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Fabrikam", role="Analyst", applied_on=TODAY - dt.timedelta(days=9))
    )
    rid = reflections.record_rejection(
        engine,
        RejectionIn(
            application_id=app_id,
            stage_reached="applied",
            occurred_on=TODAY,
            via="email",
            mood=3,
            pause_until=dt.datetime.combine(TODAY, dt.time(0)),
            answers={"mood": 3},
        ),
    )
    goto(page, server, f"rejection?id={app_id}")
    page.get_by_role("link", name="Look back at it, when you're ready").click()
    wait_for_app(page)
    assert f"reflection={rid}" in page.url and f"id={app_id}" not in page.url
    lessons = page.get_by_label("Which lessons do I keep?")
    lessons.fill("Tailor the first paragraph")
    lessons.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Save").last.click()
    wait_for_app(page)
    assert reflections.get_reflection(engine, rid)["answers"].get("lessons") == "Tailor the first paragraph"
