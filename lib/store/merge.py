"""Merging two companies, or two people, into one: what would move, then the move in one transaction."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db
from lib.store.base import StoreError
from lib.store.gone_rows import forget_states_of_gone_rows

A, C, P = db.applications, db.companies, db.contacts
N, F, I, IC = db.follow_up_notes, db.feedback, db.interviews, db.interview_contacts
S = db.settings

# Names of companies the person said are two companies, though their names read as one (Network's
# merge offer): in the settings table, so the offer stays away on the next visit too.
KEPT_APART_KEY = "companies_kept_apart"
KEPT_APART_MAX = 500  # pairs kept; the oldest go first


def kept_apart(engine: Engine) -> set[frozenset[str]]:
    """The pairs of company names said to be two companies."""
    with engine.connect() as connection:
        raw = connection.execute(sa.select(S.c.value).where(S.c.key == KEPT_APART_KEY)).scalar()
    try:
        pairs = json.loads(raw) if raw else []
    except ValueError:  # a hand-edited value: as if nothing was said
        return set()
    if not isinstance(pairs, list):
        return set()
    return {
        frozenset(pair) for pair in pairs if isinstance(pair, list) and all(isinstance(n, str) for n in pair)
    }


def keep_apart(engine: Engine, first: str, second: str) -> None:
    """Remember that companies `first` and `second` are two companies."""
    pair = sorted((first, second))
    with db.transaction(engine) as connection:
        raw = connection.execute(sa.select(S.c.value).where(S.c.key == KEPT_APART_KEY)).scalar()
        try:
            pairs = [p for p in json.loads(raw or "[]") if p != pair]
        except ValueError:
            pairs = []
        value = json.dumps([*pairs, pair][-KEPT_APART_MAX:])
        connection.execute(sa.delete(S).where(S.c.key == KEPT_APART_KEY))
        connection.execute(sa.insert(S).values(key=KEPT_APART_KEY, value=value))


def _count(connection: Connection, query: sa.Select) -> int:
    return connection.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()


def _row(connection: Connection, table: sa.Table, row_id: int, what: str) -> dict[str, Any]:
    row = connection.execute(sa.select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise StoreError(f"That {what} no longer exists.")
    return dict(row._mapping)


def _joined_text(first: str | None, second: str | None) -> str | None:
    parts = [t for t in (first, second) if t and t.strip()]
    return "\n\n".join(dict.fromkeys(parts)) or None


# --- companies ---------------------------------------------------------------------------------


def _company_moves(connection: Connection, source_id: int) -> dict[str, int]:
    apps = sa.select(A.c.id).where(A.c.company_id == source_id)
    return {
        "applications": _count(connection, apps),
        "contacts": _count(connection, sa.select(P.c.id).where(P.c.company_id == source_id)),
        "notes": _count(connection, sa.select(N.c.id).where(N.c.application_id.in_(apps))),
        "feedback": _count(connection, sa.select(F.c.id).where(F.c.application_id.in_(apps))),
        "debriefs": _count(connection, sa.select(I.c.id).where(I.c.application_id.in_(apps))),
    }


def _check_pair(source_id: int, target_id: int, what: str) -> None:
    if source_id == target_id:
        raise StoreError(f"A {what} can't be merged into itself: pick another one.", field="target")


def company_merge_preview(engine: Engine, source_id: int, target_id: int) -> dict[str, Any]:
    """What merging company `source_id` into `target_id` would move, for the confirmation."""
    _check_pair(source_id, target_id, "company")
    with engine.connect() as connection:
        source = _row(connection, C, source_id, "company")
        target = _row(connection, C, target_id, "company")
        moves = _company_moves(connection, source_id)
    return {
        "source": source["name"],
        "target": target["name"],
        **moves,
        "target_priority": _priority(source["target_priority"], target["target_priority"]),
        "target_priority_now": target["target_priority"],
    }


def _priority(source: int | None, target: int | None) -> int | None:
    """The merged company keeps the higher target priority (1 is high)."""
    kept = [p for p in (source, target) if p is not None]
    return min(kept) if kept else None


def merge_companies(engine: Engine, source_id: int, target_id: int) -> dict[str, Any]:
    """Move everything of company `source_id` (applications with their notes, feedback and debriefs;
    contacts; target priority and reason; website; notes) to `target_id`, then delete it."""
    _check_pair(source_id, target_id, "company")
    with db.transaction(engine) as connection:
        source = _row(connection, C, source_id, "company")
        target = _row(connection, C, target_id, "company")
        moved = _company_moves(connection, source_id)
        connection.execute(sa.update(A).where(A.c.company_id == source_id).values(company_id=target_id))
        connection.execute(sa.update(P).where(P.c.company_id == source_id).values(company_id=target_id))
        connection.execute(
            sa.update(C)
            .where(C.c.id == target_id)
            .values(
                target_priority=_priority(source["target_priority"], target["target_priority"]),
                target_reason=_joined_text(target["target_reason"], source["target_reason"]),
                website=target["website"] or source["website"],
                notes=_joined_text(target["notes"], source["notes"]),
            )
        )
        connection.execute(sa.delete(C).where(C.c.id == source_id))
    return {"source": source["name"], "target": target["name"], **moved}


# --- people ------------------------------------------------------------------------------------


def _person_moves(connection: Connection, source_id: int) -> dict[str, int]:
    return {
        "notes": _count(connection, sa.select(N.c.id).where(N.c.contact_id == source_id)),
        "feedback": _count(connection, sa.select(F.c.id).where(F.c.contact_id == source_id)),
        "interviews": _count(connection, sa.select(IC.c.interview_id).where(IC.c.contact_id == source_id)),
    }


def person_merge_preview(engine: Engine, source_id: int, target_id: int) -> dict[str, Any]:
    _check_pair(source_id, target_id, "person")
    with engine.connect() as connection:
        source = _row(connection, P, source_id, "person")
        target = _row(connection, P, target_id, "person")
        return {"source": source["name"], "target": target["name"], **_person_moves(connection, source_id)}


_EARLIEST = ("met_on", "connected_on")
_LATEST = ("last_contact_on",)
_FILLED = ("email", "phone", "profile_url", "next_checkin_on", "company_id")


def _merged_person(source: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {k: target[k] if target[k] is not None else source[k] for k in _FILLED}
    for key, pick in [(k, min) for k in _EARLIEST] + [(k, max) for k in _LATEST]:
        known = [d for d in (source[key], target[key]) if d is not None]
        values[key] = pick(known) if known else None
    values["notes"] = _joined_text(target["notes"], source["notes"])
    if target["role"] == "other":
        values["role"] = source["role"]
    return values


def merge_people(engine: Engine, source_id: int, target_id: int) -> dict[str, Any]:
    """Move the notes, feedback and interviews of person `source_id` to `target_id`, fill the
    target's empty details from the source, then delete the source: one transaction."""
    _check_pair(source_id, target_id, "person")
    with db.transaction(engine) as connection:
        source = _row(connection, P, source_id, "person")
        target = _row(connection, P, target_id, "person")
        moved = _person_moves(connection, source_id)
        connection.execute(sa.update(N).where(N.c.contact_id == source_id).values(contact_id=target_id))
        connection.execute(sa.update(F).where(F.c.contact_id == source_id).values(contact_id=target_id))
        already = sa.select(IC.c.interview_id).where(IC.c.contact_id == target_id)
        connection.execute(
            sa.update(IC)
            .where(IC.c.contact_id == source_id, IC.c.interview_id.not_in(already))
            .values(contact_id=target_id)
        )
        connection.execute(sa.delete(P).where(P.c.id == source_id))  # its leftover links cascade
        forget_states_of_gone_rows(connection)  # its "connect" and "check-in" states
        connection.execute(sa.update(P).where(P.c.id == target_id).values(**_merged_person(source, target)))
    return {"source": source["name"], "target": target["name"], **moved}
