"""Weekly plans, the search self-check, setback notes, and what the practice rules read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.core import db, vocab
from lib.learn.plan import AREAS, PlanIn
from lib.store.base import StoreError, read_frame
from lib.store.settings import get_setting

P, K, SN = db.weekly_plans, db.search_checks, db.setback_notes
A, C, E = db.applications, db.companies, db.stage_events
SAME_SAVE = dt.timedelta(minutes=2)  # an identical save this soon after is the same click twice

PLAN_FIELDS = ("week_start", "applications", "companies", "role_families", "channels", "slots", "if_then")


def _latest_review_id(connection) -> int | None:
    return connection.execute(sa.select(sa.func.max(db.strategy_reviews.c.id))).scalar()


def save_plan(engine: Engine, plan: PlanIn) -> int:
    """Save a plan (tied to the latest strategy review, if any); saving the same plan twice within
    two minutes saves it once."""
    values = plan.model_dump(mode="json")
    values["week_start"] = plan.week_start
    now = dt.datetime.now()
    with db.transaction(engine) as connection:
        last = connection.execute(sa.select(P).order_by(P.c.id.desc()).limit(1)).first()
        same = last is not None and all(getattr(last, f) == values[f] for f in PLAN_FIELDS)
        if same and now - last.created_at < SAME_SAVE:
            return int(last.id)
        return connection.execute(
            sa.insert(P).values(review_id=_latest_review_id(connection), created_at=now, **values)
        ).inserted_primary_key[0]


def load_plans(engine: Engine) -> pd.DataFrame:
    """Every plan (id, week_start, applications, companies, role_families, channels, slots, if_then,
    created_at), oldest first."""
    return read_frame(engine, sa.select(P).order_by(P.c.week_start, P.c.created_at, P.c.id))


def save_check(engine: Engine, scores: dict[str, int | None]) -> int:
    """Save a self-check (1-5 per area; at least one). The same scores again within two minutes
    save once."""
    values = {area: scores.get(area) for area, _ in AREAS}
    if all(v is None for v in values.values()):
        raise StoreError("Rate at least one of the four areas.", field="form")
    for area, value in values.items():
        if value is not None and not 1 <= int(value) <= 5:
            raise StoreError("must be from 1 to 5", field=area)
    now = dt.datetime.now()
    with db.transaction(engine) as connection:
        last = connection.execute(sa.select(K).order_by(K.c.id.desc()).limit(1)).first()
        if (
            last is not None
            and now - last.created_at < SAME_SAVE
            and all(getattr(last, a) == v for a, v in values.items())
        ):
            return int(last.id)
        return connection.execute(
            sa.insert(K).values(review_id=_latest_review_id(connection), created_at=now, **values)
        ).inserted_primary_key[0]


def load_checks(engine: Engine) -> pd.DataFrame:
    return read_frame(engine, sa.select(K).order_by(K.c.created_at, K.c.id), parse_dates=["created_at"])


def week_activity(engine: Engine, since: dt.date) -> dict[str, pd.Series]:
    """Dates of applications, follow-up notes sent and questions practised (each once, at its
    latest grade) from `since` on."""
    with engine.connect() as connection:
        # a stand-in day applied (an import with none) says "by then", not "sent this week"
        applied = (
            connection.execute(sa.select(A.c.applied_on).where(A.c.applied_on >= since, A.c.applied_known))
            .scalars()
            .all()
        )
        sent = (
            connection.execute(
                sa.select(db.follow_up_notes.c.sent_on).where(db.follow_up_notes.c.sent_on >= since)
            )
            .scalars()
            .all()
        )
        R = db.practice_reviews
        # one time per question (its latest grade): "19 questions practised" counted 9 cards' grades
        practised = (
            connection.execute(
                sa.select(sa.func.max(R.c.reviewed_at))
                .where(R.c.reviewed_at >= dt.datetime.combine(since, dt.time()), R.c.card_id.is_not(None))
                .group_by(R.c.card_id)
            )
            .scalars()
            .all()
        )
    return {
        "applied_on": pd.Series(applied, dtype=object),
        "notes_sent_on": pd.Series(sent, dtype=object),
        "practised_at": pd.Series(practised, dtype=object),
    }


# --- setback notes -----------------------------------------------------------------------------


def save_setback(engine: Engine, application_id: int, text: str) -> None:
    """Write (or rewrite) the "if it's a no, I will …" note of an application."""
    text = (text or "").strip()
    if not text:
        raise StoreError("Write a few words, or leave it: it's optional.", field="text")
    if len(text) > 2_000:
        raise StoreError(f"Keep it under 2,000 characters: this is {len(text):,}.", field="text")
    now = dt.datetime.now()
    with db.transaction(engine) as connection:
        updated = connection.execute(
            sa.update(SN).where(SN.c.application_id == application_id).values(text=text, updated_at=now)
        )
        if updated.rowcount == 0:
            connection.execute(sa.insert(SN).values(application_id=application_id, text=text, created_at=now))


def get_setback(engine: Engine, application_id: int) -> str | None:
    with engine.connect() as connection:
        return connection.execute(sa.select(SN.c.text).where(SN.c.application_id == application_id)).scalar()


# --- what the practice rules read (lib.follow_up.practice_rules) --------------------------------

_ENDED = (*vocab.OUTCOMES, "accepted")


def action_facts(engine: Engine, since: dt.date) -> dict[str, pd.DataFrame]:
    """ "plan": the newest plan; "coasting": the last application date and how many interview
    processes run (open, with an interview or final round fewer days ago than the log counts as
    ghosted: one counted both ways read "running — well done" beside "Ghosted"); "finals": open
    applications with a final round since `since` and no setback note yet."""
    recent = dt.date.today() - dt.timedelta(days=get_setting(engine, "ghost_days"))
    with engine.connect() as connection:
        ended_ids = sa.select(E.c.application_id).where(E.c.kind.in_(_ENDED))
        running = connection.execute(
            sa.select(sa.func.count(sa.distinct(E.c.application_id))).where(
                E.c.kind.in_(("interview", "final")),
                E.c.occurred_on > recent,
                E.c.application_id.not_in(ended_ids),
            )
        ).scalar()
        # a stand-in day applied (an imported "no" with no date applied) is the day the answer
        # came, not a new application: it would hide the nudge for a week
        last_applied = connection.execute(
            sa.select(sa.func.max(A.c.applied_on)).where(A.c.applied_known)
        ).scalar()
    later = E.alias("later")
    ended = sa.select(later.c.id).where(later.c.application_id == A.c.id, later.c.kind.in_(_ENDED)).exists()
    return {
        "plan": read_frame(engine, sa.select(P).order_by(P.c.week_start.desc(), P.c.id.desc()).limit(1)),
        "coasting": pd.DataFrame([{"last_applied_on": last_applied, "running": int(running or 0)}]),
        "finals": read_frame(
            engine,
            sa.select(
                E.c.application_id, sa.func.max(E.c.occurred_on).label("final_on"), C.c.name.label("company")
            )
            .join(A, A.c.id == E.c.application_id)
            .join(C, C.c.id == A.c.company_id)
            .where(E.c.kind == "final", E.c.occurred_on >= since, ~ended)
            .where(~sa.select(SN.c.id).where(SN.c.application_id == A.c.id).exists())
            .group_by(E.c.application_id, C.c.name),
        ),
    }


def latest_plan(engine: Engine) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(P).order_by(P.c.week_start.desc(), P.c.id.desc()).limit(1)).first()
    return dict(row._mapping) if row else None
