"""Open next actions as an .ics calendar file, so they land in the user's own calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from lib.follow_up.next_actions import Action

PRODID = "-//Rebound//Next actions//EN"


def actions_to_ics(actions: Iterable[Action], today: dt.date, now: dt.datetime | None = None) -> bytes:
    """One all-day event per action, on its due day (earlier ones on today: a calendar entry in
    the past would never be seen). An action with a time (a planned search slot: params "time" and
    "minutes") is a timed event in local time instead. UIDs are stable, so importing again updates
    instead of duplicating."""
    now = now or dt.datetime.now(dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Rebound next actions")
    for action in actions:
        day = max(action.due_on, today)
        event = icalendar.Event()
        event.add("uid", f"{action.rule_key}@rebound.local")
        event.add("dtstamp", now)
        start = _start(action, day)
        if start is None:
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
        else:
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=_minutes(action)))
        event.add("summary", action.title)
        event.add("description", action.detail)
        event.add("categories", [action.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def _start(action: Action, day: dt.date) -> dt.datetime | None:
    """A slot's local start (floating time: the calendar shows it at that clock time)."""
    text = (action.params or {}).get("time")
    if not text or action.due_on != day:
        return None
    try:
        return dt.datetime.combine(day, dt.time.fromisoformat(text))
    except ValueError:
        return None


def _minutes(action: Action) -> int:
    try:
        return max(5, min(int((action.params or {}).get("minutes", 60)), 480))
    except ValueError:
        return 60
