"""Practice cards (fsrs state per weak question), their reviews, and the practices' small settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.core import db
from lib.core.models import not_far_ahead
from lib.core.text import fold
from lib.reflect import practice
from lib.store.base import StoreError, read_frame

K, R, S = db.practice_cards, db.practice_reviews, db.practice_settings
Q, I, A, C = db.interview_questions, db.interviews, db.applications, db.companies
INTERVIEW_KEY = "next_interview_on"


def sync_cards(engine: Engine, now: dt.datetime | None = None) -> int:
    """One card per distinct question (the same question asked at several interviews is one card,
    tied to its latest weak asking) once it was rated WEAK_AT or lower; cards whose question was
    deleted go. Returns how many cards were added; writes only when something changes."""
    now = now or practice.utcnow()
    with engine.connect() as connection:
        weak = connection.execute(
            sa.select(Q.c.id, Q.c.question)
            .join(I, I.c.id == Q.c.interview_id)
            .where(Q.c.rating.is_not(None), Q.c.rating <= practice.WEAK_AT)
            .order_by(I.c.occurred_on, Q.c.id)
        ).all()
        carded = (
            connection.execute(sa.select(Q.c.question).join(K, K.c.question_id == Q.c.id)).scalars().all()
        )
        orphans = connection.execute(sa.select(sa.func.count()).where(K.c.question_id.is_(None))).scalar()
    have = {fold(text) for text in carded}
    latest: dict[str, int] = {}
    for row in weak:  # oldest first: the last one per text wins
        if fold(row.question) not in have:
            latest[fold(row.question)] = row.id
    if not latest and not orphans:
        return 0
    with db.transaction(engine) as connection:
        orphans_of = sa.select(K.c.id).where(K.c.question_id.is_(None))  # with their grades
        connection.execute(sa.delete(R).where(R.c.card_id.in_(orphans_of)))
        connection.execute(sa.delete(K).where(K.c.question_id.is_(None)))
        for question_id in latest.values():
            card_id = connection.execute(
                sa.insert(K).values(question_id=question_id, state={}, due=now, created_at=now)
            ).inserted_primary_key[0]
            connection.execute(
                sa.update(K).where(K.c.id == card_id).values(state=practice.new_state(card_id, now))
            )
    return len(latest)


def load_cards(engine: Engine) -> pd.DataFrame:
    """Every card with its question (NULL when the question was deleted), rating, answers, company,
    when it was last graded (NaT: never) and `latest_rating`: the rating of the question's latest
    rated asking (the same words, any interview), which says whether it is still weak."""
    cards = read_frame(
        engine,
        sa.select(
            K.c.id,
            K.c.question_id,
            K.c.due,
            K.c.reps,
            Q.c.question,
            Q.c.category,
            Q.c.rating,
            Q.c.my_answer,
            Q.c.better_answer,
            Q.c.interview_id,
            C.c.name.label("company"),
            sa.select(sa.func.max(R.c.reviewed_at))
            .where(R.c.card_id == K.c.id)
            .scalar_subquery()
            .label("last_review"),
        )
        .outerjoin(Q, Q.c.id == K.c.question_id)
        .outerjoin(I, I.c.id == Q.c.interview_id)
        .outerjoin(A, A.c.id == I.c.application_id)
        .outerjoin(C, C.c.id == A.c.company_id)
        .order_by(K.c.due, K.c.id),
        parse_dates=["due", "last_review"],
    )
    latest = _latest_ratings(engine)
    cards["latest_rating"] = [latest.get(fold(q)) if isinstance(q, str) else None for q in cards["question"]]
    return cards


def _latest_ratings(engine: Engine) -> dict[str, int]:
    """Per question (its words folded): the rating of its latest rated asking."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(Q.c.question, Q.c.rating)
            .join(I, I.c.id == Q.c.interview_id)
            .where(Q.c.rating.is_not(None))
            .order_by(I.c.occurred_on, Q.c.id)
        ).all()
    return {fold(row.question): int(row.rating) for row in rows}  # oldest first: the last one wins


def grade(
    engine: Engine, card_id: int, rating: int, reps: int, now: dt.datetime | None = None
) -> dt.datetime | None:
    """Grade a card seen with `reps` earlier reviews; returns its next due (naive UTC). A second
    grade of the same sighting (a double click) changes nothing and returns None, as does a card
    that is gone (its question deleted meanwhile)."""
    now = now or practice.utcnow()
    with db.transaction(engine) as connection:
        row = connection.execute(sa.select(K.c.state, K.c.reps).where(K.c.id == card_id)).first()
        if row is None or row.reps != reps:
            return None
        state, due = practice.review(row.state, rating, now)
        connection.execute(
            sa.update(K).where(K.c.id == card_id).values(state=state, due=due, reps=row.reps + 1)
        )
        connection.execute(sa.insert(R).values(card_id=card_id, rating=rating, reviewed_at=dt.datetime.now()))
    return due


def get_setting(engine: Engine, key: str) -> Any:
    with engine.connect() as connection:
        return connection.execute(sa.select(S.c.value).where(S.c.key == key)).scalar()


def set_setting(engine: Engine, key: str, value: Any) -> None:
    with db.transaction(engine) as connection:
        updated = connection.execute(sa.update(S).where(S.c.key == key).values(value=value))
        if updated.rowcount == 0:
            connection.execute(sa.insert(S).values(key=key, value=value))


def next_interview(engine: Engine, today: dt.date) -> dt.date | None:
    """The next interview's day as the person set it (ignored once past)."""
    value = get_setting(engine, INTERVIEW_KEY)
    try:
        day = dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
    return day if day and day >= today else None


def set_next_interview(engine: Engine, day: dt.date | None) -> None:
    if day is not None and day < dt.date.today():  # it would be forgotten at once (`next_interview`)
        raise StoreError("That day has passed: pick today or a day ahead.", field="day")
    try:
        not_far_ahead(day)  # the one rule for planned days (check-ins, a pause's end)
    except ValueError:
        raise StoreError("That day is more than a year ahead: check the year.", field="day") from None
    set_setting(engine, INTERVIEW_KEY, day.isoformat() if day else None)
