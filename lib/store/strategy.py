"""Strategy reviews (saved as snapshots) and the target list (companies.target_priority / reason)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db
from lib.core.models import StrategyReviewIn, TargetIn
from lib.store.applications import company_id_for
from lib.store.base import StoreError, read_frame
from lib.store.settings import check_setting, write_setting

C, S = db.companies, db.strategy_reviews
CONTEXT_KEY = "_numbers"  # inside a review's answers: the on-track numbers as they stood


# --- the target list -------------------------------------------------------------------------


def load_targets(engine: Engine) -> pd.DataFrame:
    """Target companies (id, name, target_priority, target_reason), high priority first."""
    return read_frame(
        engine,
        sa.select(C.c.id, C.c.name, C.c.target_priority, C.c.target_reason)
        .where(C.c.target_priority.is_not(None))
        .order_by(C.c.target_priority, C.c.name_key),
    )


def _targets_snapshot(connection: Connection) -> list[dict[str, Any]]:
    rows = connection.execute(
        sa.select(C.c.name, C.c.target_priority, C.c.target_reason)
        .where(C.c.target_priority.is_not(None))
        .order_by(C.c.target_priority, C.c.name_key)
    ).all()
    return [{"company": r.name, "priority": r.target_priority, "reason": r.target_reason} for r in rows]


def set_targets(engine: Engine, targets: list[TargetIn]) -> int:
    """Save priorities and reasons in one transaction (a company is added when new; no priority
    takes it off the list). Returns how many companies changed."""
    changed = 0
    with db.transaction(engine) as connection:
        for target in targets:
            company_id = company_id_for(connection, target.company)
            if target.target_priority is None and target.target_reason:
                raise StoreError(
                    f"{target.company}: give a priority, or clear the reason to drop it.",
                    field="target_priority",
                )
            current = connection.execute(
                sa.select(C.c.target_priority, C.c.target_reason).where(C.c.id == company_id)
            ).one()
            wanted = (target.target_priority, target.target_reason)
            if tuple(current) != wanted:
                connection.execute(
                    sa.update(C)
                    .where(C.c.id == company_id)
                    .values(target_priority=target.target_priority, target_reason=target.target_reason)
                )
                changed += 1
    return changed


def set_target(engine: Engine, target: TargetIn) -> None:
    set_targets(engine, [target])


# --- strategy reviews ------------------------------------------------------------------------


def save_review(engine: Engine, review: StrategyReviewIn, numbers: dict[str, Any] | None = None) -> int:
    """Save a review with a snapshot of the target list (and the on-track numbers) as they are now;
    its weekly goal becomes the goal from now on — one transaction."""
    answers = dict(review.answers)
    if numbers:
        answers[CONTEXT_KEY] = numbers
    if review.weekly_goal is not None:
        check_setting("weekly_goal", review.weekly_goal)
    with db.transaction(engine) as connection:
        if review.weekly_goal is not None:
            write_setting(connection, "weekly_goal", review.weekly_goal)
        return connection.execute(
            sa.insert(S).values(
                bank_version=review.bank_version,
                answers=answers,
                weekly_goal=review.weekly_goal,
                targets=_targets_snapshot(connection),
                created_at=dt.datetime.now(),
            )
        ).inserted_primary_key[0]


def load_reviews(engine: Engine) -> pd.DataFrame:
    """Saved reviews (id, created_at, weekly_goal), newest first; no answers."""
    return read_frame(
        engine,
        sa.select(S.c.id, S.c.created_at, S.c.weekly_goal).order_by(S.c.created_at.desc(), S.c.id.desc()),
        parse_dates=["created_at"],
    )


def get_review(engine: Engine, review_id: int) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(S).where(S.c.id == review_id)).first()
    return dict(row._mapping) if row else None


def last_review_at(engine: Engine) -> dt.datetime | None:
    with engine.connect() as connection:
        return connection.execute(sa.select(sa.func.max(S.c.created_at))).scalar()


def delete_review(engine: Engine, review_id: int) -> None:
    with db.transaction(engine) as connection:
        connection.execute(sa.delete(S).where(S.c.id == review_id))
