"""A person answers the strategy review reminder: completes the review, lowers a target's
priority, and sees the next review scheduled two weeks out."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, TargetIn
from lib.store import applications as app_store
from lib.store import strategy as store
from tests.e2e.conftest import goto, hand_click, wait_for_app


def _seed(url: str) -> None:
    engine = db.open_database(url)
    app_store.add_application(
        engine,
        ApplicationIn(
            company="Lumen Health", role="Data Analyst", applied_on=dt.date.today() - dt.timedelta(days=3)
        ),
    )
    store.set_target(engine, TargetIn(company="Lumen Health", target_priority=1, target_reason="Mission"))
    engine.dispose()


def test_a_strategy_review_is_completed_a_target_lowered_and_the_next_one_scheduled(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _seed(server.db_url)
    goto(page, server)
    expect(page.get_by_text("Review your strategy")).to_be_visible()
    page.get_by_role("main").locator("a[href$='strategy']").get_by_text("Open").click()
    wait_for_app(page)
    expect(page.get_by_text("No review yet: your first one is due today")).to_be_visible()

    page.get_by_role("textbox", name="What do I really want to do? *").fill(
        "Analytics for health care, close to product."
    )
    page.get_by_role("radio", name="a little behind").click()
    page.get_by_role("textbox", name="What will I change in the next two weeks? *").fill(
        "Two referrals a week; <b>no</b> cold boards."
    )
    page.get_by_role("button", name="Save review").click()
    wait_for_app(page)
    due = dt.date.today() + dt.timedelta(days=14)
    expect(page.get_by_text(f"Review saved. The next one is due on {due:%d %b %Y}")).to_be_visible()
    expect(page.get_by_text(f"Next review due on {due:%d %b %Y} (in 14 days)")).to_be_visible()

    page.get_by_role("tab", name="Target list").click()
    wait_for_app(page)  # only the open tab is drawn: switching tabs reruns
    company = page.get_by_label("Company", exact=True)  # the company picker: type, then Enter
    company.fill("lumen health")
    company.press("Enter")
    wait_for_app(page)
    # the rerun stays on the tab the person is on
    expect(page.get_by_role("tab", name="Target list")).to_have_attribute("aria-selected", "true")
    page.get_by_test_id("stRadio").get_by_text("Low", exact=True).click()
    page.get_by_role("textbox", name="Reason").fill("Slow to answer; keep an eye on it.")
    page.get_by_role("button", name="Save target").click()
    wait_for_app(page)
    expect(page.get_by_text("Lumen Health: Low priority.")).to_be_visible()

    # the form starts again empty: the last reason stayed in its box and went with the next company
    expect(page.get_by_role("textbox", name="Reason")).to_have_value("")
    expect(page.get_by_label("Company", exact=True)).to_have_count(1)  # the last form's box gone
    # typed without Enter and saved with one click: the note under the box, drawn as the box is
    # left, moved the button from under a held-down click, and the save needed a second one
    page.get_by_label("Company", exact=True).fill("Orbit Labs")
    hand_click(page, page.get_by_role("button", name="Save target"))
    wait_for_app(page)
    expect(page.get_by_text("Orbit Labs: High priority.")).to_be_visible()
    # the cursor is back in the company box: the next target is typed without the mouse
    expect(page.get_by_label("Company", exact=True)).to_be_focused()

    engine = db.open_database(server.db_url)
    targets = store.load_targets(engine).sort_values("name")
    assert targets[["name", "target_priority", "target_reason"]].values.tolist() == [
        ["Lumen Health", 3, "Slow to answer; keep an eye on it."],
        ["Orbit Labs", 1, None],
    ]
    review = store.get_review(engine, int(store.load_reviews(engine)["id"].iloc[0]))
    assert review["answers"]["on_track"] == "a little behind"
    assert review["targets"] == [
        {"company": "Lumen Health", "priority": 1, "reason": "Mission"}
    ]  # as it stood

    page.get_by_role("link", name="Home").first.click()
    wait_for_app(page)
    expect(page.get_by_text("Review your strategy")).to_have_count(0)
    assert dialogs == []
