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


def _more_technical(ratings, start="2026-04-01"):
    """Distinct technical questions, one a day from `start`, rated `ratings`."""
    days = pd.date_range(start, periods=len(ratings))
    return pd.DataFrame(
        {
            "category": "technical",
            "question": [f"Technical {i}" for i in range(len(ratings))],
            "my_answer": None,
            "better_answer": None,
            "rating": pd.array(ratings, dtype="Int64"),
            "company": "Acme",
            "occurred_on": days,
        }
    )


def test_the_weakest_category_comes_first_and_unrated_ones_last():
    rated = pd.concat([_questions(), _more_technical([3, 3, 3, 3])], ignore_index=True)  # technical: 6
    summary = category_summary(rated)
    assert summary["category"].tolist() == ["technical", "behavioural", "salary", "uncategorised"]
    assert summary["average_rating"].iloc[0] == 3.0 and summary["rated"].iloc[0] == 6
    assert summary["asked"].tolist() == [6, 1, 1, 1]


def test_a_category_averages_each_questions_latest_rating():
    """The prep sheet showed "salary" 5 / 5 (its latest) while the category said 2.9 (every asking)."""
    again = _more_technical([5, 5, 5, 5, 5])
    again["question"] = ["p-value", "SQL window", "Technical 2", "Technical 3", "Technical 4"]
    summary = category_summary(pd.concat([_questions(), again], ignore_index=True)).set_index("category")
    assert summary.loc["technical", ["asked", "rated"]].tolist() == [7, 5]  # asked 7 times, 5 questions
    assert summary.loc["technical", "average_rating"] == 5.0  # p-value's 2 was answered well since


def test_a_category_with_fewer_than_five_rated_answers_gets_no_average():
    """One answer rated 1 read as "1.0 / 5", the weakest category: a bad day, not a weak spot."""
    summary = category_summary(_questions()).set_index("category")
    assert summary["average_rating"].isna().all()
    assert summary.loc["technical", ["asked", "rated"]].tolist() == [2, 2]
    assert summary.index.tolist() == ["technical", "behavioural", "salary", "uncategorised"]  # most asked


def test_questions_are_ordered_by_category_weakness_then_rating():
    _, table, matching = library_view(_questions(), LibraryFilter())
    assert matching == 5  # no category has five rated answers: each question by its own rating
    assert table["question"].tolist()[:3] == ["p-value", "Conflict story", "SQL window"]
    weak_technical = pd.concat([_questions(), _more_technical([2, 2, 2])], ignore_index=True)
    _, table, _ = library_view(weak_technical, LibraryFilter())  # technical: 5 rated, averaging 2.4
    assert table["question"].tolist()[:5] == [
        "Technical 2",
        "Technical 1",
        "Technical 0",
        "p-value",
        "SQL window",
    ]


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
    # a stand-in day (an email or an import gave no day applied) is said as the latest it can be
    stand_in = application_choices(log.assign(applied_known=[False, True, True]))
    assert stand_in[1] == "Acme — Analyst (applied by 01 Jan 2026)"
    assert stand_in[3] == "Gamma — Analyst (applied 01 Mar 2026)"


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
