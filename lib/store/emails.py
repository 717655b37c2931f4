"""Job emails: recording what they say (application, stage, ending, offer) with the email kept.

One accepted batch is one transaction. An email already kept (same Message-ID) is skipped, so
importing the same mailbox twice adds nothing. An email whose event contradicts the history
(before the application, after its ending) is reported and not kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db, vocab
from lib.core.models import MAX_LONG_TEXT, MAX_SHORT_TEXT, StageEventIn
from lib.search.companies import company_key
from lib.store.applications import _check_event, company_id_for, implied_stage_day
from lib.store.base import StoreError, read_frame

A, C, E, M = db.applications, db.companies, db.stage_events, db.emails


ROLE_NOT_GIVEN = vocab.ROLE_NOT_GIVEN
BOARDS = {"LinkedIn", "Indeed", "StepStone", "XING", "Welcome to the Jungle"}


@dataclass
class EmailRecord:
    """One email the person accepted, with their (possibly edited) reading of it."""

    message_id: str
    kind: str  # rejection, interview, application, offer
    company: str
    role: str | None
    date: dt.date
    stage: str | None = None  # where a rejection came; the round an invitation is for
    application_id: int | None = None  # None: find by company and role, else create
    sender: str = ""
    subject: str = ""
    text: str = ""
    hiring_system: str | None = None
    applied_on: dt.date | None = None  # a new application's date, when the person gave it


@dataclass
class Recorded:
    applications: int = 0
    stage_events: int = 0
    emails: int = 0
    duplicates: int = 0
    companies: int = 0  # new to the log
    application_ids: dict[str, int] = field(default_factory=dict)  # message_id -> application
    errors: dict[str, str] = field(default_factory=dict)  # message_id -> why it was not recorded


def kept_ids(engine: Engine, message_ids: list[str]) -> set[str]:
    found: set[str] = set()
    with engine.connect() as connection:
        for start in range(0, len(message_ids), 500):
            chunk = message_ids[start : start + 500]
            found |= set(
                connection.execute(sa.select(M.c.message_id).where(M.c.message_id.in_(chunk))).scalars()
            )
    return found


def _role_key(role: str | None) -> str:
    return " ".join((role or ROLE_NOT_GIVEN).split()).casefold()


def _find_application(connection: Connection, company: str, role: str | None) -> int | None:
    rows = connection.execute(
        sa.select(A.c.id, A.c.role)
        .join(C, C.c.id == A.c.company_id)
        .where(C.c.name_key == company_key(company))
        .order_by(A.c.applied_on.desc(), A.c.id.desc())
    ).all()
    same_role = [r.id for r in rows if _role_key(r.role) == _role_key(role)]
    if same_role:
        return same_role[0]
    return rows[0].id if rows and role is None else None


def _create_application(connection: Connection, item: EmailRecord) -> int:
    system = item.hiring_system
    return connection.execute(
        sa.insert(A).values(
            company_id=company_id_for(connection, item.company[:MAX_SHORT_TEXT]),
            role=(item.role or ROLE_NOT_GIVEN)[:MAX_SHORT_TEXT],
            applied_on=item.applied_on or item.date,  # checked: not after the news came
            # the email's own day stands in for the day applied (a receipt's day is that day): a
            # stand-in is never counted as a same-day answer
            applied_known=item.kind == "application"
            or (item.applied_on is not None and item.applied_on != item.date),
            channel="job board" if system in BOARDS else "company site" if system else "other",
            source=system,
            notes=f"Added from an email: {_subject_line(item.subject)}" if item.subject else None,
        )
    ).inserted_primary_key[0]


def _event(
    connection: Connection, application_id: int, kind: str, item: EmailRecord, dated: bool = True
) -> int:
    """The email's event; `dated=False` for a stage the email only implies (a "no" after the
    interview says an interview happened, not when): placed in order, its date kept unknown."""
    event = StageEventIn(
        application_id=application_id,
        kind=kind,
        occurred_on=item.date if dated else implied_stage_day(connection, application_id, item.date),
        date_known=dated,
        via="email" if kind in vocab.OUTCOMES else None,
        note=f"Email: {_subject_line(item.subject)}" if item.subject else "From an email",
    )
    _check_event(connection, event)
    return connection.execute(sa.insert(E).values(**event.model_dump())).inserted_primary_key[0]


SUBJECT_SHOWN = 200  # a subject named in a note: a line, not 20,000 characters of a made-up one


def _subject_line(subject: str) -> str:
    return subject if len(subject) <= SUBJECT_SHOWN else subject[: SUBJECT_SHOWN - 1].rstrip() + "…"


def _events_of(connection: Connection, application_id: int) -> list:
    return connection.execute(
        sa.select(E.c.id, E.c.kind, E.c.occurred_on).where(E.c.application_id == application_id)
    ).all()


def _check_days(item: EmailRecord) -> None:
    """The email's day and the day applied, as typed or read: refused, never moved to fit."""
    if item.date is None or pd.isna(item.date):  # a message with no readable Date, left blank
        raise StoreError("The email has no date: type the day it came.", field="date")
    if item.date > dt.date.today():
        raise StoreError("The email's date can't be in the future.", field="date")
    if item.applied_on is not None and item.applied_on > item.date:
        raise StoreError(
            f"The day you applied can't be after the email ({item.date:%d %b %Y}).", field="applied_on"
        )


