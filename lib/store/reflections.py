"""Reflections (with their pause), mood check-ins and drafts of half-filled questionnaires.
Interview debriefs are in lib.store.debriefs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db, vocab
from lib.core.models import MoodIn, RejectionIn, StageEventIn
from lib.reflect import questionnaires
from lib.store.applications import _check_event, implied_stage_day
from lib.store.base import StoreError, check_version, read_frame
from lib.store.gone_rows import forget_states_of_gone_rows

A, C, E = db.applications, db.companies, db.stage_events
I, IQ, IC, R = db.interviews, db.interview_questions, db.interview_contacts, db.reflections
P, M, D = db.contacts, db.mood_checkins, db.drafts


# Debriefs live in lib.store.debriefs; their names stay importable from here.
from lib.store.debriefs import (  # noqa: E402, F401
    _drop_draft,
    company_contacts_by_id,
    contacts_at,
    get_interview,
    interviews_for,
    load_questions,
    save_interview,
)

# --- reflections -------------------------------------------------------------------------------


def _furthest_rank(connection: Connection, application_id: int) -> int:
    kinds = connection.execute(sa.select(E.c.kind).where(E.c.application_id == application_id)).scalars()
    return max((vocab.STAGE_RANK.get(k, 0) for k in kinds), default=0)


_REJECTION_FIELDS = {"occurred_on": "rejected_on"}


def record_rejection(
    engine: Engine, rejection: RejectionIn, draft_key: str | None = None, record_event: bool = True
) -> int:
    """Record the ending (rejected, or ghosted when it came as silence), the stage reached if it is
    further than the recorded history (with its date unknown: the form does not ask it), the
    reflection with its pause, and the mood: one transaction.

    Refuses (StoreError naming the field) what the stage history refuses: a date before the
    application or before the last stage, an application that already ended. With
    `record_event=False` (the ending is already in the history) only the reflection and mood are added.
    """
    with db.transaction(engine) as connection:
        if rejection.occurred_on is None:
            if record_event:
                raise StoreError("When did the answer come?", field="rejected_on")
            return _add_reflection(connection, rejection, draft_key)
        if rejection.pause_until is not None and rejection.pause_until.date() < rejection.occurred_on:
            raise StoreError("The pause can't end before the answer came.", field="pause_until")
        stage_rank = vocab.STAGE_RANK[rejection.stage_reached]
        events = []
        if stage_rank > _furthest_rank(connection, rejection.application_id):
            events.append(
                StageEventIn(  # the form says how far it got, not when: the date stays unknown
                    application_id=rejection.application_id,
                    kind=rejection.stage_reached,
                    occurred_on=implied_stage_day(
                        connection, rejection.application_id, rejection.occurred_on
                    ),
                    date_known=False,
                )
            )
        events.append(
            StageEventIn(
                application_id=rejection.application_id,
                kind=rejection.event_kind,
                occurred_on=rejection.occurred_on,
                via=rejection.via,
            )
        )
        for event in events if record_event else []:
            try:
                _check_event(connection, event)
            except StoreError as exc:  # name the questionnaire's own field
                raise StoreError(exc.message, field=_REJECTION_FIELDS.get(exc.field, "form")) from None
            connection.execute(sa.insert(E).values(**event.model_dump()))
        return _add_reflection(connection, rejection, draft_key)


def _add_reflection(connection: Connection, rejection: RejectionIn, draft_key: str | None) -> int:
    """The reflection with its pause, and the mood, in the caller's transaction."""
    reflection_id = connection.execute(
        sa.insert(R).values(
            application_id=rejection.application_id,
            bank=questionnaires.REJECTION.id,
            bank_version=rejection.bank_version,
            answers=rejection.answers,
            pause_until=rejection.pause_until,
        )
    ).inserted_primary_key[0]
    connection.execute(
        sa.insert(M).values(
            recorded_at=dt.datetime.now(),
            score=rejection.mood,
            words=rejection.mood_words,
            application_id=rejection.application_id,
        )
    )
    _drop_draft(connection, draft_key)
    return reflection_id


def update_reflection(
    engine: Engine,
    reflection_id: int,
    answers: dict[str, Any],
    pause_until: dt.datetime | None,
    draft_key: str | None = None,
    expected_version: int | None = None,
) -> int:
    """Edit a past reflection's answers (answers to retired questions are kept); returns its new
    version. With `expected_version`, a reflection changed since (in another tab) raises Conflict."""
    with db.transaction(engine) as connection:
        row = connection.execute(sa.select(R).where(R.c.id == reflection_id)).first()
        if row is None:
            raise StoreError("That reflection no longer exists.")
        check_version(row.version, expected_version, row._mapping)
        bank = questionnaires.BANKS.get(row.bank, questionnaires.REJECTION)
        connection.execute(
            sa.update(R)
            .where(R.c.id == reflection_id)
            .values(
                answers=questionnaires.merge_retired(bank, answers, row.answers),
                pause_until=pause_until,
                bank_version=bank.version,
                updated_at=dt.datetime.now(),
                version=row.version + 1,
            )
        )
        _drop_draft(connection, draft_key)
    return row.version + 1


