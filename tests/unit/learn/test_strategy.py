"""The strategy review: its bank, when the next one is due, two reviews side by side, the reminder."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.follow_up import next_actions
from lib.learn.strategy import compare_answers, compare_targets, review_due
from lib.learn.strategy_bank import STRATEGY
from lib.reflect import questionnaires

TODAY = dt.date(2025, 6, 4)


def test_the_strategy_bank_uses_known_kinds_and_unique_ids_in_its_sections():
    ids = [q.id for q in STRATEGY.questions]
    assert len(ids) == len(set(ids))
    assert {q.kind for q in STRATEGY.questions} <= set(questionnaires.KINDS)
    assert {q.section for q in STRATEGY.questions} == {name for name, _ in STRATEGY.sections}


def test_the_review_asks_the_questions_of_the_practice():
    prompts = " ".join(q.prompt for q in STRATEGY.questions)
    for words in ("really want", "on track", "most traction", "most comfortable", "change", "add", "drop"):
        assert words in prompts


def test_a_review_needs_what_i_want_and_what_i_change():
    clean, errors = questionnaires.validate(STRATEGY, {"what_i_want": "  ", "on_track": "behind-ish"})
    assert clean == {}
    assert errors["what_i_want"] == "is required" and errors["change"] == "is required"
    assert errors["on_track"] == "is not one of the choices"


def test_the_next_review_is_due_two_weeks_after_the_last_one():
    assert review_due(None, TODAY) == TODAY
    assert review_due(dt.datetime(2025, 5, 30, 21, 15), TODAY) == dt.date(2025, 6, 13)
    assert review_due(dt.date(2025, 5, 1), TODAY) == dt.date(2025, 5, 15)  # overdue: a past date


def test_two_reviews_are_compared_question_by_question_in_bank_order():
    earlier = questionnaires.to_stored(
        STRATEGY, {"what_i_want": "Analytics in health", "confidence": 3, "roles": ["Data Analyst"]}
    )
    later = questionnaires.to_stored(
        STRATEGY, {"what_i_want": "Analytics in health", "confidence": 4, "change": "Two referrals a week"}
    )
    later["_numbers"] = {"on_track": "On track"}  # the numbers kept with a review are not answers
    frame = compare_answers(earlier, later)
    assert frame["key"].tolist() == ["what_i_want", "roles", "change", "confidence"]
    rows = frame.set_index("key")
    assert rows.loc["what_i_want", ["earlier", "later", "changed"]].tolist() == [
        "Analytics in health",
        "Analytics in health",
        False,
    ]
    assert rows.loc["confidence", ["earlier", "later"]].tolist() == ["3 / 5", "4 / 5"]
    assert rows.loc["change", ["earlier", "later", "changed"]].tolist() == ["—", "Two referrals a week", True]
    assert rows.loc["roles", "later"] == "—"


def test_target_lists_are_compared_as_added_dropped_raised_lowered_or_same():
    earlier = [
        {"company": "Acme", "priority": 2, "reason": "ok"},
        {"company": "Bolt", "priority": 1, "reason": None},
        {"company": "Cog", "priority": 3, "reason": None},
        {"company": "Dot", "priority": 2, "reason": None},
    ]
    later = [
        {"company": "Acme", "priority": 1, "reason": "Reached the final"},
        {"company": "Bolt", "priority": 3, "reason": None},
        {"company": "Dot", "priority": 2, "reason": None},
        {"company": "Echo", "priority": 2, "reason": "New"},
    ]
    frame = compare_targets(earlier, later).set_index("company")
    assert frame["change"].to_dict() == {
        "Acme": "raised",
        "Bolt": "lowered",
        "Cog": "dropped",
        "Dot": "same",
        "Echo": "added",
    }
    assert frame.loc["Acme", ["earlier", "later", "reason"]].tolist() == [
        "Medium",
        "High",
        "Reached the final",
    ]
    assert frame.loc["Cog", "later"] == "—"


def _facts(last_review_at, applications=3):
    return {
        "strategy_reviews": pd.DataFrame({"last_review_at": [last_review_at], "applications": [applications]})
    }


def test_a_strategy_review_becomes_a_next_action_two_weeks_after_the_last():
    assert next_actions.strategy_review_due(_facts(pd.Timestamp("2025-05-25 10:00")), TODAY) == []
    due = next_actions.strategy_review_due(_facts(pd.Timestamp("2025-05-20 10:00")), TODAY)
    assert [(a.kind, a.due_on, a.rule_key) for a in due] == [
        ("review", dt.date(2025, 6, 3), "strategy-review:2025-06-03")
    ]
    assert due[0].title == "Review your strategy"


def test_the_first_strategy_review_is_due_once_there_are_applications():
    assert next_actions.strategy_review_due(_facts(None, applications=0), TODAY) == []
    first = next_actions.strategy_review_due(_facts(None), TODAY)
    assert first[0].due_on == TODAY and "haven't done one yet" in first[0].detail


def test_only_edited_targets_change_and_a_company_taken_off_loses_its_reason():
    import pandas as pd

    from lib.learn.strategy import target_changes

    before = pd.DataFrame(
        {
            "name": ["Acme", "Globex", "Initech"],
            "priority": ["High", "Low", "Medium"],
            "target_reason": ["", "x", "y"],
        }
    )
    after = before.copy()
    after.loc[0, "target_reason"] = "great team"
    after.loc[1, "priority"] = "Not a target"
    changes = target_changes(before, after, {"High": 1, "Medium": 2, "Low": 3, "Not a target": None})
    assert [(c.company, c.target_priority, c.target_reason) for c in changes] == [
        ("Acme", 1, "great team"),
        ("Globex", None, None),
    ]
    # a reason typed while taking a company off goes on (the store refuses it, and says why)
    after.loc[2, ["priority", "target_reason"]] = ["Not a target", "went with a rival"]
    changes = target_changes(before, after, {"High": 1, "Medium": 2, "Low": 3, "Not a target": None})
    assert ("Initech", None, "went with a rival") in [
        (c.company, c.target_priority, c.target_reason) for c in changes
    ]
