"""Interview debriefs, with the questions asked and the people met (one transaction per save)."""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher
from types import SimpleNamespace
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lib.core import db
from lib.core.models import DebriefIn
from lib.core.text import fold
from lib.reflect import practice, questionnaires
from lib.store.applications import applied_on_by
from lib.store.base import StoreError, read_frame
from lib.store.rounds import follow_debrief, record_round

A, C, E = db.applications, db.companies, db.stage_events
I, IQ, IC, R = db.interviews, db.interview_questions, db.interview_contacts, db.reflections
P, M, D = db.contacts, db.mood_checkins, db.drafts
K, KR = db.practice_cards, db.practice_reviews


def _drop_draft(connection: Connection, draft_key: str | None) -> None:
    if draft_key:
        connection.execute(sa.delete(D).where(D.c.key == draft_key))


# --- interview debriefs ------------------------------------------------------------------------


class DebriefedAlready(StoreError):
    """A new debrief of a round (same kind, same day) that has one: the person adds to that one."""

    def __init__(self, interview_id: int, round_type: str, day: dt.date) -> None:
        super().__init__(
            f"You debriefed this {round_type} round of {day:%d %b %Y} already: open it to add to it.",
            field="occurred_on",
        )
        self.interview_id = interview_id


NEARLY_THE_SAME = 0.85  # a question's words this alike after an edit: the same question, reworded


def _alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def _cards_of(connection: Connection, interview_id: int) -> list[sa.Row]:
    """(id, question) of the practice cards of an interview's questions."""
    return connection.execute(
        sa.select(K.c.id, IQ.c.question)
        .join(IQ, IQ.c.id == K.c.question_id)
        .where(IQ.c.interview_id == interview_id)
    ).all()


def _keep_cards(connection: Connection, interview_id: int, cards: dict[str, int]) -> None:
    """An edited debrief's questions are written anew: each card goes back to its question, found
    by its words, or by words nearly the same (a typo fixed in the question itself), so its schedule
    and past practice stay; a card whose question went moves to another asking of it, or goes with
    its grades. Before, a typo fixed in "What went well?" reset every card to new."""
    unmatched = []
    for row in connection.execute(
        sa.select(IQ.c.id, IQ.c.question).where(IQ.c.interview_id == interview_id).order_by(IQ.c.position)
    ):
        card_id = cards.pop(fold(row.question), None)
        if card_id is not None:
            connection.execute(sa.update(K).where(K.c.id == card_id).values(question_id=row.id))
        else:
            unmatched.append(row)
    for row in unmatched:  # "conflcit" corrected to "conflict": the same question, its card kept
        near = max(cards, key=lambda words: _alike(words, fold(row.question)), default=None)
        if near is not None and _alike(near, fold(row.question)) >= NEARLY_THE_SAME:
            connection.execute(sa.update(K).where(K.c.id == cards.pop(near)).values(question_id=row.id))
    # a question taken out of the debrief: its card moves to another asking of it, as on a delete
    left = [SimpleNamespace(id=card_id, question=words) for words, card_id in cards.items()]
    if left:
        _move_or_drop_cards(connection, interview_id, left)


def _not_debriefed_already(connection: Connection, debrief: DebriefIn) -> None:
    """Two debriefs of one round listed it twice in the history, the second with no round of its
    own (the message said saving would add one)."""
    earlier = connection.execute(
        sa.select(I.c.id).where(
            I.c.application_id == debrief.application_id,
            I.c.round_type == debrief.round_type,
            I.c.occurred_on == debrief.occurred_on,
        )
    ).scalar()
    if earlier is not None:
        raise DebriefedAlready(earlier, debrief.round_type, debrief.occurred_on)


