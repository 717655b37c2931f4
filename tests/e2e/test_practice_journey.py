"""Practice journeys: a strategy review that ends with a plan whose slot shows on Home; a practice
session over three cards."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, DebriefIn, InterviewQuestionIn
from lib.learn.plan import DAYS
from lib.store import applications as app_store
from lib.store import reflections
from tests.e2e.conftest import goto, wait_for_app

TODAY = dt.date.today()


def _seed(url: str, questions: list[tuple[str, int, str]] = ()) -> None:
    engine = db.open_database(url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Lumen Health", role="Data Analyst", applied_on=TODAY - dt.timedelta(days=10)),
    )
    if questions:
        asked = [InterviewQuestionIn(question=q, rating=r, better_answer=b) for q, r, b in questions]
        reflections.save_interview(
            engine,
            DebriefIn(
                application_id=app_id,
                round_type="technical",
                occurred_on=TODAY - dt.timedelta(days=2),
                questions=asked,
            ),
        )
    engine.dispose()


def test_a_strategy_review_ends_with_a_plan_whose_slot_shows_on_home(page, server):
    _seed(server.db_url)
    goto(page, server, "strategy")
    page.get_by_role("textbox", name="What do I really want to do? *").fill("Analytics in health care.")
    page.get_by_role("radio", name="a little behind").click()
    page.get_by_role("textbox", name="What will I change in the next two weeks? *").fill(
        "Two referrals a week."
    )
    page.get_by_role("button", name="Save review").click()
    wait_for_app(page)
    expect(page.get_by_text("Review saved.")).to_be_visible()

    page.get_by_role("spinbutton", name="Applications I'll send").fill("3")
    day = page.get_by_role("combobox", name="Day").first
    day.click()
    day.fill(DAYS[TODAY.weekday()])
    page.keyboard.press("Enter")
    page.get_by_role("textbox", name="Time", exact=True).first.fill("18:30")
    page.get_by_role("textbox", name="What", exact=True).first.fill("two target companies")
    page.get_by_role("textbox", name="If …").first.fill("a no comes in")
    page.get_by_role("textbox", name="then I …").first.fill("I take the evening off")
    page.get_by_role("button", name="Save my plan").click()
    wait_for_app(page)
    expect(page.get_by_text("is saved: its slots are on Home")).to_be_visible()

    page.get_by_role("link", name="Home").first.click()
    wait_for_app(page)
    expect(page.get_by_text(f"Search time: {TODAY:%a %d %b}, 18:30 — two target companies")).to_be_visible()
    expect(page.get_by_text("0 of 3")).to_be_visible()


def test_a_practice_session_goes_over_three_cards(page, server):
    _seed(
        server.db_url,
        [
            ("Tell me about a conflict.", 1, "Use STAR: the churn dispute."),
            ("Why this company?", 2, "Their mission and my forecasting work."),
            ("Explain a p-value.", 3, "The coin example, then the decision."),
            ("What is SQL?", 5, "Easy."),
        ],
    )
    goto(page, server, "practice")
    expect(page.get_by_text("3 to go in this session")).to_be_visible()
    for better in (
        "Use STAR: the churn dispute.",
        "Their mission and my forecasting work.",
        "The coin example, then the decision.",
    ):
        page.get_by_role("button", name="Show the better answer").click()
        wait_for_app(page)
        expect(page.get_by_text(better)).to_be_visible()
        page.get_by_role("button", name="Good — I answered well").click()
        wait_for_app(page)
    expect(page.get_by_text("That's all for now — well done.")).to_be_visible()
    expect(page.get_by_text("Easy.")).not_to_be_visible()


def test_a_practice_round_by_keyboard_goes_from_the_reveal_to_the_grades_and_on(page, server):
    long_answer = "Start with the churn dispute, then what I changed. " * 200  # 10,200 characters
    # questions of their own: the module's server keeps the cards the other journeys graded
    _seed(server.db_url, [("Tell me about a hard call.", 1, long_answer), ("Why this team?", 2, "Mission.")])
    page.set_viewport_size({"width": 1280, "height": 800})
    goto(page, server, "practice")
    page.get_by_role("button", name="Show the better answer").focus()
    page.keyboard.press("Enter")
    wait_for_app(page)
    first_grade = page.locator("[class*='st-key-practice_grade_'] button").first
    expect(first_grade).to_be_focused()  # the keyboard goes on from the grades: they are in view
    box = first_grade.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800
    page.keyboard.press("Tab")  # Again → Hard → Good
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Why this team?")).to_be_visible()
    expect(page.get_by_role("textbox", name="Answer aloud, or type it here (not saved)")).to_be_focused()


def test_a_card_back_in_a_minute_is_shown_when_its_time_comes_with_the_page_left_open(page, server):
    """ "The next card is ready again in a few minutes", and the page stayed on "That's all for now"
    until the person left it and came back."""
    mine = "Walk me through a failed project."
    _seed(server.db_url, [(mine, 1, "The pilot that taught me scoping.")])
    goto(page, server, "practice")
    for _ in range(10):  # the module's other journeys may have left cards due: each put away first
        page.get_by_role("button", name="Show the better answer").click()
        wait_for_app(page)
        if page.get_by_text(mine).count():
            break
        page.get_by_role("button", name="Easy — it came naturally").click()
        wait_for_app(page)
    page.get_by_role("button", name="Again — I stumbled").click()
    wait_for_app(page)
    expect(page.get_by_text("ready in a few minutes")).to_be_visible()
    # FSRS's first step is a minute; the page looks again every 15 seconds, untouched
    expect(page.get_by_text("Walk me through a failed project.")).to_be_visible(timeout=100_000)
    expect(page.get_by_role("button", name="Show the better answer")).to_be_visible()
