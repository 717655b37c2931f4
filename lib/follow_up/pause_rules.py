"""Next-action rules around a pause: looking back when it has ended, and what cannot wait even
while it runs (an interview in the next days, an offer waiting for an answer)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.follow_up.next_actions import (
    LOOK_BACK_WINDOW_DAYS,
    UPCOMING_DAYS,
    Action,
    Facts,
    _dated,
    _dates,
    _day,
    _frame,
    _invitation,
    rule,
)
from lib.follow_up.notes import since_text
from lib.reflect.rejection import looked_back


@rule
def look_back(facts: Facts, today: dt.date) -> list[Action]:
    """When a pause after a rejection has ended, the reflection is offered, gently, until it is
    written (or for a month). Nothing is offered while the pause still runs."""
    pauses = _frame(facts, "pauses")
    if pauses.empty:
        return []
    clock = pd.Timestamp.now()  # today: the time of day counts (a pause ends at 18:00)
    now = clock if clock.date() == today else pd.Timestamp(today) + pd.Timedelta(days=1)
    actions = []
    for row in pauses.dropna(subset=["pause_until"]).itertuples():
        end = pd.Timestamp(row.pause_until)
        if end > now or end.date() < today - dt.timedelta(days=LOOK_BACK_WINDOW_DAYS):
            continue
        if looked_back(getattr(row, "answers", None)):
            continue
        actions.append(
            Action(
                rule_key=f"look-back:{row.id}",
                kind="reflect",
                title=f"Look back at {row.company} when you're ready",
                detail="Your pause has ended. A few honest questions, starting with a kind one; "
                "then the follow-up, if you want one.",
                due_on=end.date(),
                application_id=int(row.application_id),
                target="rejection",
                params={"reflection": str(row.id)},
            )
        )
    return actions


@rule
def interviews_coming(facts: Facts, today: dt.date) -> list[Action]:
    """An interview in the next few days, of an application still open: it cannot wait, so it shows
    even during a pause. Only a dated one: a step whose date is unknown is never announced as
    "today"; one an invitation email recorded is announced as the invitation it is."""
    events = _frame(facts, "events")
    if events.empty:
        return []
    events = events[_dated(events)]
    if "ended" in events:  # rejected (or withdrawn…) since: that interview is not coming any more
        events = events[~events["ended"].astype(bool)]
    if "debriefed" in events:  # debriefed already: it is over (its thank-you is due now instead)
        events = events[~events["debriefed"].astype(bool)]
    days = _dates(events["occurred_on"])
    soon = events[
        events["kind"].isin(["interview", "final"])
        & (days >= pd.Timestamp(today))
        & (days <= pd.Timestamp(today + dt.timedelta(days=UPCOMING_DAYS)))
    ]
    actions = []
    invited = _invitation(soon)
    for row, invitation in zip(soon.itertuples(), invited):
        day = _day(row.occurred_on)
        when = "today" if day == today else f"on {day:%a %d %b}"
        title = f"Interview at {row.company} {when}"
        if invitation:  # the day the invitation came, not the interview's: never "Interview … today"
            what = "A final-round" if row.kind == "final" else "An interview"
            title = f"{what} invitation from {row.company}"
        actions.append(
            Action(
                rule_key=f"interview-soon:{row.id}",
                kind="interview",
                title=title,
                detail=f"{row.role}. Your prep sheet, the questions asked before with your better "
                "answers, is ready when you want it."
                # the day itself: it may be over already (a day has no hour), and what comes next
                + (
                    " Once it's over: a debrief while it's fresh, and a short thank-you."
                    if day == today
                    else ""
                ),
                due_on=day,
                application_id=int(row.application_id),
                target="questions",  # the prep sheet (the application's page has none)
            )
        )
    return actions


@rule
def offers_waiting(facts: Facts, today: dt.date) -> list[Action]:
    """An offer not yet accepted or declined: it has a deadline, so it shows even during a pause."""
    offers = _frame(facts, "offers")
    if offers.empty:
        return []
    actions = []
    offers = offers.assign(known=_dated(offers))
    for row in offers[~offers["ended"].astype(bool)].itertuples():
        day = _day(row.occurred_on)
        offered = f", offered {since_text(day, today)}" if row.known else ""  # an unknown date: no "ago"
        actions.append(
            Action(
                rule_key=f"offer:{row.application_id}:{day.isoformat()}",
                kind="offer",
                title=f"An offer from {row.company} is waiting for your answer",
                detail=f"{row.role}{offered}. Take the time you need within the date they gave you.",
                due_on=day,
                application_id=int(row.application_id),
                target="application",
                params={"id": str(row.application_id)},
            )
        )
    return actions
