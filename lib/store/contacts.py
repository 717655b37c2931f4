"""The people in the network: who they are, where they work, the interviews they were in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db
from lib.core.models import ContactIn
from lib.search.companies import company_key
from lib.search.people import same_person
from lib.store.applications import company_id_for
from lib.store.base import StoreError, read_frame
from lib.store.gone_rows import forget_states_of_gone_rows

A, C = db.applications, db.companies
P, N = db.contacts, db.follow_up_notes
I, IC = db.interviews, db.interview_contacts


def _contact_values(connection: Connection, contact: ContactIn) -> dict[str, Any]:
    values = contact.model_dump(exclude={"company"})
    values["company_id"] = company_id_for(connection, contact.company) if contact.company else None
    return values


def _check_contact(contact: ContactIn) -> None:
    if contact.met_on and contact.connected_on and contact.connected_on < contact.met_on:
        raise StoreError("You can't connect before you met: check the dates.", field="connected_on")


class AlreadyInNetwork(StoreError):
    """The person is in the network already (same name or email at the same company)."""

    def __init__(self, name: str, existing_id: int):
        super().__init__(f"{name} is already in your network.", field="name")
        self.existing_id = existing_id
        self.existing_name = name


def _same_person(connection: Connection, contact: ContactIn, exclude_id: int | None) -> dict | None:
    key = company_key(contact.company) if contact.company else None
    query = sa.select(P.c.id, P.c.name, P.c.email, C.c.name.label("company")).outerjoin(
        C, C.c.id == P.c.company_id
    )
    here = C.c.name_key == key if key else P.c.company_id.is_(None)
    email = (contact.email or "").strip().casefold()
    query = query.where(sa.or_(here, sa.func.lower(sa.func.trim(P.c.email)) == email) if email else here)
    if exclude_id is not None:
        query = query.where(P.c.id != exclude_id)
    people = [dict(r._mapping) for r in connection.execute(query)]
    return same_person(contact.name, contact.email, contact.company, people)


def find_same_person(engine: Engine, contact: ContactIn, exclude_id: int | None = None) -> dict | None:
    """The person already in the network that `contact` is (id, name, email, company), else None."""
    with engine.connect() as connection:
        return _same_person(connection, contact, exclude_id)


def add_contact(engine: Engine, contact: ContactIn) -> int:
    """Add a person; refused (AlreadyInNetwork) when they are in the network already."""
    _check_contact(contact)
    with db.transaction(engine) as connection:
        existing = _same_person(connection, contact, None)
        if existing is not None:
            raise AlreadyInNetwork(existing["name"], existing["id"])
        return connection.execute(
            sa.insert(P).values(**_contact_values(connection, contact))
        ).inserted_primary_key[0]


def update_contact(engine: Engine, contact_id: int, contact: ContactIn) -> None:
    _check_contact(contact)
    with db.transaction(engine) as connection:
        existing = _same_person(connection, contact, contact_id)
        if existing is not None:
            raise AlreadyInNetwork(existing["name"], existing["id"])
        connection.execute(
            sa.update(P).where(P.c.id == contact_id).values(**_contact_values(connection, contact))
        )


def delete_contact(engine: Engine, contact_id: int) -> None:
    """Delete a person; notes and feedback linked to them stay, without the link."""
    with db.transaction(engine) as connection:
        connection.execute(sa.delete(P).where(P.c.id == contact_id))
        forget_states_of_gone_rows(connection)


def mark_connected(engine: Engine, contact_id: int, day: dt.date) -> None:
    with db.transaction(engine) as connection:
        connection.execute(sa.update(P).where(P.c.id == contact_id).values(connected_on=day))


def _contact_select() -> sa.Select:
    return sa.select(P, C.c.name.label("company")).outerjoin(C, C.c.id == P.c.company_id)


def get_contact(engine: Engine, contact_id: int) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(_contact_select().where(P.c.id == contact_id)).first()
    return dict(row._mapping) if row else None


def load_contacts(engine: Engine) -> pd.DataFrame:
    """Every person with their company name, most recently met first."""
    return read_frame(
        engine,
        _contact_select().order_by(
            sa.func.coalesce(P.c.met_on, sa.func.date(P.c.created_at)).desc(), P.c.id.desc()
        ),
    )


def application_links(engine: Engine) -> pd.DataFrame:
    """(contact_id, application_id) for each person tied to an application: in one of its
    debriefs, or the one a note or a feedback request went to."""
    F = db.feedback
    linked = sa.union(
        sa.select(IC.c.contact_id, I.c.application_id).join(I, I.c.id == IC.c.interview_id),
        sa.select(N.c.contact_id, N.c.application_id).where(
            N.c.contact_id.is_not(None), N.c.application_id.is_not(None)
        ),
        sa.select(F.c.contact_id, F.c.application_id).where(F.c.contact_id.is_not(None)),
    )
    return read_frame(engine, sa.select(linked.subquery()))


def people_at(engine: Engine, company_id: int | None) -> list[dict[str, Any]]:
    """The people at one company (or, with None, everyone), by name."""
    query = _contact_select().order_by(P.c.name)
    if company_id is not None:
        query = query.where(P.c.company_id == company_id)
    with engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(query.limit(500))]


def interviews_at(engine: Engine, company_id: int) -> pd.DataFrame:
    """Debriefed interviews at a company, for linking the people who were in them."""
    return read_frame(
        engine,
        sa.select(I.c.id, I.c.occurred_on, I.c.round_type, A.c.role)
        .join(A, A.c.id == I.c.application_id)
        .where(A.c.company_id == company_id)
        .order_by(I.c.occurred_on.desc()),
    )


def link_interview(engine: Engine, contact_id: int, interview_id: int) -> None:
    with db.transaction(engine) as connection:
        exists = connection.execute(
            sa.select(IC.c.contact_id).where(IC.c.contact_id == contact_id, IC.c.interview_id == interview_id)
        ).first()
        if not exists:
            connection.execute(sa.insert(IC).values(contact_id=contact_id, interview_id=interview_id))


def contact_interviews(engine: Engine, contact_id: int) -> pd.DataFrame:
    """The interviews a person was in (date, round, role)."""
    return read_frame(
        engine,
        sa.select(I.c.id, I.c.application_id, I.c.occurred_on, I.c.round_type, A.c.role)
        .join(IC, IC.c.interview_id == I.c.id)
        .join(A, A.c.id == I.c.application_id)
        .where(IC.c.contact_id == contact_id)
        .order_by(I.c.occurred_on.desc()),
    )


def notes_to(engine: Engine, contact_id: int) -> pd.DataFrame:
    return read_frame(
        engine,
        sa.select(N.c.id, N.c.kind, N.c.subject, N.c.sent_on, N.c.created_at, N.c.application_id)
        .where(N.c.contact_id == contact_id)
        .order_by(N.c.created_at.desc()),
    )
