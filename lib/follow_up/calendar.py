"""Open next actions as an .ics calendar file, so they land in the user's own calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from lib.follow_up.next_actions import Action

PRODID = "-//Rebound//Next actions//EN"


def actions_to_ics(actions: Iterable[Action], today: dt.date, now: dt.datetime | None = None) -> bytes:
    """One all-day event per action, on its due day (overdue ones on today: a calendar entry in
    the past would never be seen). UIDs are stable, so importing again updates instead of
    duplicating."""
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
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", action.title)
        event.add("description", action.detail)
        event.add("categories", [action.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
