"""Private writing sessions: stored as written, read back only to the person; never analysed."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.core import db
from lib.reflect import writing
from lib.store.base import StoreError, read_frame

W = db.writing_sessions
OFFER_KEY = "writing_offer"  # in practice_settings: "accepted" or "declined" once answered


def load_sessions(engine: Engine) -> pd.DataFrame:
    """Every session (id, number, text, words, started_at, finished_at, updated_at), in order."""
    return read_frame(
        engine, sa.select(W).order_by(W.c.number, W.c.id), parse_dates=["started_at", "finished_at"]
    )


def _check(text: str) -> str:
    text = text or ""
    if len(text) > writing.MAX_TEXT:
        raise StoreError(
            f"This is longer than {writing.MAX_TEXT:,} characters; nothing past that can be kept.", "text"
        )
    return text


def start_session(engine: Engine, number: int, application_id: int | None = None) -> int:
    """Open session `number` (or return the one already open with that number)."""
    if not 1 <= number <= writing.SESSIONS:
        raise StoreError(f"There are {writing.SESSIONS} sessions.", "form")
    with db.transaction(engine) as connection:
        existing = connection.execute(sa.select(W.c.id).where(W.c.number == number)).scalar()
        if existing is not None:
            return int(existing)
        now = dt.datetime.now()
        return connection.execute(
            sa.insert(W).values(
                number=number, text="", words=0, started_at=now, updated_at=now, application_id=application_id
            )
        ).inserted_primary_key[0]


def save_draft(engine: Engine, session_id: int, text: str) -> None:
    """Keep what is written so far (a session left mid-way stays a draft)."""
    text = _check(text)
    with db.transaction(engine) as connection:
        connection.execute(
            sa.update(W)
            .where(W.c.id == session_id)
            .values(text=text, words=writing.word_count(text), updated_at=dt.datetime.now())
        )


def finish(engine: Engine, session_id: int, text: str) -> bool:
    """Finish a session with its final text; finishing it again changes nothing (returns False).
    An empty one is refused: it would use up one of the sessions and say "you wrote today"."""
    text = _check(text)
    if not text.strip():
        raise StoreError(
            "Nothing is written yet, so there is nothing to keep. Write a few lines first, or leave "
            "it for now: the session waits for you.",
            "text",
        )
    now = dt.datetime.now()
    with db.transaction(engine) as connection:
        updated = connection.execute(
            sa.update(W)
            .where(W.c.id == session_id, W.c.finished_at.is_(None))
            .values(text=text, words=writing.word_count(text), updated_at=now, finished_at=now)
        )
    return updated.rowcount == 1


def other_rejections(engine: Engine, application_id: int) -> int:
    """How many rejections were reflected on for other applications (the offer is for the first no)."""
    R = db.reflections
    with engine.connect() as connection:
        return connection.execute(
            sa.select(sa.func.count()).where(R.c.bank == "rejection", R.c.application_id != application_id)
        ).scalar()
