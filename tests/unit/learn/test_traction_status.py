import pandas as pd

from lib.learn.traction import application_status


def _events(*rows):
    return pd.DataFrame(rows, columns=["application_id", "kind", "occurred_on"]).assign(
        occurred_on=lambda f: pd.to_datetime(f["occurred_on"])
    )


def _status(apps, events):
    return application_status(pd.DataFrame({"id": apps}), events).set_index("application_id")


def test_an_application_with_no_news_is_applied_and_open():
    status = _status([1], _events())
    assert status.loc[1, "furthest_stage"] == "applied" and status.loc[1, "outcome"] == "open"


def test_a_rejection_after_the_final_round_keeps_final_as_furthest_stage():
    status = _status(
        [1],
        _events(
            (1, "screen", "2026-01-05"),
            (1, "interview", "2026-01-10"),
            (1, "final", "2026-01-20"),
            (1, "rejected", "2026-01-25"),
        ),
    )
    assert status.loc[1, "furthest_stage"] == "final"
    assert status.loc[1, "outcome"] == "rejected"
    assert status.loc[1, "ended_on"] == pd.Timestamp("2026-01-25")


def test_furthest_stage_is_the_highest_reached_whatever_the_order_recorded():
    status = _status(
        [1, 2],
        _events((1, "interview", "2026-01-10"), (1, "screen", "2026-01-12"), (2, "withdrawn", "2026-02-01")),
    )
    assert status.loc[1, "furthest_stage"] == "interview" and status.loc[1, "outcome"] == "open"
    assert status.loc[2, "furthest_stage"] == "applied" and status.loc[2, "outcome"] == "withdrawn"
    assert status.loc[1, "last_event_on"] == pd.Timestamp("2026-01-12")


def test_an_offer_declined_is_offer_and_declined():
    status = _status([7], _events((7, "offer", "2026-03-01"), (7, "declined", "2026-03-03")))
    assert (status.loc[7, "furthest_stage"], status.loc[7, "outcome"]) == ("offer", "declined")
