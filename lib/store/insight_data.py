"""Reads for the insights: the few columns each insight joins, in one pass over the database."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.core import db
from lib.learn import traction
from lib.store import applications as app_store
from lib.store.base import read_frame


def load_reflections(engine: Engine, bank: str = "rejection") -> pd.DataFrame:
    R = db.reflections
    return read_frame(
        engine,
        sa.select(R.c.id, R.c.application_id, R.c.answers, R.c.pause_until, R.c.created_at)
        .where(R.c.bank == bank)
        .order_by(R.c.created_at, R.c.id),
        parse_dates=["pause_until", "created_at"],
    )


def load_interviews(engine: Engine) -> pd.DataFrame:
    i = db.interviews
    return read_frame(
        engine,
        sa.select(i.c.id, i.c.application_id, i.c.round_type, i.c.format, i.c.comfort, i.c.occurred_on),
    )


def load_questions(engine: Engine) -> pd.DataFrame:
    q = db.interview_questions
    return read_frame(
        engine, sa.select(q.c.interview_id, q.c.category, q.c.question, q.c.rating, q.c.better_answer)
    )


def load_feedback(engine: Engine) -> pd.DataFrame:
    f = db.feedback
    return read_frame(
        engine, sa.select(f.c.application_id, f.c.received_on, f.c.themes), parse_dates=["received_on"]
    )


def load_moods(engine: Engine) -> pd.DataFrame:
    m = db.mood_checkins
    return read_frame(engine, sa.select(m.c.recorded_at, m.c.score), parse_dates=["recorded_at"])


def load_contacts(engine: Engine) -> pd.DataFrame:
    c = db.contacts
    return read_frame(engine, sa.select(c.c.id, c.c.company_id, c.c.name, c.c.role))


def load_companies(engine: Engine) -> pd.DataFrame:
    c = db.companies
    return read_frame(
        engine, sa.select(c.c.id, c.c.name, c.c.target_priority, c.c.target_reason).order_by(c.c.name_key)
    )


def load_tables(engine: Engine) -> dict[str, pd.DataFrame]:
    """The tables the insights join to the log (reflections, interviews, questions, ...)."""
    return {
        "reflections": load_reflections(engine),
        "interviews": load_interviews(engine),
        "questions": load_questions(engine),
        "feedback": load_feedback(engine),
        "moods": load_moods(engine),
        "contacts": load_contacts(engine),
        "companies": load_companies(engine),
    }


def load(engine: Engine) -> dict[str, pd.DataFrame]:
    """Everything lib.insights.all_insights needs: the log with status, its events and the tables."""
    events = app_store.load_events(engine)
    log = traction.with_status(app_store.load_applications(engine), events)
    return {"log": log, "events": events, **load_tables(engine)}
