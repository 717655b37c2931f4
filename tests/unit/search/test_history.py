import datetime as dt

import pandas as pd

from lib.search import history

D = dt.date(2026, 11, 10)


def events(*rows):
    return pd.DataFrame(rows, columns=["id", "kind", "occurred_on", "round_label"])


def test_the_next_event_offered_is_the_rung_after_the_furthest_one():
    assert history.next_stage(events()) == "screen"
    assert history.next_stage(events((1, "screen", D, "Phone screen"))) == "interview"
    assert history.next_stage(events((1, "screen", D, None), (2, "interview", D, None))) == "final"
    assert history.next_stage(events((1, "accepted", D, None))) == "accepted"


def test_an_ending_keeps_the_furthest_stage_and_ends_it():
    standing = history.standing(events((1, "final", D, None), (2, "rejected", D, None)))
    assert (standing.furthest_stage, standing.outcome, standing.ended) == ("final", "rejected", True)
    assert not history.standing(events()).ended


def test_a_debrief_belongs_to_the_round_of_that_stage_on_that_day_not_yet_debriefed():
    rows = [
        {"id": 1, "kind": "screen", "occurred_on": D, "round_label": None},
        {"id": 2, "kind": "interview", "occurred_on": D + dt.timedelta(days=5), "round_label": "Technical"},
    ]
    assert history.round_event(rows, "technical", D + dt.timedelta(days=5), set())["id"] == 2
    assert history.round_event(rows, "technical", D + dt.timedelta(days=5), {2}) is None
    assert history.round_event(rows, "technical", D, set()) is None  # the screen is not this round
    assert [e["id"] for e in history.open_rounds(rows, set())] == [2, 1]
    assert history.round_type_of(rows[1]) == "technical" and history.round_type_of(rows[0]) == "screen"


def test_only_earlier_applications_can_be_linked_as_a_re_application():
    app = {"id": 3, "applied_on": D}
    earlier = [
        {"id": 1, "applied_on": D - dt.timedelta(days=90)},
        {"id": 4, "applied_on": D + dt.timedelta(days=1)},
    ]
    assert [a["id"] for a in history.linkable_earlier(app, earlier + [app])] == [1]


def test_a_new_debrief_starts_on_the_latest_round_not_debriefed_else_today():
    today = dt.date(2026, 12, 3)
    rows = [{"id": 7, "kind": "interview", "occurred_on": D, "round_label": "Technical"}]
    assert history.debrief_start(rows, today) == {
        "occurred_on": D,
        "stage_event_id": 7,
        "round_type": "technical",
    }
    assert history.debrief_start([], today) == {"occurred_on": today, "stage_event_id": None}


def test_a_round_whose_date_is_unknown_is_offered_without_a_made_up_day():
    today = dt.date(2026, 12, 3)
    row = {"id": 7, "kind": "interview", "occurred_on": D, "date_known": False, "round_label": None}
    assert history.round_label(row) == "Interview · date unknown"
    assert history.debrief_start([row], today) == {"occurred_on": None, "stage_event_id": 7}
    assert history.round_label(row | {"date_known": True}) == f"Interview · {D:%d %b %Y}"
