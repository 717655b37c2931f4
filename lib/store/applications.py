"""Companies, applications and their stage events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db, vocab
from lib.core.models import ApplicationIn, StageEventIn
from lib.core.text import fold, squash
from lib.search.companies import company_key
from lib.store.base import StoreError, check_version, read_frame, read_raw_frame
from lib.store.gone_rows import forget_states_of_gone_rows

A, C, E = db.applications, db.companies, db.stage_events


def from_invitation(event_id: sa.ColumnElement) -> sa.Exists:
    """Whether the stage event `event_id` was recorded from an interview invitation email: its day
    is the day the invitation came, not the interview's (Home and the notes must not say otherwise)."""
    return (
        sa.select(db.emails.c.id)
        .where(db.emails.c.stage_event_id == event_id, db.emails.c.kind == "interview")
        .exists()
    )


# --- companies -------------------------------------------------------------------------------


def company_id_for(connection: Connection, name: str) -> int:
    """The id of the company called `name` (however typed), creating it on first use."""
    key = company_key(name)
    found = connection.execute(sa.select(C.c.id).where(C.c.name_key == key)).scalar()
    if found is not None:
        return found
    return connection.execute(sa.insert(C).values(name=squash(name), name_key=key)).inserted_primary_key[0]


def company_names(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(sa.select(C.c.name).order_by(C.c.name_key)).scalars())


def load_companies(engine: Engine) -> pd.DataFrame:
    return read_frame(engine, sa.select(C).order_by(C.c.name_key))


# --- applications ----------------------------------------------------------------------------


def _application_values(connection: Connection, app: ApplicationIn) -> dict[str, Any]:
    values = app.model_dump(exclude={"company"})
    values["company_id"] = company_id_for(connection, app.company)
    return values


def _check_reapplication(connection: Connection, app: ApplicationIn, own_id: int | None) -> None:
    if app.reapplication_of is None:
        return
    earlier = connection.execute(
        sa.select(A.c.id, C.c.name_key, A.c.applied_on)
        .join(C, C.c.id == A.c.company_id)
        .where(A.c.id == app.reapplication_of)
    ).first()
    if earlier is None or earlier.id == own_id:
        raise StoreError("Pick an earlier application.", field="reapplication_of")
    if earlier.name_key != company_key(app.company):
        raise StoreError(
            "A re-application links to an earlier application at the same company.",
            field="reapplication_of",
        )


def add_application(engine: Engine, app: ApplicationIn) -> int:
    with db.transaction(engine) as connection:
        _check_reapplication(connection, app, None)
        return connection.execute(
            sa.insert(A).values(**_application_values(connection, app))
        ).inserted_primary_key[0]


def update_application(
    engine: Engine,
    application_id: int,
    app: ApplicationIn,
    expected_version: int | None = None,
    applied_known: bool = False,
) -> int:
    """Save `app` over the stored application; returns its new version. A stand-in day applied
    becomes known when another day is typed, or with `applied_known` (the person says it is the day).

    With `expected_version` (the version the form was opened on), a row changed since then by
    another tab is not overwritten: Conflict carries what is stored now.
    """
    with db.transaction(engine) as connection:
        saved = connection.execute(sa.select(A).where(A.c.id == application_id)).first()
        if saved is None:
            raise StoreError("That application no longer exists.")
        check_version(saved.version, expected_version, saved._mapping)
        _check_reapplication(connection, app, application_id)
        first_event = connection.execute(
            sa.select(sa.func.min(E.c.occurred_on)).where(E.c.application_id == application_id)
        ).scalar()
        if first_event is not None and app.applied_on > first_event:
            raise StoreError(
                f"An event is already recorded on {first_event:%d %b %Y}; "
                "the application date can't be after it.",
                field="applied_on",
            )
        connection.execute(
            sa.update(A)
            .where(A.c.id == application_id)
            .values(
                **_application_values(connection, app),
                # a stand-in date stays one until the person types the real day
                applied_known=saved.applied_known or applied_known or app.applied_on != saved.applied_on,
                updated_at=dt.datetime.now(),
                version=saved.version + 1,
            )
        )
        return saved.version + 1


def delete_application(engine: Engine, application_id: int) -> None:
    """Delete an application with its events, debriefs, reflections and notes (cascade)."""
    with db.transaction(engine) as connection:
        connection.execute(sa.delete(A).where(A.c.id == application_id))
        forget_states_of_gone_rows(connection)


def _application_select() -> sa.Select:
    return sa.select(A, C.c.name.label("company")).join(C, C.c.id == A.c.company_id)


def get_application(engine: Engine, application_id: int) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(_application_select().where(A.c.id == application_id)).first()
    return dict(row._mapping) if row else None


def load_applications(engine: Engine) -> pd.DataFrame:
    """Every application with its company name, newest first."""
    query = _application_select().order_by(A.c.applied_on.desc(), A.c.id.desc())
    query = query.with_only_columns(
        *[_raw_date(c) if c.name == "applied_on" else c for c in query.selected_columns]
    )
    frame = read_frame(engine, query)
    frame["applied_on"] = pd.to_datetime(frame["applied_on"], format="ISO8601")
    return frame


