"""Next actions: one list computed from everything the user owes and is owed.

Pure pandas. Each rule is a function `(facts, today) -> list[Action]` registered with `@rule`;
`facts` is a mapping of frames loaded by lib.store.next_actions.load_facts. Each action has a
stable `rule_key` (e.g. "thank-you:rejected:12"): the next_actions table keeps what the user
decided about it (done, snoozed until a day), so decisions survive recomputation.

Adding a rule: write a function returning Actions from the frames it needs, decorate it with
`@rule`, and, if it needs a frame that is not loaded yet, add it to load_facts. The list's own
rules are in lib.follow_up.action_rules, the practices' in lib.follow_up.practice_rules.

Kind to the person: no action is ever "overdue" (`when_text`), and while a pause runs `calm` holds
back everything but what cannot wait (an interview in the next days, an offer waiting).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

THANK_YOU_AFTER = dt.timedelta(hours=24)  # a thank-you unsent this long after the event is due
THANK_YOU_WINDOW_DAYS = 14  # after two weeks a thank-you is no longer timely: the action drops off
FEEDBACK_CHASE_AFTER_DAYS = 7  # feedback asked more than 7 days ago with no answer: chase once
FEEDBACK_CHASE_WINDOW_DAYS = 30  # ... asked longer ago than this, a reminder would be out of the blue
CONNECT_WINDOW_DAYS = 30  # people met in the last 30 days and not connected with
LOOK_BACK_WINDOW_DAYS = 30  # a look back is offered for a month after its pause ended
UPCOMING_DAYS = 3  # an interview in the next three days cannot wait, even during a pause
LOOKBACK_DAYS = 60  # how far back load_facts reads events

# Which notes answer which event: a sent note of one of these kinds on or after the event day.
THANKS_FOR = {
    "interview": ("thank-you after interview", "influence letter"),
    "rejected": ("thank-you after rejection", "feedback request", "keep the door open"),
}

# Order on the list: what is most time-sensitive first.
PRIORITY = {"interview": 0, "offer": 1, "note": 2, "reflect": 3, "feedback": 4, "connect": 5, "check-in": 6}
URGENT = ("interview", "offer")  # what cannot wait: shown even while a pause runs

Facts = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Action:
    rule_key: str
    kind: str  # interview, offer, note, reflect, feedback, check-in, connect (or a later rule's own)
    title: str
    detail: str
    due_on: dt.date
    application_id: int | None = None
    contact_id: int | None = None
    target: str | None = None  # the page that acts on it: compose, feedback, network
    params: dict[str, str] = field(default_factory=dict)
    held_until: dt.date | None = None  # set while a pause runs: the action comes back on this day

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.kind, len(PRIORITY))


RULES: list[Callable[[Facts, dt.date], list[Action]]] = []


def rule(func: Callable[[Facts, dt.date], list[Action]]) -> Callable[[Facts, dt.date], list[Action]]:
    """Register a rule: it will run for every computation of the list."""
    RULES.append(func)
    return func


def _day(value: Any) -> dt.date | None:
    if value is None or (not isinstance(value, (dt.date, str)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return pd.Timestamp(value).date()
    return value


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, errors="coerce")


def _frame(facts: Facts, name: str) -> pd.DataFrame:
    frame = facts.get(name)
    return frame if frame is not None else pd.DataFrame()


def _invitation(frame: pd.DataFrame) -> pd.Series:
    """Which interview events an invitation email recorded: they say an interview was offered on
    that day, not that it took place then. A frame without the column has none."""
    if "invitation" not in frame:
        return pd.Series(False, index=frame.index)
    return frame["invitation"].fillna(False).astype(bool)


def _dated(frame: pd.DataFrame) -> pd.Series:
    """Which rows' dates are known: an event with `date_known` false (an imported status, a stage a
    rejection implied) has a day that only keeps it in order, never one to count from or announce.
    A frame without the column is all dated."""
    if "date_known" not in frame:
        return pd.Series(True, index=frame.index)
    return frame["date_known"].fillna(False).astype(bool)


# --- the list ----------------------------------------------------------------------------------


def compute(facts: Facts, today: dt.date, states: pd.DataFrame | None = None) -> list[Action]:
    """Every open action, most time-sensitive first: rules' actions minus those marked done or
    snoozed past today."""
    return sort_out(facts, today, states)[0]


def sort_out(
    facts: Facts, today: dt.date, states: pd.DataFrame | None = None
) -> tuple[list[Action], list[tuple[Action, dt.date]]]:
    """The open actions (as `compute`) and the snoozed ones with the day each comes back, soonest
    first: a list emptied by snoozing says so, not "nothing owed"."""
    actions = [action for func in RULES for action in func(facts, today)]
    done: set[str] = set()
    until: dict[str, dt.date] = {}
    if states is not None and not states.empty:
        done = set(states.loc[states["status"] == "done", "rule_key"])
        days = _dates(states["snoozed_until"])
        later = (states["status"] == "snoozed") & (days > pd.Timestamp(today))
        until = dict(zip(states.loc[later, "rule_key"], days[later].dt.date))
    open_actions = [a for a in actions if a.rule_key not in done and a.rule_key not in until]
    snoozed = [(a, until[a.rule_key]) for a in actions if a.rule_key not in done and a.rule_key in until]
    return (
        sorted(open_actions, key=lambda a: (a.priority, a.due_on, a.rule_key)),
        sorted(snoozed, key=lambda pair: (pair[1], pair[0].priority, pair[0].rule_key)),
    )


def as_frame(actions: list[Action]) -> pd.DataFrame:
    columns = ["rule_key", "kind", "title", "detail", "due_on", "application_id", "contact_id"]
    return pd.DataFrame([{c: getattr(a, c) for c in columns} for a in actions], columns=columns)


def back_on(day: dt.date, today: dt.date, on: str = "on") -> str:
    """When something held by the pause comes back: "later today", "tomorrow", "on Tue 08 Dec"
    (`on`: the word before a date, "from" in a list)."""
    if day <= today:
        return "later today"
    return "tomorrow" if day == today + dt.timedelta(days=1) else f"{on} {day:%a %d %b}"


def when_text(action: Action, today: dt.date) -> str:
    """How the list says when: never "overdue" — "due 4 Dec", "today", or "when you're ready"."""
    if action.held_until:
        return f"after your pause, {back_on(action.held_until, today, on='from')}"
    if action.due_on > today:
        return f"due {action.due_on:%d %b}"
    if action.due_on == today:
        return "today"
    return "when you're ready"


def when_suffix(action: Action, today: dt.date) -> str:
    """When, for the line under the title, unless the title ends with it already ("Interview at
    Acme today", "Look back at Acme when you're ready"). Only the end counts, as written (lower
    case): "Check in with Carol Today" lost its "(today)" to her name."""
    when = when_text(action, today)
    return "" if action.title.endswith(f" {when}") else when


def calm(
    actions: list[Action], pause_ends: dt.datetime | None, today: dt.date
) -> tuple[list[Action], list[Action]]:
    """While a pause runs (it ends after now), only what cannot wait is shown; everything else is
    held and comes back dated the day the pause ends. Returns (shown, held)."""
    if pause_ends is None:
        return actions, []
    back_on = max(pause_ends.date(), today)
    shown = [a for a in actions if a.kind in URGENT]
    held = [
        replace(a, held_until=back_on, due_on=max(a.due_on, back_on)) for a in actions if a.kind not in URGENT
    ]
    return shown, held


# The rules register themselves on import: the list's own, and the practices' (planned slots,
# don't coast, a setback plan).
from lib.follow_up import action_rules, pause_rules, practice_rules  # noqa: E402, F401
from lib.follow_up.action_rules import (  # noqa: E402, F401
    check_ins_due,
    feedback_to_chase,
    people_to_connect,
    strategy_review_due,
    thank_you_notes,
)
from lib.follow_up.pause_rules import interviews_coming, look_back, offers_waiting  # noqa: E402, F401
