"""Strategy reviews saved as snapshots; the target list edited in place."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from pydantic import ValidationError

from lib.core import db
from lib.core.models import StrategyReviewIn, TargetIn
from lib.store import next_actions as action_store
from lib.store import strategy as store
from lib.store.base import StoreError


def test_targets_are_added_changed_and_dropped_in_one_save(engine):
    store.set_targets(
        engine,
        [
            TargetIn(company="Acme Robotics", target_priority=1, target_reason="Robots"),
            TargetIn(company="Lumen", target_priority=3),
        ],
    )
    before = db.revision(engine)
    changed = store.set_targets(
        engine,
        [
            TargetIn(company="ACME robotics ", target_priority=2, target_reason="Robots"),
            TargetIn(company="Lumen", target_priority=None),
            TargetIn(company="Quantix", target_priority=1, target_reason="Friends there"),
        ],
    )
    assert changed == 3 and db.revision(engine) > before
    targets = store.load_targets(engine)
    assert targets[["name", "target_priority", "target_reason"]].values.tolist() == [
        ["Quantix", 1, "Friends there"],
        ["Acme Robotics", 2, "Robots"],
    ]


def test_saving_an_unchanged_target_changes_nothing(engine):
    store.set_target(engine, TargetIn(company="Acme", target_priority=1))
    assert store.set_targets(engine, [TargetIn(company="Acme", target_priority=1)]) == 0


def test_a_reason_without_a_priority_is_refused_and_nothing_is_saved(engine):
    store.set_target(engine, TargetIn(company="Acme", target_priority=1))
    with pytest.raises(StoreError) as err:
        store.set_targets(
            engine,
            [TargetIn(company="Acme", target_priority=3), TargetIn(company="Bolt", target_reason="Why not")],
        )
    assert err.value.field == "target_priority"
    assert store.load_targets(engine)["target_priority"].tolist() == [1]


def test_a_priority_outside_high_medium_low_is_refused():
    with pytest.raises(ValidationError):
        TargetIn(company="Acme", target_priority=4)


def test_a_review_is_saved_with_a_snapshot_of_the_target_list(engine):
    store.set_target(engine, TargetIn(company="Acme", target_priority=1, target_reason="Robots"))
    first = store.save_review(
        engine,
        StrategyReviewIn(answers={"what_i_want": "Analytics"}, weekly_goal=5),
        numbers={"on_track": "On track: 5.0 a week"},
    )
    store.set_target(engine, TargetIn(company="Acme", target_priority=3, target_reason="Slow"))
    second = store.save_review(
        engine, StrategyReviewIn(answers={"what_i_want": "Product analytics"}, weekly_goal=3)
    )
    old, new = store.get_review(engine, first), store.get_review(engine, second)
    assert old["targets"] == [{"company": "Acme", "priority": 1, "reason": "Robots"}]
    assert new["targets"] == [{"company": "Acme", "priority": 3, "reason": "Slow"}]
    assert old["answers"] == {
        "what_i_want": "Analytics",
        store.CONTEXT_KEY: {"on_track": "On track: 5.0 a week"},
    }
    assert old["weekly_goal"] == 5 and new["weekly_goal"] == 3
    reviews = store.load_reviews(engine)
    assert reviews["id"].tolist() == [second, first]  # newest first
    assert store.last_review_at(engine) == new["created_at"]


def test_a_weekly_goal_above_a_hundred_is_refused():
    with pytest.raises(ValidationError):
        StrategyReviewIn(answers={}, weekly_goal=500)


def test_no_review_yet_means_no_last_review(engine):
    assert store.last_review_at(engine) is None
    assert store.load_reviews(engine).empty


def test_the_next_action_facts_carry_the_last_review_and_the_application_count(engine):
    store.save_review(engine, StrategyReviewIn(answers={}))
    facts = action_store.load_facts(engine, dt.date.today() - dt.timedelta(days=60))["strategy_reviews"]
    assert facts["applications"].tolist() == [0]
    assert pd.Timestamp(facts["last_review_at"].iloc[0]).date() == dt.date.today()


def test_deleting_a_review_keeps_the_others(engine):
    keep = store.save_review(engine, StrategyReviewIn(answers={}))
    gone = store.save_review(engine, StrategyReviewIn(answers={}))
    store.delete_review(engine, gone)
    assert store.load_reviews(engine)["id"].tolist() == [keep]


def test_a_review_and_its_weekly_goal_are_saved_together(engine):
    from lib.core.models import StrategyReviewIn
    from lib.store.settings import get_setting

    store.save_review(engine, StrategyReviewIn(answers={}, weekly_goal=9, bank_version=1))
    assert get_setting(engine, "weekly_goal") == 9
    assert store.load_reviews(engine)["weekly_goal"].tolist() == [9]
