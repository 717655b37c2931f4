"""Follow-up notes and feedback, and what the note composer needs to know (people: lib.store.contacts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db, vocab
from lib.core.models import FeedbackIn, NoteIn
from lib.core.text import squash
from lib.store.applications import applied_on_by, from_invitation
from lib.store.base import Conflict, StoreError, read_frame
from lib.store.gone_rows import forget_states_of_gone_rows

A, C, E = db.applications, db.companies, db.stage_events
P, N, F = db.contacts, db.follow_up_notes, db.feedback
I, IC, R = db.interviews, db.interview_contacts, db.reflections

SIGNATURE_KEY = "note_signature"
INTERVIEW_KINDS = ("interview", "final")


# --- notes -------------------------------------------------------------------------------------


def _after_sending(connection: Connection, note: NoteIn, asked_feedback: bool) -> None:
    """A sent note counts as contact with the person, and may be a feedback request."""
    if note.sent_on is None:
        return
    if note.contact_id is not None:
        connection.execute(
            sa.update(P)
            .where(P.c.id == note.contact_id)
            .where(sa.or_(P.c.last_contact_on.is_(None), P.c.last_contact_on < note.sent_on))
            .values(last_contact_on=note.sent_on)
        )
        # a check-in planned for then or before has happened: it read "Next check-in: 01 Dec", past
        connection.execute(
            sa.update(P)
            .where(P.c.id == note.contact_id, P.c.next_checkin_on <= note.sent_on)
            .values(next_checkin_on=None)
        )
    if asked_feedback and note.application_id is not None:
        already = connection.execute(
            sa.select(F.c.id).where(
                F.c.application_id == note.application_id,
                F.c.contact_id.is_(None) if note.contact_id is None else F.c.contact_id == note.contact_id,
                F.c.asked_on.is_not(None),
            )
        ).first()
        if not already:
            connection.execute(
                sa.insert(F).values(
                    application_id=note.application_id,
                    contact_id=note.contact_id,
                    asked_on=note.sent_on,
                    # sent to an address: by email; to no address, how is not known (it said email)
                    asked_via="email" if note.recipient_email else None,
                    themes=[],
                )
            )


# Notes that answer something the application brought (an interview, a no): never sent before it.
# A check-in or a re-application's intro may come first.
ANSWERS_AN_APPLICATION = frozenset(vocab.NOTE_KINDS) - {"contact check-in", "re-application intro"}


def _check_note(connection: Connection, note: NoteIn) -> None:
    if note.sent_on and note.application_id is not None and note.kind in ANSWERS_AN_APPLICATION:
        applied_on = applied_on_by(connection, note.application_id, note.sent_on, "application_id")
        if note.sent_on < applied_on:
            raise StoreError(
                f"A note about this application can't be sent before it ({applied_on:%d %b %Y}).",
                field="sent_on",
            )


def check_note(engine: Engine, note: NoteIn) -> None:
    """What `save_note` would refuse, without saving: said with a form's other errors at once."""
    with engine.connect() as connection:
        _check_note(connection, note)


def save_note(
    engine: Engine,
    note: NoteIn,
    note_id: int | None = None,
    asked_feedback: bool = False,
    seen: str | None = None,
) -> int:
    """Insert (or update) a note. Once sent, it updates the person's last contact and, when it
    asked for feedback, records that feedback was asked (once per application and person).

    `seen`: the note's stamp (`note_stamp`) when this tab last saved or loaded it; when another tab
    saved it since, nothing is written and Conflict carries the stored note (its `stamp` too)."""
    with db.transaction(engine) as connection:
        _check_note(connection, note)
        note = _to_whoever_is_there(connection, note)
        values = note.model_dump()
        if note_id is None:
            note_id = connection.execute(sa.insert(N).values(**values)).inserted_primary_key[0]
        else:
            if seen is not None:
                stored = connection.execute(sa.select(N).where(N.c.id == note_id)).first()
                if stored is not None and _stamp(stored) != seen:
                    raise Conflict({**stored._asdict(), "stamp": _stamp(stored)})
            changed = connection.execute(
                sa.update(N).where(N.c.id == note_id).values(**values, updated_at=dt.datetime.now())
            ).rowcount
            if not changed:  # deleted since (from the history): not "saved" into nothing
                raise StoreError(
                    "This note was deleted since it was opened, so nothing was saved. Copy the text, "
                    "then put the draft away and write it again."
                )
        _after_sending(connection, note, asked_feedback)
        return note_id