def save_interview(
    engine: Engine, debrief: DebriefIn, interview_id: int | None = None, draft_key: str | None = None
) -> int:
    """Add (or replace, when `interview_id` is given) a debrief with its questions and people, and
    drop its draft: one transaction. A new debrief also records its round in the stage history
    (screen, interview or final) when it isn't there yet."""
    with db.transaction(engine) as connection:
        applied_on = applied_on_by(connection, debrief.application_id, debrief.occurred_on)
        if debrief.occurred_on < applied_on:
            raise StoreError(
                f"This is before the application date ({applied_on:%d %b %Y}).", field="occurred_on"
            )
        values = dict(
            application_id=debrief.application_id,
            round_type=debrief.round_type,
            occurred_on=debrief.occurred_on,
            format=debrief.format,
            comfort=debrief.comfort,
            bank_version=debrief.bank_version,
        )
        cards: dict[str, int] = {}  # an edit's practice cards, by their question's words
        if interview_id is None:
            _not_debriefed_already(connection, debrief)
            event_id = record_round(
                connection,
                debrief.application_id,
                debrief.round_type,
                debrief.occurred_on,
                debrief.stage_event_id,
            )
            interview_id = connection.execute(
                sa.insert(I).values(**values, answers=debrief.answers, stage_event_id=event_id)
            ).inserted_primary_key[0]
        else:
            old = connection.execute(
                sa.select(I.c.answers, I.c.stage_event_id).where(I.c.id == interview_id)
            ).first()
            if old is None:
                raise StoreError("That debrief no longer exists.")
            follow_debrief(connection, debrief.application_id, old.stage_event_id, debrief.occurred_on)
            answers = questionnaires.merge_retired(questionnaires.INTERVIEW, debrief.answers, old.answers)
            connection.execute(
                sa.update(I)
                .where(I.c.id == interview_id)
                .values(**values, answers=answers, updated_at=dt.datetime.now())
            )
            cards = {fold(row.question): row.id for row in _cards_of(connection, interview_id)}
            connection.execute(sa.delete(IQ).where(IQ.c.interview_id == interview_id))
            connection.execute(sa.delete(IC).where(IC.c.interview_id == interview_id))
        rows = [
            dict(q.model_dump(), interview_id=interview_id, position=position)
            for position, q in enumerate(debrief.questions)
        ]
        if rows:
            connection.execute(sa.insert(IQ), rows)
        if cards:
            _keep_cards(connection, interview_id, cards)
        company_id = connection.execute(
            sa.select(A.c.company_id).where(A.c.id == debrief.application_id)
        ).scalar()
        known = set(
            connection.execute(
                sa.select(P.c.id).where(P.c.id.in_(debrief.contact_ids), P.c.company_id == company_id)
            ).scalars()
        )
        contact_ids = [cid for cid in dict.fromkeys(debrief.contact_ids) if cid in known]
        for person in debrief.new_contacts:
            contact_ids.append(
                connection.execute(
                    sa.insert(P).values(
                        company_id=company_id,
                        name=person.name,
                        role=person.role,
                        email=person.email,
                        met_on=debrief.occurred_on,
                        last_contact_on=debrief.occurred_on,
                    )
                ).inserted_primary_key[0]
            )
        if contact_ids:
            connection.execute(
                sa.insert(IC), [{"interview_id": interview_id, "contact_id": c} for c in contact_ids]
            )
        _drop_draft(connection, draft_key)
    return interview_id


def delete_interview(engine: Engine, interview_id: int) -> None:
    """Delete a debrief with what belongs only to it, in one transaction: its questions, its links
    to the people met, a half-done edit of it, and the practice cards of its questions (with their
    grades). What is shared stays: the people in the contacts, the round in the stage history, and a
    card whose question was also asked (and found hard) at another interview moves to that asking,
    its schedule kept. A debrief that is already gone is a quiet no-op."""
    with db.transaction(engine) as connection:
        if connection.execute(sa.select(I.c.id).where(I.c.id == interview_id)).first() is None:
            return
        cards = _cards_of(connection, interview_id)
        if cards:
            _move_or_drop_cards(connection, interview_id, cards)
        connection.execute(sa.delete(IQ).where(IQ.c.interview_id == interview_id))
        connection.execute(sa.delete(IC).where(IC.c.interview_id == interview_id))
        connection.execute(sa.delete(I).where(I.c.id == interview_id))
        _drop_draft(connection, f"debrief:interview:{interview_id}")