def _raw_date(column: sa.ColumnElement) -> sa.ColumnElement:
    """A date column read as its stored ISO text: pandas parses a whole column far faster than
    SQLAlchemy converts row by row (it matters at 100,000 events)."""
    return sa.type_coerce(column, sa.String).label(column.name)


def same_role_elsewhere(engine: Engine, company: str, role: str, exclude_id: int | None = None) -> list[dict]:
    """Earlier applications to the same company and role (case and spacing ignored)."""
    role_key = fold(role)
    query = (
        sa.select(A.c.id, A.c.role, A.c.applied_on)
        .join(C, C.c.id == A.c.company_id)
        .where(C.c.name_key == company_key(company))
        .order_by(A.c.applied_on.desc())
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [dict(row._mapping) for row in rows if fold(row.role) == role_key and row.id != exclude_id]


def earlier_applications_at(engine: Engine, company: str, exclude_id: int | None = None) -> list[dict]:
    """Applications at this company, for linking a re-application."""
    query = (
        sa.select(A.c.id, A.c.role, A.c.applied_on)
        .join(C, C.c.id == A.c.company_id)
        .where(C.c.name_key == company_key(company))
        .order_by(A.c.applied_on.desc())
    )
    with engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(query) if r.id != exclude_id]


def later_tries(engine: Engine, application_id: int) -> list[dict]:
    """The applications linked to this one as its re-applications (id, role, applied_on), oldest first."""
    query = (
        sa.select(A.c.id, A.c.role, A.c.applied_on)
        .where(A.c.reapplication_of == application_id)
        .order_by(A.c.applied_on, A.c.id)
    )
    with engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(query)]


# --- stage events ----------------------------------------------------------------------------


def applied_on_by(
    connection: Connection, application_id: int, day: dt.date | None, field: str | None = None
) -> dt.date:
    """The day applied, which nothing recorded can come before, as `day` finds it. A stand-in day
    (an import or an email that gave none) only says "applied by then": a step before it moves the
    stand-in back to that step's day, in the caller's transaction, instead of being refused."""
    row = connection.execute(
        sa.select(A.c.applied_on, A.c.applied_known).where(A.c.id == application_id)
    ).first()
    if row is None:
        raise StoreError("That application no longer exists.", field=field)
    if not row.applied_known and day is not None and day < row.applied_on:
        connection.execute(sa.update(A).where(A.c.id == application_id).values(applied_on=day))
        return day
    return row.applied_on


def _check_event(connection: Connection, event: StageEventIn) -> None:
    applied_on = applied_on_by(connection, event.application_id, event.occurred_on)
    if event.occurred_on < applied_on:
        raise StoreError(f"This is before the application date ({applied_on:%d %b %Y}).", field="occurred_on")
    existing = connection.execute(
        sa.select(E.c.kind, E.c.occurred_on, E.c.date_known, E.c.round_label).where(
            E.c.application_id == event.application_id
        )
    ).all()
    ended = [e for e in existing if e.kind in vocab.OUTCOMES]
    if ended:
        raise StoreError(
            f"This application already ended ({vocab.stage_label(ended[0].kind).lower()} on "
            f"{ended[0].occurred_on:%d %b %Y}). Delete that event first to record more.",
            field="kind",
        )
    label = fold(event.round_label or "")
    for same in existing:
        if (
            same.kind == event.kind
            and same.occurred_on == event.occurred_on
            and fold(same.round_label or "") == label
        ):
            raise StoreError(
                f"{vocab.stage_label(event.kind)} on {event.occurred_on:%d %b %Y} is already in the history.",
                field="kind",
            )
    if event.kind in vocab.OUTCOMES:
        latest = max((e.occurred_on for e in existing if e.date_known), default=None)
        if latest is not None and event.occurred_on < latest:
            raise StoreError(
                f"An ending can't come before the last recorded stage ({latest:%d %b %Y}).",
                field="occurred_on",
            )
        if event.kind == "declined" and "offer" not in {e.kind for e in existing}:
            raise StoreError("You can only decline after an offer.", field="kind")


def implied_stage_day(connection: Connection, application_id: int, ended_on: dt.date) -> dt.date:
    """Where a stage the person says they reached (with no date of its own) sits in the history:
    after every recorded step and never before the application, never after the ending. The day only
    keeps the order; the event is stored with `date_known` false."""
    applied_on = connection.execute(sa.select(A.c.applied_on).where(A.c.id == application_id)).scalar()
    latest = connection.execute(
        sa.select(sa.func.max(E.c.occurred_on)).where(E.c.application_id == application_id)
    ).scalar()
    if applied_on is None:  # the application is gone: _check_event says so
        return ended_on
    return min(ended_on, max(applied_on, latest or applied_on))


def add_stage_event(engine: Engine, event: StageEventIn) -> int:
    """Record a stage or an ending; refuses events that contradict the history."""
    with db.transaction(engine) as connection:
        _check_event(connection, event)
        return connection.execute(sa.insert(E).values(**event.model_dump())).inserted_primary_key[0]


