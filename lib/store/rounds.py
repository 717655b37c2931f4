"""The round a debrief is of: the stage events of interview rounds and the debriefs they belong to."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db, vocab
from lib.core.models import StageEventIn
from lib.search import history
from lib.store.applications import _check_event, applied_on_by, move_event
from lib.store.base import StoreError

A, E, I = db.applications, db.stage_events, db.interviews


def _round_events(connection: Connection, application_id: int) -> tuple[list[dict[str, Any]], set[int]]:
    events = [
        dict(r._mapping)
        for r in connection.execute(
            sa.select(E.c.id, E.c.kind, E.c.occurred_on, E.c.date_known, E.c.round_label).where(
                E.c.application_id == application_id
            )
        )
    ]
    debriefs = connection.execute(
        sa.select(I.c.stage_event_id, I.c.round_type, I.c.occurred_on).where(
            I.c.application_id == application_id
        )
    ).all()
    taken = {d.stage_event_id for d in debriefs if d.stage_event_id is not None}
    for d in debriefs:
        if d.stage_event_id is None:  # a debrief not linked to its round (an older backup, the demo):
            same = history.round_event(events, d.round_type, d.occurred_on, taken)  # its round by day
            if same is not None:
                taken.add(same["id"])
    return events, taken


def open_rounds(engine: Engine, application_id: int) -> list[dict[str, Any]]:
    """The rounds in an application's history that no debrief belongs to yet, latest first."""
    with engine.connect() as connection:
        return history.open_rounds(*_round_events(connection, application_id))


def record_round(
    connection: Connection, application_id: int, round_type: str, occurred_on: dt.date, event_id: int | None
) -> int | None:
    """The stage event a new debrief belongs to: the one named (`event_id`), else the same round on
    the same day, else a new event for it (none when the history can't take it: it ended before)."""
    events, taken = _round_events(connection, application_id)
    named = next((e for e in events if e["id"] == event_id), None) if event_id is not None else None
    if named is not None:
        follow_debrief(connection, application_id, event_id, occurred_on)
        return event_id
    same = history.round_event(events, round_type, occurred_on, taken)
    if same is not None:
        return same["id"]
    kind = history.round_stage(round_type)
    event = StageEventIn(
        application_id=application_id,
        kind=kind,
        occurred_on=occurred_on,
        round_label=round_type.capitalize() if kind == "interview" else None,
    )
    try:
        _check_event(connection, event)
    except StoreError:
        return None
    return connection.execute(sa.insert(E).values(**event.model_dump())).inserted_primary_key[0]


def follow_debrief(connection: Connection, application_id: int, event_id: int | None, day: dt.date) -> None:
    """The round takes its debrief's day, so one interview has one date everywhere (an edited
    debrief's new day left the round on the old one, read as two). A dated round moves only where
    the history keeps its order (else the save is refused, saying why); an undated one is dated
    where it can be."""
    if event_id is None:
        return
    row = connection.execute(sa.select(E.c.occurred_on, E.c.date_known).where(E.c.id == event_id)).first()
    if row is None:
        return
    if not row.date_known:
        _date_round(connection, application_id, event_id, day)
    elif row.occurred_on != day:
        move_event(connection, event_id, day)


def _date_round(connection: Connection, application_id: int, event_id: int, day: dt.date) -> None:
    """A debrief of a round whose date was unknown (an import, a stage a rejection implied) gives it
    the debrief's date, when the history can take it: not before the application, not after a dated
    ending. Otherwise the round keeps its date unknown."""
    applied_on = applied_on_by(connection, application_id, day)
    ended_on = connection.execute(
        sa.select(sa.func.min(E.c.occurred_on)).where(
            E.c.application_id == application_id, E.c.kind.in_(vocab.OUTCOMES), E.c.date_known
        )
    ).scalar()
    if applied_on is None or day < applied_on or day > dt.date.today() or (ended_on and day > ended_on):
        return
    connection.execute(sa.update(E).where(E.c.id == event_id).values(occurred_on=day, date_known=True))
