"""A next-action state goes with the row it names: SQLite gives a deleted row's id to the next row
added, and a state left behind hid the new row's nudge."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lib.core.models import ApplicationIn, ContactIn
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import next_actions as action_store
from lib.store.gone_rows import KEYED_BY, named_row

ROOT = Path(__file__).resolve().parents[3]
KEYS_NAMING_NO_ROW = {"keep-going", "plan-slot", "strategy-review"}  # a day or a plan: never deleted


def _states(engine) -> dict[str, str]:
    states = action_store.action_states(engine)
    return dict(zip(states["rule_key"], states["status"]))


def test_a_deleted_person_takes_their_states_and_the_next_person_with_their_id_starts_clean(engine):
    first = contact_store.add_contact(engine, ContactIn(name="Sam Lee"))
    action_store.set_action_state(engine, f"connect:{first}", "done")
    action_store.set_action_state(
        engine, f"check-in:{first}:2026-11-02", "snoozed", snoozed_until=dt.date.today()
    )
    kept = contact_store.add_contact(engine, ContactIn(name="Ana Ruiz"))
    action_store.set_action_state(engine, f"connect:{kept}", "done")
    action_store.set_action_state(engine, "strategy-review:2026-11-30", "done")

    contact_store.delete_contact(engine, kept)  # the newest: its id is given again
    again = contact_store.add_contact(engine, ContactIn(name="Jo Park"))
    assert again == kept
    assert _states(engine) == {
        f"connect:{first}": "done",
        f"check-in:{first}:2026-11-02": "snoozed",
        "strategy-review:2026-11-30": "done",
    }


def test_a_deleted_application_takes_its_states_with_it(engine):
    today = dt.date.today()
    app = app_store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=today))
    other = app_store.add_application(engine, ApplicationIn(company="Beta", role="Analyst", applied_on=today))
    for key in (f"setback-plan:{app}", f"thank-you:interview:{app}:{today}", f"offer:{app}:{today}"):
        action_store.set_action_state(engine, key, "done")
    action_store.set_action_state(engine, f"setback-plan:{other}", "done")
    app_store.delete_application(engine, app)
    assert _states(engine) == {f"setback-plan:{other}": "done"}


def test_every_rule_key_that_names_a_row_is_known():
    """A new rule keyed by a row's id must say which table: else its states outlive the row."""
    made = set()
    for path in (ROOT / "lib" / "follow_up").glob("*.py"):
        made |= set(re.findall(r'rule_key=f"([a-z-]+):', path.read_text()))
    assert made, "no rule keys found: the pattern no longer matches the rules"
    assert made - KEYS_NAMING_NO_ROW == set(KEYED_BY)
    assert named_row("thank-you:interview:12:2026-01-05")[1] == 12
    assert named_row("connect:oops") is None and named_row("manual:call Sam") is None
