"""A person deletes a debrief and a strategy review that no longer help: asked first, "Keep it"
keeps it, and after deleting they stay where they were with a calm word."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, DebriefIn, InterviewQuestionIn, StageEventIn, StrategyReviewIn
from lib.store import applications as app_store
from lib.store import debriefs
from lib.store import strategy as strategy_store
from tests.e2e.conftest import goto, wait_for_app

TODAY = dt.date.today()


def _seed(url: str) -> int:
    engine = db.open_database(url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Lumen Health", role="Data Analyst", applied_on=TODAY - dt.timedelta(20)),
    )
    day = TODAY - dt.timedelta(days=5)
    app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind="interview", occurred_on=day))
    for round_type, question in (("technical", "Walk me through a query"), ("final", "Why Lumen?")):
        debriefs.save_interview(
            engine,
            DebriefIn(
                application_id=app_id,
                round_type=round_type,
                occurred_on=day,
                questions=[InterviewQuestionIn(question=question, rating=4)],
            ),
        )
    for goal in (3, 5, 8):
        strategy_store.save_review(engine, StrategyReviewIn(answers={}, weekly_goal=goal))
    engine.dispose()
    return app_id


def test_a_debrief_and_a_review_are_deleted_after_asking(page, server):
    app_id = _seed(server.db_url)
    goto(page, server, f"application?id={app_id}")
    technical = page.get_by_test_id("stExpander").filter(has_text="Technical")
    technical.locator("summary").click()
    wait_for_app(page)  # a debrief is drawn once its drawer opens
    technical.get_by_role("button", name="Delete this debrief…").click()
    wait_for_app(page)
    expect(technical.get_by_text("Delete this debrief?")).to_be_visible()
    technical.get_by_role("button", name="Keep it").click()
    wait_for_app(page)
    expect(technical.get_by_text("Delete this debrief?")).to_have_count(0)
    technical.get_by_role("button", name="Delete this debrief…").click()
    wait_for_app(page)
    technical.get_by_role("button", name="Delete", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stAlert").get_by_text("Debrief deleted.")).to_be_visible()
    expect(page.get_by_test_id("stExpander").filter(has_text="Technical")).to_have_count(0)
    expect(page.get_by_test_id("stExpander").filter(has_text="Final")).to_have_count(1)

    goto(page, server, "strategy")
    page.get_by_role("tab", name="Compare reviews").click()
    wait_for_app(page)
    first = page.get_by_role("button", name="Delete this review…").first
    first.click()
    wait_for_app(page)
    page.get_by_role("button", name="Delete", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stAlert").get_by_text("Review deleted.")).to_be_visible()
    expect(page.get_by_role("tab", name="Compare reviews")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("button", name="Delete this review…")).to_have_count(2)
    assert len(strategy_store.load_reviews(db.open_database(server.db_url))) == 2