def _to_whoever_is_there(connection: Connection, note: NoteIn) -> NoteIn:
    """A draft to a person deleted from Network since it was written is saved without the link,
    with their name, role and address as written (saving it stopped with an IntegrityError)."""
    if note.contact_id is None:
        return note
    if connection.execute(sa.select(P.c.id).where(P.c.id == note.contact_id)).first() is None:
        return note.model_copy(update={"contact_id": None})
    return note


def _stamp(row: Any) -> str:
    """When a note was last written, as text: what two tabs compare."""
    return str(row.updated_at or row.created_at)


def unsent_note(engine: Engine, application_id: int | None, contact_id: int | None, kind: str) -> dict | None:
    """The latest note of `kind` to this person about this application saved but not sent (its id,
    subject, body and stamp), or None: writing to them again opens it rather than a second one."""
    if contact_id is None:
        return None
    about = N.c.application_id.is_(None) if application_id is None else N.c.application_id == application_id
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(N)
            .where(about, N.c.contact_id == contact_id, N.c.kind == kind, N.c.sent_on.is_(None))
            .order_by(N.c.id.desc())
            .limit(1)
        ).first()
    if row is None:
        return None
    return {"id": row.id, "subject": row.subject or "", "body": row.body, "stamp": _stamp(row)}


def note_stamp(engine: Engine, note_id: int) -> str | None:
    """The note's stamp now (None: no such note), for `save_note(..., seen=)`."""
    with engine.connect() as connection:
        row = connection.execute(sa.select(N.c.updated_at, N.c.created_at).where(N.c.id == note_id)).first()
    return _stamp(row) if row is not None else None


def mark_note_sent(engine: Engine, note_id: int, day: dt.date, asked_feedback: bool = False) -> None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(N).where(N.c.id == note_id)).first()
    if row is None:
        raise StoreError("That note no longer exists.")
    values = {k: row._mapping[k] for k in NoteIn.model_fields}
    values["sent_on"] = day
    save_note(engine, NoteIn(**values), note_id, asked_feedback)


def delete_note(engine: Engine, note_id: int) -> None:
    with db.transaction(engine) as connection:
        connection.execute(sa.delete(N).where(N.c.id == note_id))


def notes_for(engine: Engine, application_id: int) -> pd.DataFrame:
    """The notes of one application, newest first (its follow-up history)."""
    return read_frame(
        engine,
        sa.select(N)
        .where(N.c.application_id == application_id)
        .order_by(N.c.created_at.desc(), N.c.id.desc()),
    )


def get_signature(engine: Engine) -> str:
    with engine.connect() as connection:
        return (
            connection.execute(
                sa.select(db.settings.c.value).where(db.settings.c.key == SIGNATURE_KEY)
            ).scalar()
            or ""
        )


def set_signature(engine: Engine, name: str) -> None:
    name = squash(name)[:200]
    with db.transaction(engine) as connection:
        connection.execute(sa.delete(db.settings).where(db.settings.c.key == SIGNATURE_KEY))
        if name:
            connection.execute(sa.insert(db.settings).values(key=SIGNATURE_KEY, value=name))


# --- feedback ----------------------------------------------------------------------------------