def delete_stage_event(engine: Engine, event_id: int) -> None:
    """Delete one step. A "no" deleted (recorded by mistake, or reversed) takes its pause with it:
    Home stayed quiet for news that no longer stood. What was written after it stays."""
    with db.transaction(engine) as connection:
        gone = connection.execute(sa.select(E.c.kind, E.c.application_id).where(E.c.id == event_id)).first()
        connection.execute(sa.delete(E).where(E.c.id == event_id))
        if gone is not None and gone.kind == "rejected":
            _end_pause_if_no_rejection(connection, gone.application_id)
        forget_states_of_gone_rows(connection)


def _end_pause_if_no_rejection(connection: Connection, application_id: int) -> None:
    still = connection.execute(
        sa.select(E.c.id).where(E.c.application_id == application_id, E.c.kind == "rejected").limit(1)
    ).first()
    if still is None:
        # no pause at all, not one ended now: an ended pause asks Home to offer the look back
        R = db.reflections
        connection.execute(
            sa.update(R)
            .where(R.c.application_id == application_id, R.c.pause_until.is_not(None))
            .values(pause_until=None, updated_at=dt.datetime.now(), version=R.c.version + 1)
        )


def set_event_date(engine: Engine, event_id: int, day: dt.date) -> None:
    """Give an event its real date: an imported status that had none, or a day typed wrong. The
    history keeps its order: a step stays on or before the ending, an ending on or after the steps."""
    with db.transaction(engine) as connection:
        move_event(connection, event_id, day)


def move_event(connection: Connection, event_id: int, day: dt.date) -> None:
    """`set_event_date` in the caller's transaction (a debrief's new day moves its round too)."""
    if day > dt.date.today():
        raise StoreError("The date can't be in the future.", field="occurred_on")
    row = connection.execute(
        sa.select(E.c.kind, E.c.round_label, E.c.application_id, A.c.applied_on)
        .join(A, A.c.id == E.c.application_id)
        .where(E.c.id == event_id)
    ).first()
    if row is None:
        raise StoreError("That event no longer exists.")
    if day < row.applied_on:
        raise StoreError(
            f"This is before the application date ({row.applied_on:%d %b %Y}).", field="occurred_on"
        )
    others = connection.execute(
        sa.select(E.c.kind, E.c.occurred_on, E.c.round_label).where(
            E.c.application_id == row.application_id, E.c.id != event_id, E.c.date_known
        )
    ).all()
    _check_order(row, day, others)
    connection.execute(sa.update(E).where(E.c.id == event_id).values(occurred_on=day, date_known=True))
    # its debrief moves with it: one interview has one date (changed here, the debrief kept the old
    # one, and saving the debrief again put the round back)
    connection.execute(
        sa.update(db.interviews).where(db.interviews.c.stage_event_id == event_id).values(occurred_on=day)
    )


def _check_order(row, day: dt.date, others) -> None:
    """Refuse a new day that would put a step after the ending (or the ending before a step), or
    make it the twin of a step already there."""
    label = fold(row.round_label or "")
    for other in others:
        if other.kind == row.kind and other.occurred_on == day and fold(other.round_label or "") == label:
            raise StoreError(
                f"{vocab.stage_label(row.kind)} on {day:%d %b %Y} is already in the history.",
                field="occurred_on",
            )
        if row.kind in vocab.OUTCOMES and other.kind not in vocab.OUTCOMES and day < other.occurred_on:
            raise StoreError(
                f"An ending can't come before the last recorded stage ({other.occurred_on:%d %b %Y}).",
                field="occurred_on",
            )
        if row.kind not in vocab.OUTCOMES and other.kind in vocab.OUTCOMES and day > other.occurred_on:
            raise StoreError(
                f"This is after the application ended ({vocab.stage_label(other.kind).lower()} on "
                f"{other.occurred_on:%d %b %Y}).",
                field="occurred_on",
            )


def _unknown_dates_blank(frame: pd.DataFrame) -> pd.DataFrame:
    """An event whose date is unknown reads with no date (NaT): its stored day only keeps it in order."""
    frame["date_known"] = frame["date_known"].astype(bool)
    frame["occurred_on"] = pd.to_datetime(frame["occurred_on"], format="ISO8601").where(frame["date_known"])
    return frame


def events_for(engine: Engine, application_id: int) -> pd.DataFrame:
    """One application's events in order; `occurred_on` is NaT where the date is unknown, and
    `invitation` says which an invitation email recorded (dated by the email, not the interview)."""
    frame = read_frame(
        engine,
        sa.select(E, from_invitation(E.c.id).label("invitation"))
        .where(E.c.application_id == application_id)
        .order_by(E.c.occurred_on, E.c.id),
    )
    return _unknown_dates_blank(frame)


def load_events(engine: Engine) -> pd.DataFrame:
    """Every stage event (application_id, kind, occurred_on, date_known, round_label, via);
    `occurred_on` is NaT where the date is unknown."""
    frame = read_raw_frame(
        engine,
        sa.select(
            E.c.id, E.c.application_id, E.c.kind, E.c.occurred_on, E.c.date_known, E.c.round_label, E.c.via
        ),
    )
    return _unknown_dates_blank(frame)
