"""The question library's order and filters, the application picker, the time left in a pause."""

import datetime as dt

import pandas as pd

from lib.reflect.timeline import (
    LibraryFilter,
    application_choices,
    category_summary,
    library_view,
    pause_left,
)


def _questions():
    return pd.DataFrame(
        {
            "category": ["technical", "technical", "behavioural", None, "salary"],
            "question": ["SQL window", "p-value", "Conflict story", "Odd one", "Expectations?"],
            "my_answer": ["slow", "textbook", "rambled", None, None],
            "better_answer": ["ROWS BETWEEN", "coin example", "STAR", None, None],
            "rating": pd.array([4, 2, 2, None, None], dtype="Int64"),
            "company": ["Acme", "Beta", "Acme", "Beta", "Acme"],
            "occurred_on": pd.to_datetime(
                ["2026-01-01", "2026-02-01", "2026-01-05", "2026-03-01", "2026-03-02"]
            ),
        }
    )


def test_the_weakest_category_comes_first_and_unrated_ones_last():
    summary = category_summary(_questions())
    assert summary["category"].tolist() == ["behavioural", "technical", "salary", "uncategorised"]
    assert summary["average_rating"].tolist()[:2] == [2.0, 3.0]
    assert summary["asked"].tolist() == [1, 2, 1, 1]


def test_questions_are_ordered_by_category_weakness_then_rating():
    _, table, matching = library_view(_questions(), LibraryFilter())
    assert matching == 5
    assert table["question"].tolist()[:3] == ["Conflict story", "p-value", "SQL window"]


def test_search_looks_in_questions_and_answers_and_filters_combine():
    _, table, matching = library_view(_questions(), LibraryFilter(text="COIN"))
    assert table["question"].tolist() == ["p-value"] and matching == 1
    _, table, _ = library_view(_questions(), LibraryFilter(categories=("technical",), companies=("Acme",)))
    assert table["question"].tolist() == ["SQL window"]
    _, table, _ = library_view(_questions(), LibraryFilter(categories=("uncategorised",)))
    assert table["question"].tolist() == ["Odd one"]


def test_the_library_returns_at_most_the_limit_but_counts_everything():
    _, table, matching = library_view(_questions(), LibraryFilter(), limit=2)
    assert len(table) == 2 and matching == 5


def test_the_picker_offers_open_applications_by_latest_activity_up_to_a_limit():
    log = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "company": ["Acme", "Beta", "Gamma"],
            "role": ["Analyst"] * 3,
            "applied_on": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-03-01"]),
            "last_event_on": pd.to_datetime(["2026-04-01", None, None]),
            "outcome": ["open", "rejected", "open"],
        }
    )
    assert list(application_choices(log)) == [1, 3, 2]
    assert application_choices(log)[1] == "Acme — Analyst (applied 01 Jan 2026)"
    assert list(application_choices(log, open_only=True, limit=1)) == [1]


def test_time_left_in_a_pause_reads_naturally():
    now = dt.datetime(2026, 3, 1, 12, 0)
    assert pause_left(dt.datetime(2026, 3, 1, 12, 40), now) == "40 minutes"
    assert pause_left(dt.datetime(2026, 3, 2, 18, 0), now) == "30 hours"
    assert pause_left(dt.datetime(2026, 3, 5, 12, 0), now) == "4 days"
    assert pause_left(dt.datetime(2026, 3, 1, 11, 0), now) is None
    assert pause_left(None, now) is None


def test_the_timeline_puts_debriefs_and_reflections_in_date_order_and_says_what_waits():
    import datetime as dt

    from lib.reflect.timeline import timeline_items

    day = dt.date(2026, 3, 2)
    debrief = {"occurred_on": day, "created_at": None, "round_type": "technical", "comfort": 4}
    resting = {"bank": "rejection", "answers": {"rejected_on": "2026-03-02", "mood": 2}, "created_at": None}
    done = {
        "bank": "rejection",
        "answers": {"rejected_on": "2026-03-01", "lessons": "Slow down"},
        "created_at": None,
    }
    items = timeline_items([debrief], [resting, done])
    assert [i.title for i in items] == [
        "Reflection after the rejection",
        "Debrief · Technical round · comfort 4 / 5",
        "After the rejection · the pause (look back when you're ready)",
    ]
    assert timeline_items([], []) == []