def _record_one(connection: Connection, item: EmailRecord, created: dict, result: Recorded) -> None:
    _check_days(item)  # before anything is written: a refused email leaves no trace
    app_id = item.application_id
    if app_id is None:
        key = (company_key(item.company), _role_key(item.role))
        app_id = created.get(key) or _find_application(connection, item.company, item.role)
        if app_id is None:
            app_id = _create_application(connection, item)
            created[key] = app_id
            result.applications += 1
    found = connection.execute(sa.select(A.c.applied_on, A.c.applied_known).where(A.c.id == app_id)).first()
    if found is None:
        raise StoreError("That application no longer exists.")
    if item.kind == "application" and not found.applied_known:
        _date_by_receipt(connection, app_id, item.applied_on or item.date, found.applied_on)
    event_id = None
    if item.kind in ("interview", "offer", "rejection"):
        existing = _events_of(connection, app_id)
        if item.kind == "rejection":
            # checked before anything is written: a refused email leaves no trace
            _check_event(
                connection, StageEventIn(application_id=app_id, kind="rejected", occurred_on=item.date)
            )
            stage = item.stage if item.stage in ("screen", "interview", "final") else None
            furthest = max((vocab.STAGE_RANK.get(e.kind, 0) for e in existing), default=0)
            if stage and vocab.STAGE_RANK[stage] > furthest:
                _event(connection, app_id, stage, item, dated=False)
                result.stage_events += 1
            event_id = _event(connection, app_id, "rejected", item)
            result.stage_events += 1
        else:
            kind = (
                "offer"
                if item.kind == "offer"
                else item.stage
                if item.stage in ("screen", "final")
                else "interview"
            )
            same = [e.id for e in existing if e.kind == kind and e.occurred_on == item.date]
            if same:
                event_id = same[0]  # already recorded (typed, or pasted before)
            else:
                event_id = _event(connection, app_id, kind, item)
                result.stage_events += 1
    connection.execute(
        sa.insert(M).values(
            message_id=item.message_id,
            sender=item.sender[:MAX_SHORT_TEXT] or None,
            subject=item.subject[:1000] or None,
            sent_on=item.date,
            text=item.text[:MAX_LONG_TEXT] or None,
            kind=item.kind,
            hiring_system=item.hiring_system,
            application_id=app_id,
            stage_event_id=event_id,
        )
    )
    result.emails += 1
    result.application_ids[item.message_id] = app_id


