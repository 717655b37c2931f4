"""The .ics export parses back with icalendar, with the right days."""

import datetime as dt

import icalendar

from lib.follow_up.calendar import actions_to_ics
from lib.follow_up.next_actions import Action

TODAY = dt.date(2026, 3, 12)


def test_open_actions_become_all_day_events_that_parse_back():
    actions = [
        Action(
            "thank-you:rejected:1:2026-03-10",
            "note",
            'Send a thank-you to Acme, "R&D"; 🌟',
            "Yesterday.",
            TODAY + dt.timedelta(days=2),
            application_id=1,
        ),
        Action(
            "connect:7", "connect", "Connect with Jo", "You met 40 days ago.", TODAY - dt.timedelta(days=5)
        ),
    ]
    calendar = icalendar.Calendar.from_ical(actions_to_ics(actions, TODAY))
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ['Send a thank-you to Acme, "R&D"; 🌟', "Connect with Jo"]
    assert [e.decoded("dtstart") for e in events] == [TODAY + dt.timedelta(days=2), TODAY]  # overdue: today
    assert [e.decoded("dtend") - e.decoded("dtstart") for e in events] == [dt.timedelta(days=1)] * 2
    assert [str(e["uid"]) for e in events] == [
        "thank-you:rejected:1:2026-03-10@rebound.local",
        "connect:7@rebound.local",
    ]
    assert str(events[1]["description"]) == "You met 40 days ago."


def test_no_actions_still_make_a_valid_empty_calendar():
    calendar = icalendar.Calendar.from_ical(actions_to_ics([], TODAY))
    assert calendar["prodid"] == "-//Rebound//Next actions//EN" and list(calendar.walk("VEVENT")) == []
