"""The strategy review's logic: when the next one is due, and two saved reviews side by side."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from lib.core.models import TargetIn
from lib.learn.strategy_bank import STRATEGY
from lib.reflect import questionnaires

REVIEW_EVERY_DAYS = 14
PRIORITY_LABELS = {1: "High", 2: "Medium", 3: "Low"}


def review_due(last_review_at: dt.date | dt.datetime | None, today: dt.date) -> dt.date:
    """The day the next review is due: two weeks after the last one; today if there was none."""
    if last_review_at is None:
        return today
    if isinstance(last_review_at, dt.datetime):
        last_review_at = last_review_at.date()
    return last_review_at + dt.timedelta(days=REVIEW_EVERY_DAYS)


def priority_label(priority: Any) -> str:
    try:
        return PRIORITY_LABELS.get(int(priority), "—")
    except (TypeError, ValueError):
        return "—"


def compare_answers(earlier: dict[str, Any] | None, later: dict[str, Any] | None) -> pd.DataFrame:
    """One row per question answered in either review: section, prompt, earlier, later, changed."""
    lines = {}
    for side, stored in (("earlier", earlier), ("later", later)):
        for line in questionnaires.answer_lines(STRATEGY, _without_context(stored)):
            row = lines.setdefault(
                line.key, {"section": line.section, "question": line.prompt, "earlier": "—", "later": "—"}
            )
            row[side] = line.text
    order = {key: i for i, key in enumerate(STRATEGY.field_ids())}
    frame = pd.DataFrame(
        [
            {"key": key, **row}
            for key, row in sorted(lines.items(), key=lambda kv: order.get(kv[0], len(order)))
        ],
        columns=["key", "section", "question", "earlier", "later"],
    )
    frame["changed"] = frame["earlier"] != frame["later"]
    return frame


def _without_context(stored: dict[str, Any] | None) -> dict[str, Any]:
    return {
        k: v for k, v in (stored or {}).items() if not (k.startswith("_") and k != questionnaires.PROMPTS_KEY)
    }


def compare_targets(earlier: list[dict] | None, later: list[dict] | None) -> pd.DataFrame:
    """The target lists of two reviews side by side: added, dropped, raised, lowered or same."""
    before = {t["company"]: t for t in earlier or []}
    after = {t["company"]: t for t in later or []}
    rows = []
    for company in sorted(before.keys() | after.keys(), key=str.casefold):
        a, b = before.get(company), after.get(company)
        if a is None:
            change = "added"
        elif b is None:
            change = "dropped"
        elif b["priority"] < a["priority"]:
            change = "raised"
        elif b["priority"] > a["priority"]:
            change = "lowered"
        else:
            change = "same"
        rows.append(
            {
                "company": company,
                "earlier": priority_label(a["priority"]) if a else "—",
                "later": priority_label(b["priority"]) if b else "—",
                "change": change,
                "reason": (b or a).get("reason") or "",
            }
        )
    return pd.DataFrame(rows, columns=["company", "earlier", "later", "change", "reason"])


def target_changes(
    before: pd.DataFrame, after: pd.DataFrame, priority_of: dict[str, int | None]
) -> list[TargetIn]:
    """The rows of an edited target list (name, priority label, target_reason) that changed, as
    validated targets; a company taken off the list ("Not a target": priority None) loses the reason
    it had, while a reason typed as it is taken off goes on, for the store to refuse and say so
    (it was dropped without a word)."""
    changes = []
    for old, new in zip(before.itertuples(), after.itertuples()):
        if (old.priority, old.target_reason) != (new.priority, new.target_reason or ""):
            priority = priority_of.get(new.priority)
            typed = (new.target_reason or "") != (old.target_reason or "")
            reason = (new.target_reason or None) if priority or typed else None
            changes.append(TargetIn(company=old.name, target_priority=priority, target_reason=reason))
    return changes