def _date_by_receipt(connection: Connection, app_id: int, day: dt.date, stand_in: dt.date) -> None:
    """An application dated by a later email ("applied by 10 Nov") gets its day from the receipt
    that comes after it (3 Oct): the day applied, known at last. A receipt later than the
    stand-in is about something else, and changes nothing."""
    if day <= stand_in:
        connection.execute(sa.update(A).where(A.c.id == app_id).values(applied_on=day, applied_known=True))


def _day_or_last(day: dt.date | None) -> dt.date:
    return dt.date.max if day is None or pd.isna(day) else day


class _DryRun(Exception):
    """Raised at the end of a dry run: the transaction rolls back, its counts stay."""


def record(engine: Engine, items: list[EmailRecord], dry_run: bool = False) -> Recorded:
    """Record accepted emails in one transaction, oldest first. Emails whose event contradicts
    the history are left out and reported in `errors` (the rest are still recorded). A dry run
    does all of it and rolls back, so it counts what a real one would add."""
    result = Recorded()
    try:
        with db.transaction(engine) as connection:
            _record_all(connection, items, result)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


def _record_all(connection: Connection, items: list[EmailRecord], result: Recorded) -> None:
    companies_before = connection.execute(sa.select(sa.func.count()).select_from(C)).scalar_one()
    known = (
        set(
            connection.execute(
                sa.select(M.c.message_id).where(M.c.message_id.in_([i.message_id for i in items]))
            ).scalars()
        )
        if items
        else set()
    )
    created: dict = {}
    order = {"application": 0, "interview": 1, "offer": 2, "rejection": 3}
    # an email with no day sorts last, and is refused there (`_check_days`)
    for item in sorted(items, key=lambda i: (_day_or_last(i.date), order.get(i.kind, 1), i.message_id)):
        if item.message_id in known:
            result.duplicates += 1
            continue
        known.add(item.message_id)
        try:
            _record_one(connection, item, created, result)
        except StoreError as exc:
            result.errors[item.message_id] = exc.message
    result.companies = (
        connection.execute(sa.select(sa.func.count()).select_from(C)).scalar_one() - companies_before
    )


def emails_for(engine: Engine, application_id: int) -> pd.DataFrame:
    """The emails kept for one application, oldest first."""
    return read_frame(
        engine,
        sa.select(M.c.id, M.c.sender, M.c.subject, M.c.sent_on, M.c.text, M.c.kind, M.c.stage_event_id)
        .where(M.c.application_id == application_id)
        .order_by(M.c.sent_on, M.c.id),
    )


def match_log(engine: Engine) -> pd.DataFrame:
    """The applications emails are matched against: id, company, role, applied_on, outcome ("ended"
    or open) and, for those that ended, how and when (`ended_as`; `ended_on`, None if unknown) and
    the ending's event id (`ended_event`)."""
    apps = read_frame(
        engine,
        sa.select(A.c.id, C.c.name.label("company"), A.c.role, A.c.applied_on).join(
            C, C.c.id == A.c.company_id
        ),
    )
    endings = read_frame(
        engine,
        sa.select(E.c.id, E.c.application_id, E.c.kind, E.c.occurred_on, E.c.date_known).where(
            E.c.kind.in_(vocab.OUTCOMES)
        ),
    ).drop_duplicates("application_id")  # the history allows one ending; the first if ever more
    ended = endings.set_index("application_id")
    apps["outcome"] = apps["id"].map(lambda i: "ended" if i in ended.index else vocab.OPEN)
    apps["ended_as"] = apps["id"].map(ended["kind"])
    known = ended["occurred_on"].where(ended["date_known"].astype(bool), None)  # unknown stays unknown
    apps["ended_on"] = apps["id"].map(known)
    apps["ended_event"] = apps["id"].map(ended["id"])  # to give an undated ending the email's day
    return apps