def get_reflection(engine: Engine, reflection_id: int) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(R).where(R.c.id == reflection_id)).first()
    if row is None:
        return None
    reflection = dict(row._mapping)
    reflection["answers"] = reflection["answers"] or {}
    return reflection


def reflections_for(engine: Engine, application_id: int) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(R).where(R.c.application_id == application_id).order_by(R.c.created_at, R.c.id)
        ).all()
    return [dict(r._mapping) | {"answers": r.answers or {}} for r in rows]


def delete_reflection(engine: Engine, reflection_id: int) -> None:
    """Delete a reflection (the stage event it recorded stays in the history)."""
    with db.transaction(engine) as connection:
        connection.execute(sa.delete(R).where(R.c.id == reflection_id))
        forget_states_of_gone_rows(connection)


def skill_tags(engine: Engine) -> list[str]:
    """Every skill named in "skills to bolster" so far, most used first (reused across reflections)."""
    with engine.connect() as connection:
        answers = connection.execute(
            sa.select(R.c.answers).where(R.c.bank == questionnaires.REJECTION.id)
        ).scalars()
        counts: dict[str, tuple[int, str]] = {}
        for answer in answers:
            for tag in (answer or {}).get("skills_to_bolster") or []:
                if isinstance(tag, str) and tag.strip():
                    key = tag.strip().casefold()
                    n, name = counts.get(key, (0, tag.strip()))
                    counts[key] = (n + 1, name)
    return [name for _, name in sorted(counts.values(), key=lambda t: (-t[0], t[1].casefold()))]


def latest_pause(engine: Engine) -> dict[str, Any] | None:
    """The reflection whose pause ends last, with its company and role (None if there is none)."""
    query = (
        sa.select(
            R.c.id, R.c.application_id, R.c.pause_until, R.c.answers, A.c.role, C.c.name.label("company")
        )
        .join(A, A.c.id == R.c.application_id)
        .join(C, C.c.id == A.c.company_id)
        .where(R.c.pause_until.is_not(None))
        .order_by(R.c.pause_until.desc())
        .limit(1)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return dict(row._mapping) if row else None


def pauses_ending_after(engine: Engine, after: dt.datetime) -> list[dict[str, Any]]:
    """Every reflection whose pause ends after `after`, with its company and role, the one that
    ends last first (several "no"s can come in the same week: each has its pause)."""
    query = (
        sa.select(
            R.c.id, R.c.application_id, R.c.pause_until, R.c.answers, A.c.role, C.c.name.label("company")
        )
        .join(A, A.c.id == R.c.application_id)
        .join(C, C.c.id == A.c.company_id)
        .where(R.c.pause_until > after)
        .order_by(R.c.pause_until.desc(), R.c.id.desc())
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


# --- mood check-ins ----------------------------------------------------------------------------


def add_mood(engine: Engine, mood: MoodIn) -> int:
    with db.transaction(engine) as connection:
        return connection.execute(sa.insert(M).values(**mood.model_dump())).inserted_primary_key[0]


def load_moods(engine: Engine) -> pd.DataFrame:
    """Every mood check-in (recorded_at, score, words, application_id), oldest first."""
    return read_frame(engine, sa.select(M).order_by(M.c.recorded_at), parse_dates=["recorded_at"])


def last_mood(engine: Engine) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(M).order_by(M.c.recorded_at.desc(), M.c.id.desc()).limit(1)
        ).first()
    return dict(row._mapping) if row else None


# --- drafts ------------------------------------------------------------------------------------
# A draft is written on every change of a questionnaire. It is not part of the user's records, so
# it does not bump the data revision (that would throw away every cached view at each keystroke).


def save_draft(engine: Engine, key: str, payload: dict[str, Any], expected_version: int | None = None) -> int:
    """Write the draft under `key`; returns its new version.

    With `expected_version` (the version this tab last loaded or wrote; 0 for none), a draft
    written meanwhile by another tab is not overwritten: Conflict carries it (`saved["payload"]`).
    """
    now = dt.datetime.now()
    with db.transaction(engine, bump=False) as connection:
        row = connection.execute(sa.select(D.c.payload, D.c.version).where(D.c.key == key)).first()
        check_version(row.version if row else 0, expected_version, row._mapping if row else {})
        version = (row.version if row else 0) + 1
        if row is None:
            connection.execute(sa.insert(D).values(key=key, payload=payload, updated_at=now, version=version))
        else:
            connection.execute(
                sa.update(D).where(D.c.key == key).values(payload=payload, updated_at=now, version=version)
            )
    return version


def load_draft(engine: Engine, key: str) -> dict[str, Any] | None:
    """{"payload": ..., "updated_at": ..., "version": ...} or None."""
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(D.c.payload, D.c.updated_at, D.c.version).where(D.c.key == key)
        ).first()
    return dict(row._mapping) if row else None


def delete_draft(engine: Engine, key: str) -> None:
    with db.transaction(engine, bump=False) as connection:
        connection.execute(sa.delete(D).where(D.c.key == key))


def drafts_like(engine: Engine, prefix: str) -> list[dict[str, Any]]:
    """Drafts whose key starts with `prefix` (key, updated_at), newest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(D.c.key, D.c.updated_at)
            .where(D.c.key.startswith(prefix))
            .order_by(D.c.updated_at.desc())
        ).all()
    return [dict(r._mapping) for r in rows]