def _move_or_drop_cards(connection: Connection, interview_id: int, cards: list[Any]) -> None:
    """Each card moves to the latest other weak asking of its question (as sync_cards would tie it),
    or goes with its grades when there is none."""
    elsewhere = connection.execute(
        sa.select(IQ.c.id, IQ.c.question)
        .join(I, I.c.id == IQ.c.interview_id)
        .where(
            IQ.c.interview_id != interview_id,
            IQ.c.rating.is_not(None),
            IQ.c.rating <= practice.WEAK_AT,
            IQ.c.id.not_in(sa.select(K.c.question_id).where(K.c.question_id.is_not(None))),
        )
        .order_by(I.c.occurred_on, IQ.c.id)
    ).all()
    latest = {fold(row.question): row.id for row in elsewhere}  # oldest first: the last one wins
    for card in cards:
        if (question_id := latest.pop(fold(card.question), None)) is not None:
            connection.execute(sa.update(K).where(K.c.id == card.id).values(question_id=question_id))
        else:
            connection.execute(sa.delete(KR).where(KR.c.card_id == card.id))
            connection.execute(sa.delete(K).where(K.c.id == card.id))


def get_interview(engine: Engine, interview_id: int) -> dict[str, Any] | None:
    """One debrief with its questions (in order) and the ids of the people met."""
    with engine.connect() as connection:
        row = connection.execute(sa.select(I).where(I.c.id == interview_id)).first()
        if row is None:
            return None
        interview = dict(row._mapping)
        interview["questions"] = [
            dict(r._mapping)
            for r in connection.execute(
                sa.select(IQ.c.category, IQ.c.question, IQ.c.my_answer, IQ.c.rating, IQ.c.better_answer)
                .where(IQ.c.interview_id == interview_id)
                .order_by(IQ.c.position, IQ.c.id)
            )
        ]
        interview["contact_ids"] = list(
            connection.execute(sa.select(IC.c.contact_id).where(IC.c.interview_id == interview_id)).scalars()
        )
    interview["answers"] = interview["answers"] or {}
    return interview


def interviews_for(engine: Engine, application_id: int) -> list[dict[str, Any]]:
    """An application's debriefs, oldest first, each with its questions and the people met."""
    with engine.connect() as connection:
        ids = list(
            connection.execute(
                sa.select(I.c.id)
                .where(I.c.application_id == application_id)
                .order_by(I.c.occurred_on, I.c.id)
            ).scalars()
        )
    debriefs = [get_interview(engine, i) for i in ids]
    names = company_contacts_by_id(engine, [c for d in debriefs for c in d["contact_ids"]])
    for debrief in debriefs:
        debrief["people"] = [names[c] for c in debrief["contact_ids"] if c in names]
    return debriefs


def company_contacts_by_id(engine: Engine, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    with engine.connect() as connection:
        rows = connection.execute(sa.select(P.c.id, P.c.name, P.c.role).where(P.c.id.in_(set(ids)))).all()
    return {r.id: dict(r._mapping) for r in rows}


def contacts_at(engine: Engine, application_id: int) -> pd.DataFrame:
    """The contacts at an application's company (id, name, role), to pick the people met from."""
    company = sa.select(A.c.company_id).where(A.c.id == application_id).scalar_subquery()
    return read_frame(
        engine,
        sa.select(P.c.id, P.c.name, P.c.role).where(P.c.company_id == company).order_by(P.c.name, P.c.id),
    )


def load_questions(engine: Engine) -> pd.DataFrame:
    """Every interview question ever asked, with its interview, application and company."""
    query = (
        sa.select(
            IQ.c.id,
            IQ.c.category,
            IQ.c.question,
            IQ.c.my_answer,
            IQ.c.rating,
            IQ.c.better_answer,
            I.c.id.label("interview_id"),
            I.c.occurred_on,
            I.c.round_type,
            A.c.id.label("application_id"),
            A.c.role,
            C.c.name.label("company"),
        )
        .join(I, I.c.id == IQ.c.interview_id)
        .join(A, A.c.id == I.c.application_id)
        .join(C, C.c.id == A.c.company_id)
        .order_by(I.c.occurred_on.desc(), IQ.c.interview_id, IQ.c.position)
    )
    frame = read_frame(engine, query)
    frame["occurred_on"] = pd.to_datetime(frame["occurred_on"])
    frame["rating"] = pd.to_numeric(frame["rating"], errors="coerce").astype("Int64")
    return frame
