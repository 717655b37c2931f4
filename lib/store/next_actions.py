"""What the next-action rules read (lib.next_actions), and what the user decided about actions."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.core import db, vocab
from lib.store import plans as plan_store
from lib.store.applications import from_invitation
from lib.store.base import read_frame

A, C, E = db.applications, db.companies, db.stage_events
P, N, F, R, X = db.contacts, db.follow_up_notes, db.feedback, db.reflections, db.next_actions

STATUSES = ("open", "done", "snoozed")
E2 = E.alias("later")
ENDINGS = ("accepted", "declined", "withdrawn", "rejected", "ghosted")


def load_facts(engine: Engine, since: dt.date) -> dict[str, pd.DataFrame]:
    """The frames the rules need. Events are read from `since` on (rules only look at recent
    ones); notes only when sent; feedback only when still unanswered."""
    company_role = (C.c.name.label("company"), A.c.role)
    earlier = E.alias("earlier")
    interviewed = (
        sa.select(earlier.c.id)
        .where(earlier.c.application_id == E.c.application_id, earlier.c.kind.in_(("interview", "final")))
        .exists()
    )
    ending = E.alias("ending")
    ended = (
        sa.select(ending.c.id)
        .where(
            ending.c.application_id == E.c.application_id, ending.c.kind.in_((*vocab.OUTCOMES, "accepted"))
        )
        .exists()
    )
    # a debrief of the round saved: the interview is over (Home stops announcing it as coming)
    debriefed = sa.select(db.interviews.c.id).where(db.interviews.c.stage_event_id == E.c.id).exists()
    return {
        "events": read_frame(
            engine,
            sa.select(
                E.c.id,
                E.c.application_id,
                E.c.kind,
                E.c.occurred_on,
                interviewed.label("interviewed"),
                ended.label("ended"),  # an interview of an application that has ended is not coming
                debriefed.label("debriefed"),
                from_invitation(E.c.id).label("invitation"),
                *company_role,
            )
            .join(A, A.c.id == E.c.application_id)
            .join(C, C.c.id == A.c.company_id)
            .where(
                E.c.occurred_on >= since, E.c.date_known, E.c.kind.in_(("interview", "final", "rejected"))
            ),
        ),
        "notes": read_frame(
            engine,
            sa.select(N.c.application_id, N.c.contact_id, N.c.kind, N.c.sent_on).where(
                N.c.sent_on.is_not(None)
            ),
        ),
        "feedback": read_frame(
            engine,
            sa.select(
                F.c.id,
                F.c.application_id,
                F.c.contact_id,
                F.c.asked_on,
                F.c.received_on,
                P.c.name.label("contact_name"),
                *company_role,
            )
            .join(A, A.c.id == F.c.application_id)
            .join(C, C.c.id == A.c.company_id)
            .outerjoin(P, P.c.id == F.c.contact_id)
            .where(F.c.received_on.is_(None), F.c.asked_on.is_not(None)),
        ),
        "contacts": read_frame(
            engine,
            sa.select(
                P.c.id,
                P.c.name,
                P.c.role,
                P.c.met_on,
                P.c.connected_on,
                P.c.last_contact_on,
                P.c.next_checkin_on,
                C.c.name.label("company"),
            )
            .outerjoin(C, C.c.id == P.c.company_id)
            .where(sa.or_(P.c.next_checkin_on.is_not(None), P.c.connected_on.is_(None))),
        ),
        "pauses": read_frame(
            engine,
            sa.select(R.c.id, R.c.application_id, R.c.pause_until, R.c.answers, *company_role)
            .join(A, A.c.id == R.c.application_id)
            .join(C, C.c.id == A.c.company_id)
            .where(R.c.pause_until.is_not(None), R.c.pause_until >= since),
        ),
        "strategy_reviews": read_frame(
            engine,
            sa.select(
                sa.func.max(db.strategy_reviews.c.created_at).label("last_review_at"),
                sa.select(sa.func.count(A.c.id)).scalar_subquery().label("applications"),
            ),
        ),
        "offers": _offers(engine, since),
        **plan_store.action_facts(engine, since),  # the practices' rules (lib.follow_up.practice_rules)
    }


def _offers(engine: Engine, since: dt.date) -> pd.DataFrame:
    """Offers since `since`, each with whether the application has ended since (accepted, declined…)."""
    ended = (
        sa.select(E2.c.id)
        .where(E2.c.application_id == E.c.application_id, E2.c.kind.in_(ENDINGS))
        .correlate(E)
        .exists()
    )
    return read_frame(
        engine,
        sa.select(
            E.c.application_id,
            E.c.occurred_on,
            E.c.date_known,
            ended.label("ended"),
            C.c.name.label("company"),
            A.c.role,
        )
        .join(A, A.c.id == E.c.application_id)
        .join(C, C.c.id == A.c.company_id)
        .where(E.c.kind == "offer", E.c.occurred_on >= since),
    )


def action_states(engine: Engine) -> pd.DataFrame:
    """What the user decided: rule_key, status (open, done, snoozed), snoozed_until, done_at."""
    return read_frame(engine, sa.select(X.c.rule_key, X.c.status, X.c.snoozed_until, X.c.done_at, X.c.title))


def set_action_state(
    engine: Engine,
    rule_key: str,
    status: str,
    *,
    title: str | None = None,
    due_on: dt.date | None = None,
    snoozed_until: dt.date | None = None,
    checked_in: tuple[int, dt.date] | None = None,
    connected: tuple[int, dt.date] | None = None,
) -> None:
    """Mark an action done, snoozed (until a day) or open again.

    `connected` (contact id, day), with "done": the "Connect with …" nudge was done, so the person
    reads as connected that day (Network still listed them under "Met, not connected").

    `checked_in` (contact id, day), with "done": a check-in happened that day, so the person's last
    contact becomes that day (a later one is kept) and the check-in planned on or before it is
    cleared; in the same transaction. Done on Home, the person still read "Next check-in: 4 Dec"
    (past) with no last contact."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    values = {
        "status": status,
        "title": title,
        "due_on": due_on,
        "snoozed_until": snoozed_until if status == "snoozed" else None,
        "done_at": dt.datetime.now() if status == "done" else None,
    }
    with db.transaction(engine) as connection:
        updated = connection.execute(sa.update(X).where(X.c.rule_key == rule_key).values(**values))
        if updated.rowcount == 0:
            connection.execute(sa.insert(X).values(rule_key=rule_key, **values))
        if checked_in is not None and status == "done":
            contact_id, day = checked_in
            person = P.c.id == contact_id
            connection.execute(
                sa.update(P)
                .where(person, sa.or_(P.c.last_contact_on.is_(None), P.c.last_contact_on < day))
                .values(last_contact_on=day)
            )
            connection.execute(
                sa.update(P).where(person, P.c.next_checkin_on <= day).values(next_checkin_on=None)
            )
        if connected is not None and status == "done":
            contact_id, day = connected
            connection.execute(
                sa.update(P).where(P.c.id == contact_id, P.c.connected_on.is_(None)).values(connected_on=day)
            )
