"""Practising questions: fsrs scheduling, the order of the queue, the prep sheet."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.reflect import practice

NOW = dt.datetime(2026, 12, 3, 9, 0)


def test_a_good_answer_comes_back_later_than_a_stumble() -> None:
    state = practice.new_state(1, NOW)
    _again_state, again_due = practice.review(state, 1, NOW)
    _good_state, good_due = practice.review(state, 3, NOW)
    assert NOW < again_due < good_due
    with pytest.raises(ValueError):
        practice.review(state, 5, NOW)


def test_a_stored_state_resumes_where_it_was() -> None:
    state, due = practice.review(practice.new_state(7, NOW), 3, NOW)
    state, due = practice.review(state, 3, due)  # out of learning: days away
    later_state, later_due = practice.review(dict(state), 3, due)
    assert later_state["card_id"] == 7 and later_due - due >= dt.timedelta(days=1)
    assert practice.review(state, 3, due) == (later_state, later_due)  # same input, same schedule


def _cards(*rows: dict) -> pd.DataFrame:
    base = {"question_id": 1, "question": "Why us?", "rating": 3}
    return pd.DataFrame([{**base, "id": i + 1, **row} for i, row in enumerate(rows)])


def test_cards_due_before_an_interview_come_first() -> None:
    cards = _cards(
        {"due": NOW - dt.timedelta(hours=1), "rating": 1},
        {"due": NOW + dt.timedelta(days=2)},
        {"due": NOW + dt.timedelta(days=9)},
    )
    assert practice.queue(cards, NOW)["id"].tolist() == [1]
    with_interview = practice.queue(cards, NOW, interview_on=NOW.date() + dt.timedelta(days=3))
    assert with_interview["id"].tolist() == [1, 2]  # brought forward: due before the interview, not after
    assert practice.due_count(cards, NOW, interview_on=NOW.date() - dt.timedelta(days=1)) == 1


def test_a_card_brought_forward_for_an_interview_is_practised_once_a_day() -> None:
    interview = NOW.date() + dt.timedelta(days=5)
    cards = _cards(
        {"due": NOW + dt.timedelta(days=1), "last_review": NOW - dt.timedelta(minutes=1)},  # just now
        {"due": NOW + dt.timedelta(days=2), "last_review": NOW - dt.timedelta(days=1)},  # yesterday
        {"due": NOW + dt.timedelta(days=9), "last_review": pd.NaT},  # after the interview
    )
    # graded a minute ago: not straight back, so the ready count falls as the person practises
    utc = dt.timedelta(0)
    assert practice.queue(cards, NOW, interview, offset=utc)["id"].tolist() == [2]
    cards.loc[1, "last_review"] = NOW - dt.timedelta(minutes=1)
    assert practice.queue(cards, NOW, interview, offset=utc).empty
    # and "the next card is ready tomorrow" is true: tomorrow it is brought forward again
    tomorrow = dt.datetime.combine(NOW.date() + dt.timedelta(days=1), dt.time())
    assert practice.next_ready(cards, NOW, interview, offset=utc) == tomorrow
    later = tomorrow + dt.timedelta(hours=9)
    assert practice.queue(cards, later, interview, offset=utc)["id"].tolist() == [1, 2]
    assert practice.next_ready(cards, NOW, offset=utc) == tomorrow  # no interview: its day, from its start


def test_the_eve_and_the_day_of_an_interview_offer_every_card_once() -> None:
    utc = dt.timedelta(0)
    # graded "good" this afternoon: due in 2 days, after tomorrow's interview
    cards = _cards({"due": NOW + dt.timedelta(days=2), "last_review": NOW - dt.timedelta(minutes=1)})
    tomorrow = dt.datetime.combine(NOW.date() + dt.timedelta(days=1), dt.time())
    interview = NOW.date() + dt.timedelta(days=1)
    assert practice.queue(cards, NOW, interview, offset=utc).empty  # practised today already
    assert practice.next_ready(cards, NOW, interview, offset=utc) == tomorrow  # not "in 2 days", after it
    assert practice.queue(cards, tomorrow + dt.timedelta(hours=7), interview, offset=utc)["id"].tolist() == [
        1
    ]
    # an interview further off leaves a card due after it to its spacing
    assert practice.next_ready(cards, NOW, NOW.date() + dt.timedelta(days=1, weeks=1), offset=utc) == tomorrow
    far = _cards({"due": NOW + dt.timedelta(days=9), "last_review": NOW - dt.timedelta(days=1)})
    assert practice.queue(far, NOW, NOW.date() + dt.timedelta(days=3), offset=utc).empty


def test_a_card_spaced_days_ahead_is_ready_from_the_start_of_its_day() -> None:
    utc = dt.timedelta(0)
    graded = dt.datetime(2026, 12, 3, 15, 46)
    cards = _cards({"due": graded + dt.timedelta(days=2), "last_review": graded})
    morning = dt.datetime(2026, 12, 5, 8, 0)
    assert practice.queue(cards, morning, offset=utc)["id"].tolist() == [1]  # not at 15:46
    assert practice.queue(cards, dt.datetime(2026, 12, 4, 23, 0), offset=utc).empty
    assert practice.next_ready(cards, graded, offset=utc) == dt.datetime(2026, 12, 5)
    # in learning, minutes away: at its minute
    learning = _cards({"due": graded + dt.timedelta(minutes=10), "last_review": graded})
    assert practice.queue(learning, graded + dt.timedelta(minutes=5), offset=utc).empty
    assert practice.next_text(dt.datetime(2026, 12, 5), graded, offset=utc) == "in 2 days (Sat 05 Dec)"
    assert practice.next_text(dt.datetime(2026, 12, 4), graded, offset=utc) == "tomorrow"
    assert practice.next_text(graded + dt.timedelta(minutes=10), graded) == "in a few minutes"
    assert practice.next_text(graded + dt.timedelta(minutes=40), graded) == "later today"


def test_once_a_day_is_the_persons_day_not_utcs() -> None:
    behind = -dt.timedelta(hours=8)  # Los Angeles: grades are stored in its local time
    now = dt.datetime(2026, 12, 4, 1, 0)  # 01:00 UTC on the 4th is 17:00 on the 3rd there
    interview = dt.date(2026, 12, 9)
    cards = _cards({"due": now + dt.timedelta(days=1), "last_review": dt.datetime(2026, 12, 3, 16, 59)})
    assert practice.queue(cards, now, interview, offset=behind).empty  # graded a minute ago, locally
    # back at the person's next midnight: 08:00 UTC on the 4th
    assert practice.next_ready(cards, now, interview, offset=behind) == dt.datetime(2026, 12, 4, 8, 0)
    assert practice.queue(cards, dt.datetime(2026, 12, 4, 8, 1), interview, offset=behind)["id"].tolist() == [
        1
    ]


def test_a_card_whose_question_was_deleted_is_left_out_and_no_cards_is_an_empty_queue() -> None:
    cards = _cards({"due": NOW, "question_id": None, "question": None}, {"due": NOW})
    assert practice.queue(cards, NOW)["id"].tolist() == [2]
    assert practice.queue(pd.DataFrame(), NOW).empty
    assert practice.queue(
        _cards({"due": NOW + dt.timedelta(minutes=10)}), NOW
    ).empty  # none due: none made up


def test_the_prep_sheet_groups_the_same_question_weakest_first() -> None:
    questions = pd.DataFrame(
        [
            {
                "question": "Tell me about yourself",
                "category": "other",
                "rating": 4,
                "company": "Acme",
                "better_answer": "Short story",
                "my_answer": "rambled",
                "occurred_on": "2026-10-01",
            },
            {
                "question": "tell me  about yourself",
                "category": None,
                "rating": 2,
                "company": "Beta",
                "better_answer": None,
                "my_answer": "long",
                "occurred_on": "2026-11-01",
            },
            {
                "question": "Why us?",
                "category": "motivation",
                "rating": 3,
                "company": "Acme",
                "better_answer": "Mission",
                "my_answer": "",
                "occurred_on": "2026-11-02",
            },
            {
                "question": "Salary?",
                "category": "salary",
                "rating": None,
                "company": "Acme",
                "better_answer": None,
                "my_answer": None,
                "occurred_on": "2026-11-03",
            },
        ]
    )
    sheet = practice.prep_sheet(questions)
    assert sheet["asked"].tolist() == [2, 1, 1]
    first = sheet.iloc[0]
    assert (first["rating"], first["lowest"], first["companies"], first["better_answer"]) == (
        2,
        2,
        "Acme, Beta",
        "Short story",
    )
    assert first["where"] == "Beta + 1 more"  # the latest, and how many more: it fits its column
    assert sheet["question"].tolist()[1:] == ["Why us?", "Salary?"]
    assert practice.prep_sheet(pd.DataFrame()).empty
