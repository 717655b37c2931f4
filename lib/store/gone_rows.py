"""Next-action states of rows that are gone, forgotten with them.

A state ("done", "snoozed") is kept under its rule's key, and most keys name a row by id
("connect:5"). SQLite gives the highest id again once its row is deleted: a state left behind would
then hide the nudge of the next person or application added. Each delete that can take such a row
calls `forget_states_of_gone_rows` in its own transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lib.core import db

X = db.next_actions

# A key's first part -> the table of the row it names, and which ":"-part holds that row's id.
# The keys are made by the rules in lib/follow_up (action_rules, pause_rules, practice_rules).
KEYED_BY: dict[str, tuple[sa.Table, int]] = {
    "look-back": (db.reflections, 1),  # look-back:{reflection}
    "interview-soon": (db.stage_events, 1),  # interview-soon:{event}
    "offer": (db.applications, 1),  # offer:{application}:{day}
    "setback-plan": (db.applications, 1),  # setback-plan:{application}
    "thank-you": (db.applications, 2),  # thank-you:{kind}:{application}:{day}
    "feedback": (db.feedback, 1),  # feedback:{feedback}
    "check-in": (db.contacts, 1),  # check-in:{contact}:{day}
    "connect": (db.contacts, 1),  # connect:{contact}
}


def named_row(rule_key: str) -> tuple[sa.Table, int] | None:
    """The table and id of the row `rule_key` names, or None for a key that names none."""
    parts = rule_key.split(":")
    keyed = KEYED_BY.get(parts[0])
    if keyed is None or len(parts) <= keyed[1] or not parts[keyed[1]].isdigit():
        return None
    return keyed[0], int(parts[keyed[1]])


def forget_states_of_gone_rows(connection: Connection) -> int:
    """Delete the states whose row is gone; returns how many went."""
    named: dict[str, dict[int, list[int]]] = {}  # table -> row id -> state ids
    for state_id, rule_key in connection.execute(sa.select(X.c.id, X.c.rule_key)):
        row = named_row(rule_key)
        if row is not None:
            named.setdefault(row[0].name, {}).setdefault(row[1], []).append(state_id)
    gone: list[int] = []
    for table_name, by_row in named.items():
        table = db.metadata.tables[table_name]
        ids = list(by_row)
        kept = set()
        for start in range(0, len(ids), 500):  # under SQLite's limit of bound values
            chunk = ids[start : start + 500]
            kept |= set(connection.execute(sa.select(table.c.id).where(table.c.id.in_(chunk))).scalars())
        gone += [state for row_id, states in by_row.items() if row_id not in kept for state in states]
    for start in range(0, len(gone), 500):
        connection.execute(sa.delete(X).where(X.c.id.in_(gone[start : start + 500])))
    return len(gone)