def _check_feedback(connection: Connection, item: FeedbackIn) -> None:
    days = [d for d in (item.asked_on, item.received_on) if d is not None]
    applied_on = applied_on_by(connection, item.application_id, min(days, default=None), "application_id")
    for field, what in (("asked_on", "You can't ask"), ("received_on", "An answer can't come")):
        day = getattr(item, field)
        if day is not None and day < applied_on:
            raise StoreError(f"{what} before the application ({applied_on:%d %b %Y}).", field=field)
    if item.asked_on and item.received_on and item.received_on < item.asked_on:
        raise StoreError("The answer can't come before you asked.", field="received_on")
    if not (item.asked_on or item.received_on or item.text):
        raise StoreError("Say when you asked, or what they said.", field="asked_on")
    if item.asked_on and item.text and not item.received_on:  # else it waits for an answer it has
        raise StoreError(
            "When did their answer come? What they said is filled in (leave it empty while you wait).",
            field="received_on",
        )


def _clean_themes(themes: list[str]) -> list[str]:
    seen: list[str] = []
    for theme in themes:
        theme = squash(theme)[:80]
        if theme and theme.casefold() not in {t.casefold() for t in seen}:
            seen.append(theme)
    return seen


def add_feedback(engine: Engine, item: FeedbackIn) -> int:
    """Add feedback; an answer from someone asked before (for the same application, still waiting)
    fills in that request rather than making a second entry that leaves the first waiting."""
    with db.transaction(engine) as connection:
        _check_feedback(connection, item)
        values = item.model_dump() | {"themes": _clean_themes(item.themes)}
        waiting = _waiting_request(connection, item) if item.received_on is not None else None
        if waiting is None or item.received_on < waiting.asked_on:  # before the ask: its own entry
            return connection.execute(sa.insert(F).values(**values)).inserted_primary_key[0]
        answer = {k: values[k] for k in ("received_on", "text", "themes")}
        connection.execute(sa.update(F).where(F.c.id == waiting.id).values(**answer))
        return waiting.id


def _waiting_request(connection: Connection, item: FeedbackIn) -> Any:
    """The oldest request to the same person about the same application with no answer yet."""
    same_person = F.c.contact_id.is_(None) if item.contact_id is None else F.c.contact_id == item.contact_id
    return connection.execute(
        sa.select(F.c.id, F.c.asked_on)
        .where(
            F.c.application_id == item.application_id,
            same_person,
            F.c.asked_on.is_not(None),  # asked, and waiting (a note of what was said has no ask)
            F.c.received_on.is_(None),
        )
        .order_by(F.c.asked_on, F.c.id)
        .limit(1)
    ).first()


def update_feedback(engine: Engine, feedback_id: int, item: FeedbackIn) -> None:
    with db.transaction(engine) as connection:
        _check_feedback(connection, item)
        values = item.model_dump() | {"themes": _clean_themes(item.themes)}
        connection.execute(sa.update(F).where(F.c.id == feedback_id).values(**values))


def delete_feedback(engine: Engine, feedback_id: int) -> None:
    with db.transaction(engine) as connection:
        connection.execute(sa.delete(F).where(F.c.id == feedback_id))
        forget_states_of_gone_rows(connection)


def load_feedback(engine: Engine, application_id: int | None = None) -> pd.DataFrame:
    """All feedback (or one application's) with its company, role and person; newest asked first."""
    query = (
        sa.select(F, C.c.name.label("company"), A.c.role, P.c.name.label("contact_name"))
        .join(A, A.c.id == F.c.application_id)
        .join(C, C.c.id == A.c.company_id)
        .outerjoin(P, P.c.id == F.c.contact_id)
        .order_by(sa.func.coalesce(F.c.asked_on, F.c.received_on).desc(), F.c.id.desc())
    )
    if application_id is not None:
        query = query.where(F.c.application_id == application_id)
    return read_frame(engine, query)


# --- what the composer knows about one application ---------------------------------------------


