"""The next-action list's own rules: thank-you notes, feedback to chase, check-ins, people to
connect with, the strategy review. Registered with `@rule` (lib.follow_up.next_actions); looking
back after a pause and what cannot wait are in lib.follow_up.pause_rules.

A sent note clears the action it answers: a thank-you, a feedback reminder, a check-in.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.follow_up.next_actions import (
    CONNECT_WINDOW_DAYS,
    FEEDBACK_CHASE_AFTER_DAYS,
    FEEDBACK_CHASE_WINDOW_DAYS,
    THANK_YOU_AFTER,
    THANK_YOU_WINDOW_DAYS,
    THANKS_FOR,
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
from lib.learn.strategy import review_due


@rule
def thank_you_notes(facts: Facts, today: dt.date) -> list[Action]:
    """A thank-you unsent 24 hours after an interview (or once its round is debriefed: it is over)
    or a rejection that came after an interview (only the latest event per application counts; a
    rejection supersedes the interview before it). While a pause set after the rejection runs, the note waits until the pause ends: due
    that day, so Home holds it (and counts it) with the rest of what can wait."""
    events = _frame(facts, "events")
    if events.empty:
        return []
    # an invitation email's day is not the interview's: no "the interview was yesterday" from it
    events = events[
        events["kind"].isin(["interview", "final", "rejected"]) & _dated(events) & ~_invitation(events)
    ].copy()
    if "interviewed" in events:  # a rejection of the application alone asks for no thank-you
        events = events[(events["kind"] != "rejected") | events["interviewed"].astype(bool)]
    events["day"] = _dates(events["occurred_on"])
    events["event"] = events["kind"].replace({"final": "interview"})
    window_start = pd.Timestamp(today - dt.timedelta(days=THANK_YOU_WINDOW_DAYS))
    due_by = pd.Timestamp(today) - pd.Timedelta(THANK_YOU_AFTER)
    pauses = _frame(facts, "pauses")
    pause_end = {}
    if not pauses.empty:
        pause_end = pauses.groupby("application_id")["pause_until"].max().map(_day).to_dict()
    # the window runs from the day the note can be written: after a rejection's pause, from its end
    # (a pause of more than two weeks dropped the thank-you for good)
    paused = events["application_id"].map(pause_end).where(events["event"] == "rejected")
    opens = pd.concat([events["day"], pd.to_datetime(paused)], axis=1).max(axis=1)
    events = events[opens >= window_start]
    if events.empty:
        return []
    events["rank"] = (events["event"] == "rejected").astype(int)
    latest = events.sort_values(["day", "rank"]).groupby("application_id").tail(1)
    # 24 hours after, or as soon as the round is debriefed (it is over: the note can go today)
    over = latest["debriefed"].astype(bool) if "debriefed" in latest else False
    latest = latest[(latest["day"] <= due_by) | (over & (latest["day"] <= pd.Timestamp(today)))]
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
    actions = []
    for row in latest.itertuples():
        event_day = row.day.date()
        debriefed = bool(getattr(row, "debriefed", False))  # over: its note is due that day
        due = event_day + dt.timedelta(days=0 if debriefed else 1)
        rejected = row.event == "rejected"
        paused_until = pause_end.get(row.application_id) if rejected else None
        if paused_until:  # it waits for the pause's end, held (and counted) on Home until then
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
    notes = _frame(facts, "notes")
    if not waiting.empty and not notes.empty:  # a reminder already sent clears the chase
        sent = notes[notes["kind"] == "feedback request"].dropna(subset=["sent_on"])
        pairs = waiting[["id", "application_id", "asked"]].merge(sent, on="application_id")
        chased = pairs.loc[_dates(pairs["sent_on"]) > pairs["asked"], "id"]
        waiting = waiting[~waiting["id"].isin(chased)]
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
    notes = _frame(facts, "notes")
    if not due.empty and not notes.empty and "contact_id" in notes:  # a note sent since clears it
        sent = notes.dropna(subset=["sent_on", "contact_id"])
        pairs = due[["id", "next_checkin_on"]].merge(sent, left_on="id", right_on="contact_id")
        written = pairs.loc[_dates(pairs["sent_on"]) >= _dates(pairs["next_checkin_on"]), "id"]
        due = due[~due["id"].isin(written)]
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
        # their role, unless it is only "other"; then the company alone
        said = [w for w in (row.role if row.role != "other" else None, row.company) if isinstance(w, str)]
        at = f" ({', '.join(said)})" if said else ""
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
