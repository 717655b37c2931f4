"""Next actions: one list computed from everything the user owes and is owed.

Pure pandas. Each rule is a function `(facts, today) -> list[Action]` registered with `@rule`;
`facts` is a mapping of frames loaded by lib.store.next_actions.load_facts. Each action has a
stable `rule_key` (e.g. "thank-you:rejected:12"): the next_actions table keeps what the user
decided about it (done, snoozed until a day), so decisions survive recomputation.

Adding a rule: write a function returning Actions from the frames it needs, decorate it with
`@rule`, and, if it needs a frame that is not loaded yet, add it to load_facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lib.follow_up.notes import since_text
from lib.learn.strategy import review_due

THANK_YOU_AFTER = dt.timedelta(hours=24)  # a thank-you unsent this long after the event is due
THANK_YOU_WINDOW_DAYS = 14  # after two weeks a thank-you is no longer timely: the action drops off
FEEDBACK_CHASE_AFTER_DAYS = 7  # feedback asked more than 7 days ago with no answer: chase once
FEEDBACK_CHASE_WINDOW_DAYS = 30  # ... asked longer ago than this, a reminder would be out of the blue
CONNECT_WINDOW_DAYS = 30  # people met in the last 30 days and not connected with
PAUSE_NOTICE_BEFORE_DAYS = 1  # "your pause ends tomorrow" ...
PAUSE_NOTICE_AFTER_DAYS = 2  # ... until two days after it ended
LOOKBACK_DAYS = 60  # how far back load_facts reads events

# Which notes answer which event: a sent note of one of these kinds on or after the event day.
THANKS_FOR = {
    "interview": ("thank-you after interview", "influence letter"),
    "rejected": ("thank-you after rejection", "feedback request", "keep the door open"),
}

# Order on the list: what is most time-sensitive first.
PRIORITY = {"note": 0, "pause": 1, "feedback": 2, "connect": 3, "check-in": 4}

Facts = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Action:
    rule_key: str
    kind: str  # note, feedback, check-in, connect, pause (or a later rule's own)
    title: str
    detail: str
    due_on: dt.date
    application_id: int | None = None
    contact_id: int | None = None
    target: str | None = None  # the page that acts on it: compose, feedback, network
    params: dict[str, str] = field(default_factory=dict)

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


# --- the rules ---------------------------------------------------------------------------------


@rule
def thank_you_notes(facts: Facts, today: dt.date) -> list[Action]:
    """A thank-you unsent 24 hours after an interview or a rejection that came after an interview
    (only the latest event per application counts; a rejection supersedes the interview before
    it). While a pause set after the rejection runs, the note waits until the pause ends."""
    events = _frame(facts, "events")
    if events.empty:
        return []
    events = events[events["kind"].isin(["interview", "final", "rejected"])].copy()
    if "interviewed" in events:  # a rejection of the application alone asks for no thank-you
        events = events[(events["kind"] != "rejected") | events["interviewed"].astype(bool)]
    events["day"] = _dates(events["occurred_on"])
    events["event"] = events["kind"].replace({"final": "interview"})
    window_start = pd.Timestamp(today - dt.timedelta(days=THANK_YOU_WINDOW_DAYS))
    due_by = pd.Timestamp(today) - pd.Timedelta(THANK_YOU_AFTER)
    events = events[(events["day"] >= window_start)]
    if events.empty:
        return []
    events["rank"] = (events["event"] == "rejected").astype(int)
    latest = events.sort_values(["day", "rank"]).groupby("application_id").tail(1)
    latest = latest[latest["day"] <= due_by]
    notes = _frame(facts, "notes")
    if not latest.empty and not notes.empty:
        # Drop events already answered: a sent note of a fitting kind on or after the event day.
        fitting = pd.DataFrame(
            [(e, k) for e, kinds in THANKS_FOR.items() for k in kinds], columns=["event", "kind"]
        )
        sent = notes.dropna(subset=["sent_on"])[["application_id", "kind", "sent_on"]]
        pairs = (
            latest[["application_id", "event", "day"]]
            .merge(fitting, on="event")
            .merge(sent, on=["application_id", "kind"])
        )
        answered = pairs.loc[_dates(pairs["sent_on"]) >= pairs["day"], "application_id"]
        latest = latest[~latest["application_id"].isin(answered)]
    pauses = _frame(facts, "pauses")
    pause_end = {}
    if not pauses.empty:
        pause_end = pauses.groupby("application_id")["pause_until"].max().map(_day).to_dict()

    actions = []
    for row in latest.itertuples():
        event_day = row.day.date()
        due = event_day + dt.timedelta(days=1)
        rejected = row.event == "rejected"
        paused_until = pause_end.get(row.application_id) if rejected else None
        if paused_until and paused_until > today:
            continue
        if paused_until:
            due = max(due, paused_until)
        what = "the rejection" if rejected else "the interview"
        actions.append(
            Action(
                rule_key=f"thank-you:{row.event}:{row.application_id}:{event_day.isoformat()}",
                kind="note",
                title=f"Send a thank-you to {row.company} ({row.role})",
                detail=f"{what.capitalize()} was {since_text(event_day, today)}; a short, specific thank-you keeps the door open.",
                due_on=due,
                application_id=int(row.application_id),
                target="compose",
                params={
                    "app": str(row.application_id),
                    "kind": "thank-you after rejection" if rejected else "thank-you after interview",
                },
            )
        )
    return actions


@rule
def feedback_to_chase(facts: Facts, today: dt.date) -> list[Action]:
    """Feedback asked more than 7 days (and at most 30 days) ago with no answer yet: chase it
    once, politely."""
    feedback = _frame(facts, "feedback")
    if feedback.empty:
        return []
    waiting = feedback[feedback["received_on"].isna() & feedback["asked_on"].notna()].copy()
    waiting["asked"] = _dates(waiting["asked_on"])
    waiting = waiting[waiting["asked"] < pd.Timestamp(today - dt.timedelta(days=FEEDBACK_CHASE_AFTER_DAYS))]
    waiting = waiting[waiting["asked"] >= pd.Timestamp(today - dt.timedelta(days=FEEDBACK_CHASE_WINDOW_DAYS))]
    actions = []
    for row in waiting.itertuples():
        asked = row.asked.date()
        who = f" from {row.contact_name}" if isinstance(row.contact_name, str) and row.contact_name else ""
        actions.append(
            Action(
                rule_key=f"feedback:{row.id}",
                kind="feedback",
                title=f"Chase the feedback{who} at {row.company}",
                detail=f"You asked {since_text(asked, today)} ({row.role}). One polite reminder is fine; no answer costs nothing.",
                due_on=asked + dt.timedelta(days=FEEDBACK_CHASE_AFTER_DAYS + 1),
                application_id=int(row.application_id),
                contact_id=None if pd.isna(row.contact_id) else int(row.contact_id),
                target="compose",
                params={"app": str(row.application_id), "kind": "feedback request"},
            )
        )
    return actions


@rule
def check_ins_due(facts: Facts, today: dt.date) -> list[Action]:
    """A contact's next check-in is today or past. The key carries the date, so setting a new
    check-in date brings the action back."""
    contacts = _frame(facts, "contacts")
    if contacts.empty:
        return []
    due = contacts[_dates(contacts["next_checkin_on"]) <= pd.Timestamp(today)]
    actions = []
    for row in due.itertuples():
        day = _day(row.next_checkin_on)
        at = f" ({row.company})" if isinstance(row.company, str) else ""
        last = _day(row.last_contact_on)
        actions.append(
            Action(
                rule_key=f"check-in:{row.id}:{day.isoformat()}",
                kind="check-in",
                title=f"Check in with {row.name}{at}",
                detail=f"Planned for {day:%d %b %Y}; last contact {since_text(last, today) if last else 'not recorded'}.",
                due_on=day,
                contact_id=int(row.id),
                target="compose",
                params={"contact": str(row.id), "kind": "contact check-in"},
            )
        )
    return actions


@rule
def people_to_connect(facts: Facts, today: dt.date) -> list[Action]:
    """People met in the last 30 days whom you have not connected with yet."""
    contacts = _frame(facts, "contacts")
    if contacts.empty:
        return []
    met = _dates(contacts["met_on"])
    fresh = contacts[
        met.notna()
        & contacts["connected_on"].isna()
        & (met >= pd.Timestamp(today - dt.timedelta(days=CONNECT_WINDOW_DAYS)))
        & (met <= pd.Timestamp(today))
    ]
    actions = []
    for row in fresh.itertuples():
        met_on = _day(row.met_on)
        at = f" ({row.role}, {row.company})" if isinstance(row.company, str) else f" ({row.role})"
        actions.append(
            Action(
                rule_key=f"connect:{row.id}",
                kind="connect",
                title=f"Connect with {row.name}{at}",
                detail=f"You met {since_text(met_on, today)}. A short personal note with the request helps.",
                due_on=met_on,
                contact_id=int(row.id),
                target="network",
                params={"contact": str(row.id)},
            )
        )
    return actions


@rule
def pauses_ending(facts: Facts, today: dt.date) -> list[Action]:
    """A pause set after a rejection ends tomorrow, today, or ended in the last two days."""
    pauses = _frame(facts, "pauses")
    if pauses.empty:
        return []
    actions = []
    for row in pauses.dropna(subset=["pause_until"]).itertuples():
        end = _day(row.pause_until)
        if not (
            end - dt.timedelta(days=PAUSE_NOTICE_BEFORE_DAYS)
            <= today
            <= end + dt.timedelta(days=PAUSE_NOTICE_AFTER_DAYS)
        ):
            continue
        when = {0: "ends today", 1: "ends tomorrow"}.get(
            (end - today).days, f"ended {since_text(end, today)}"
        )
        actions.append(
            Action(
                rule_key=f"pause:{row.application_id}:{end.isoformat()}",
                kind="pause",
                title=f"Your pause after {row.company} {when}",
                detail="When you feel ready: look back at what happened, then write the follow-up.",
                due_on=end,
                application_id=int(row.application_id),
                target="compose",
                params={"app": str(row.application_id)},
            )
        )
    return actions


@rule
def strategy_review_due(facts: Facts, today: dt.date) -> list[Action]:
    """The strategy review, every two weeks (lib.strategy.review_due); the first one once there
    are applications to look back on."""
    reviews = _frame(facts, "strategy_reviews")
    if reviews.empty or not reviews["applications"].iloc[0]:
        return []
    last = _day(reviews["last_review_at"].iloc[0])
    due = review_due(last, today)
    if due > today:
        return []
    return [
        Action(
            rule_key=f"strategy-review:{due.isoformat()}",
            kind="review",
            title="Review your strategy",
            detail=(
                f"Your last review was {since_text(last, today)}." if last else "You haven't done one yet."
            )
            + " What do you want, are you on track, which companies do you aim at next?",
            due_on=due,
            target="strategy",
        )
    ]


# --- the list ----------------------------------------------------------------------------------


def compute(facts: Facts, today: dt.date, states: pd.DataFrame | None = None) -> list[Action]:
    """Every open action, most time-sensitive first: rules' actions minus those marked done or
    snoozed past today."""
    actions = [action for func in RULES for action in func(facts, today)]
    hidden: set[str] = set()
    if states is not None and not states.empty:
        done = states["status"] == "done"
        snoozed = (states["status"] == "snoozed") & (_dates(states["snoozed_until"]) > pd.Timestamp(today))
        hidden = set(states.loc[done | snoozed, "rule_key"])
    open_actions = [a for a in actions if a.rule_key not in hidden]
    return sorted(open_actions, key=lambda a: (a.priority, a.due_on, a.rule_key))


def as_frame(actions: list[Action]) -> pd.DataFrame:
    columns = ["rule_key", "kind", "title", "detail", "due_on", "application_id", "contact_id"]
    return pd.DataFrame([{c: getattr(a, c) for c in columns} for a in actions], columns=columns)


# The practices' rules (planned slots, don't coast, a setback plan) register themselves on import.
from lib.follow_up import practice_rules  # noqa: E402, F401