def application_choices(engine: Engine, limit: int = 300) -> pd.DataFrame:
    """The most recently active applications (id, company, role, last_activity) for pickers."""
    last = (
        sa.select(E.c.application_id, sa.func.max(E.c.occurred_on).label("last_event"))
        .group_by(E.c.application_id)
        .subquery()
    )
    activity = sa.func.coalesce(last.c.last_event, A.c.applied_on)
    return read_frame(
        engine,
        sa.select(A.c.id, C.c.name.label("company"), A.c.role, activity.label("last_activity"))
        .join(C, C.c.id == A.c.company_id)
        .outerjoin(last, last.c.application_id == A.c.id)
        .order_by(activity.desc(), A.c.id.desc())
        .limit(limit),
    )


def _merged(answer_rows: list[dict]) -> dict[str, Any]:
    """Answers of several questionnaires, oldest first: the latest non-empty answer wins."""
    merged: dict[str, Any] = {}
    for answers in answer_rows:
        for key, value in (answers or {}).items():
            if value not in (None, "", [], {}):
                merged[key] = value
    return merged


def compose_facts(engine: Engine, application_id: int) -> dict[str, Any] | None:
    """Everything known about an application that a note can use: company, role, dates of the
    last interview and the rejection, debrief and reflection answers, the pause, the earlier
    application it re-applies after."""
    with engine.connect() as connection:
        app = connection.execute(
            sa.select(
                A.c.id,
                A.c.role,
                A.c.company_id,
                A.c.reapplication_of,
                A.c.reapply_reason,
                C.c.name.label("company"),
            )
            .join(C, C.c.id == A.c.company_id)
            .where(A.c.id == application_id)
        ).first()
        if app is None:
            return None
        events = connection.execute(
            sa.select(E.c.kind, E.c.occurred_on, E.c.date_known, from_invitation(E.c.id).label("invitation"))
            .where(E.c.application_id == application_id)
            .order_by(E.c.occurred_on)
        ).all()
        interviews = connection.execute(
            sa.select(I.c.occurred_on, I.c.answers)
            .where(I.c.application_id == application_id)
            .order_by(I.c.occurred_on, I.c.id)
        ).all()
        reflections = connection.execute(
            sa.select(R.c.answers, R.c.pause_until)
            .where(R.c.application_id == application_id, R.c.bank == "rejection")
            .order_by(R.c.created_at, R.c.id)
        ).all()
        earlier_role = None
        if app.reapplication_of:
            earlier_role = connection.execute(
                sa.select(A.c.role).where(A.c.id == app.reapplication_of)
            ).scalar()
    # an invitation email's day is not the interview's: the interview's date is then unknown
    interview_days = [
        e.occurred_on for e in events if e.kind in INTERVIEW_KINDS and e.date_known and not e.invitation
    ]
    interview_days += [i.occurred_on for i in interviews if i.occurred_on]
    # what the latest round was, for "Final round: 8 days ago" (it said "Interview" of a final round)
    rounds = [
        (e.occurred_on, vocab.STAGE_RANK.get(e.kind, 0), e.kind)
        for e in events
        if e.kind in INTERVIEW_KINDS and e.date_known and not e.invitation
    ]
    latest_round = max(rounds)[2] if rounds and max(rounds)[0] == max(interview_days) else "interview"
    ending = next((e for e in reversed(events) if e.kind in vocab.OUTCOMES), None)
    pauses = [r.pause_until for r in reflections if r.pause_until]
    return {
        "application_id": app.id,
        "company": app.company,
        "company_id": app.company_id,
        "role": app.role,
        "interview_on": max(interview_days) if interview_days else None,
        "interview_kind": latest_round,
        "interviewed": bool(interviews) or any(e.kind in INTERVIEW_KINDS for e in events),  # dated or not
        "outcome": ending.kind if ending else vocab.OPEN,
        "ended_on": ending.occurred_on if ending and ending.date_known else None,
        "interview_answers": _merged([i.answers for i in interviews]),
        "reflection_answers": _merged([r.answers for r in reflections]),
        "pause_until": pauses[-1] if pauses else None,
        "earlier_role": earlier_role,
        "reapply_reason": app.reapply_reason,
    }
