"""A new user debriefs an interview, records the rejection with a pause and a reflection, reloads the
browser mid-way without losing a word, and finds the questions again in the library."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import add_application, goto, wait_for_app

QUESTIONS = [
    (
        "Why do you want to join Lumen?",
        "The mission",
        "Tie their patient-data goal to my forecasting work",
        "2",
    ),
    (
        "Write a rolling average in SQL",
        "Window function, slowly",
        "ROWS BETWEEN 6 PRECEDING AND CURRENT ROW",
        "3",
    ),
    ("Tell me about a conflict", "The churn dashboard story", "STAR, with the 12% faster decision", "4"),
]


def _commit(page) -> None:
    """Streamlit takes a typed value when the field loses focus."""
    page.keyboard.press("Tab")
    wait_for_app(page)


def _choose(page, widget_label: str, option: str, nth: int = 0) -> None:
    """Pick one option of a pill or segmented choice (a radio group named by its label)."""
    group = page.get_by_role("radiogroup", name=widget_label).nth(nth)
    group.get_by_role("radio", name=option, exact=True).click()
    wait_for_app(page)


def _add_and_open(page, company: str, role: str) -> None:
    add_application(page, company, role)
    page.get_by_role("link", name="Open it to record its stages").click()
    wait_for_app(page)


def test_a_new_user_debriefs_reflects_reloads_and_finds_the_questions_again(page, server):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    goto(page, server)
    _add_and_open(page, "Lumen Health", "Data Analyst")

    # Right after the interview: the debrief.
    page.get_by_role("main").get_by_role("link", name="Debrief an interview").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Debrief · Data Analyst · Lumen Health")).to_be_visible()
    _choose(page, "Which round was it?", "technical")
    _choose(page, "How did you meet?", "video")
    for number, (question, answer, better, rating) in enumerate(QUESTIONS):
        page.get_by_role("textbox", name=f"Question {number + 1}", exact=True).fill(question)
        _commit(page)
        page.get_by_label("What I answered").nth(number).fill(answer)
        _commit(page)
        page.get_by_label("A better answer for next time").nth(number).fill(better)
        _commit(page)
        _choose(page, f"Question {number + 1}: how happy am I with my answer?", rating)
        if number == 0:  # the browser reloads mid-way: nothing typed is lost, and it says "draft"
            page.reload()
            wait_for_app(page)
            expect(page.get_by_role("textbox", name="Question 1", exact=True)).to_have_value(question)
            expect(page.get_by_label("What I answered").first).to_have_value(answer)
            expect(page.get_by_text("Draft", exact=True)).to_be_visible()
    page.get_by_role("textbox", name="What does the company need right now?").fill(
        "Faster weekly reporting <b>now</b>"
    )
    _commit(page)
    page.get_by_role("button", name="Save debrief").first.click()
    wait_for_app(page)
    expect(page.get_by_text("Debrief saved: 3 questions")).to_be_visible()

    # The "no": record it with a pause; the reflection comes after, here at once by its link.
    page.get_by_role("main").get_by_role("link", name="Record a rejection").click()
    wait_for_app(page)
    _choose(page, "How did it reach you?", "email")
    _choose(page, "How do you feel right now?", "2")
    page.get_by_label("In a few words?").fill("Deflated")
    _commit(page)
    page.reload()
    wait_for_app(page)
    expect(page.get_by_label("In a few words?")).to_have_value("Deflated")  # kept as a draft
    page.get_by_role("button", name="Save and take my pause").first.click()
    wait_for_app(page)
    expect(page.get_by_text("Recorded. Be kind to yourself")).to_be_visible()
    expect(page.get_by_text("You're taking a pause")).to_be_visible()  # Home, calm
    page.get_by_role("link", name="Look back now, if you'd like to").click()
    wait_for_app(page)
    page.get_by_label("Which lessons do I keep?").fill("Practise the SQL question out loud; שלום 👋")
    _commit(page)
    page.reload()
    wait_for_app(page)
    expect(page.get_by_label("Which lessons do I keep?")).to_have_value(
        "Practise the SQL question out loud; שלום 👋"
    )
    _choose(page, "Was I fully prepared?", "3")
    page.get_by_role("button", name="Save my reflection").first.click()
    wait_for_app(page)
    expect(page.get_by_text("Your reflection is saved")).to_be_visible()
    # the application's own address (it stayed /rejection?id=…, with Record a rejection lit up)
    assert re.search(r"/application\?id=\d+$", page.url), page.url
    expect(page.get_by_text("Furthest stage: Interview")).to_be_visible()
    expect(page.get_by_text("Outcome: Rejected")).to_be_visible()
    page.get_by_text("Reflection after the rejection").click()
    expect(page.get_by_text("Practise the SQL question out loud; שלום 👋")).to_be_visible()
    page.get_by_text("Debrief · Technical round").click()
    expect(page.get_by_text("Faster weekly reporting <b>now</b>")).to_be_visible()  # HTML shown as text

    # The question library: all three, and search finds one.
    page.get_by_role("link", name="Question library").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Questions (3)")).to_be_visible()
    page.get_by_placeholder("A word in the question or an answer").fill("rolling average")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Questions (1)")).to_be_visible()
    assert dialogs == []
