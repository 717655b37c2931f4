"""The log's search and filters (lib/search/filters.py): each filter narrows, together they all hold."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.learn.traction import end_states, traction_table, with_status
from lib.search.filters import (
    LogFilter,
    applied_known,
    board_columns,
    end_state_of,
    filter_log,
    latest,
    log_bounds,
    log_view,
    match_sentence,
    stage_counts,
)


def _log() -> pd.DataFrame:
    rows = [
        (1, "Acme", "Data Analyst", "referral", "2026-03-01", "interview", "open", "2026-03-10"),
        (
            2,
            "Northwind Analytics",
            "BI Developer",
            "job board",
            "2026-02-01",
            "final",
            "rejected",
            "2026-02-20",
        ),
        (3, "Globex", "Senior data  Analyst", "company site", "2026-01-15", "applied", "open", None),
        (4, "Initech", "Engineer", "job board", "2026-01-01", "screen", "open", "2026-01-05"),
    ]
    log = pd.DataFrame(
        rows,
        columns=[
            "id",
            "company",
            "role",
            "channel",
            "applied_on",
            "furthest_stage",
            "outcome",
            "last_event_on",
        ],
    )
    log["applied_on"] = pd.to_datetime(log["applied_on"])
    log["last_event_on"] = pd.to_datetime(log["last_event_on"])
    return _with_end_state(log)


def _with_end_state(log: pd.DataFrame) -> pd.DataFrame:
    """The end state as the app's log carries it (no day given: only recorded endings count)."""
    no_events = pd.DataFrame(columns=["application_id", "kind", "occurred_on"])
    frame = log.set_index("id")[["applied_on", "outcome", "furthest_stage"]]
    found = end_states(frame, no_events, None, 30)
    return log.assign(
        last_news_on=log["last_event_on"],
        days_silent=found["days_silent"].to_numpy(),
        end_state=found["end_state"].to_numpy(),
    )


def test_no_filter_keeps_every_row():
    assert filter_log(_log(), LogFilter())["id"].tolist() == [1, 2, 3, 4]


def test_the_search_matches_company_or_role_whatever_the_case_and_spacing():
    assert filter_log(_log(), LogFilter(text="  DATA   analyst "))["id"].tolist() == [1, 3]
    assert filter_log(_log(), LogFilter(text="northwind"))["id"].tolist() == [2]


def test_the_search_finds_a_company_however_its_name_is_written():
    # the picker calls "ACME Inc." and "Acmé" Acme; the search found none of Acme's applications
    log = _log()
    company = log.loc[log["id"] == 2, "company"].iloc[0]
    for typed in (company.upper() + " Inc.", company.replace("o", "ó"), f" {company.lower()} ltd "):
        assert filter_log(log, LogFilter(text=typed))["id"].tolist() == [2], typed


def test_the_search_finds_words_split_between_company_and_role():
    # "Acme Data" found nothing: no one column holds both words
    log = _log()
    row = log.loc[log["id"] == 3].iloc[0]
    typed = f"{row['company'].split()[0]} {row['role'].split()[-1]}"
    assert filter_log(log, LogFilter(text=typed))["id"].tolist() == [3]
    assert filter_log(log, LogFilter(text=f"{typed} nowhere"))["id"].tolist() == []


def test_stage_outcome_and_channel_filters_each_narrow_and_combine():
    log = _log()
    assert filter_log(log, LogFilter(stages=("screen", "final")))["id"].tolist() == [2, 4]
    assert filter_log(log, LogFilter(outcomes=("rejected",)))["id"].tolist() == [2]
    assert filter_log(log, LogFilter(channels=("job board",), outcomes=("open",)))["id"].tolist() == [4]


def test_the_date_range_includes_both_ends():
    chosen = LogFilter(applied_from=dt.date(2026, 1, 15), applied_to=dt.date(2026, 2, 1))
    assert filter_log(_log(), chosen)["id"].tolist() == [2, 3]


def test_bounds_of_an_empty_log_are_none_and_otherwise_first_and_last_dates():
    assert log_bounds(_log().iloc[0:0]) is None
    assert log_bounds(_log()) == (dt.date(2026, 1, 1), dt.date(2026, 3, 1))


def test_stage_counts_count_each_stage_or_later():
    counts = stage_counts(_log())
    assert (counts["applications"], counts["open"]) == (4, 3)
    assert (counts["applied"], counts["screen"], counts["interview"], counts["final"], counts["offer"]) == (
        4,
        3,
        2,
        1,
        0,
    )


def test_the_board_shows_only_open_applications_by_stage_latest_activity_first():
    board = board_columns(_log())
    assert board["interview"]["id"].tolist() == [1]
    assert board["applied"]["id"].tolist() == [3]
    assert board["final"].empty  # the final-round application has ended


def test_the_view_counts_every_match_but_sends_only_the_first_rows():
    view = log_view(_log(), LogFilter(outcomes=("open",)), limit=2, cards=1)
    assert view.matching == 3
    assert view.table["id"].tolist() == [1, 3]
    assert view.table["outcome"].tolist() == ["Open", "Open"]  # in words, ready to show
    assert view.board_counts["applied"] == 1 and len(view.board["applied"]) == 1
    assert match_sentence(view) == "3 of 4 applications match"
    assert latest(_log(), 2)["furthest_stage"].tolist() == ["Interview", "Final round"]
    assert match_sentence(log_view(_log(), LogFilter(), limit=2, cards=1)) == "4 applications"
    assert match_sentence(log_view(_log().head(1), LogFilter(), limit=2, cards=1)) == "1 application"


def test_an_accepted_offer_reads_accepted_not_open_and_is_not_among_the_open_ones():
    log = _log().drop(columns=["last_news_on", "days_silent", "end_state"])
    log.loc[len(log)] = [
        5,
        "Umbrella",
        "Analyst",
        "referral",
        pd.Timestamp("2026-02-10"),
        "accepted",
        "open",
        pd.Timestamp("2026-02-20"),
    ]
    log = _with_end_state(log)
    assert latest(log, 5).set_index("id").loc[5, "outcome"] == "Accepted"
    assert latest(log, 5).set_index("id").loc[1, "outcome"] == "Open"
    assert 5 not in filter_log(log, LogFilter(outcomes=("open",)))["id"].tolist()
    assert filter_log(log, LogFilter(stages=("accepted",)))["id"].tolist() == [5]
    assert filter_log(log, LogFilter(outcomes=("accepted",)))["id"].tolist() == [5]  # as the log shows it
    assert filter_log(log, LogFilter(outcomes=("accepted", "rejected")))["id"].tolist() == [2, 5]


def _silent_search() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Five applications on 1 March 2026: answered lately, silent for 60 days, rejected, accepted,
    and silent since a screen 40 days ago."""
    apps = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5],
            "company": ["Acme", "Globex", "Initech", "Umbrella", "Hooli"],
            "role": ["Analyst"] * 5,
            "channel": ["referral"] * 5,
            "applied_on": pd.to_datetime(
                ["2026-01-20", "2026-01-01", "2026-01-05", "2026-01-02", "2026-01-03"]
            ),
        }
    )
    events = pd.DataFrame(
        [
            (1, "screen", "2026-02-25"),
            (3, "rejected", "2026-01-20"),
            (4, "offer", "2026-01-20"),
            (4, "accepted", "2026-01-22"),
            (5, "screen", "2026-01-20"),
        ],
        columns=["application_id", "kind", "occurred_on"],
    )
    events["occurred_on"] = pd.to_datetime(events["occurred_on"])
    return apps, events


def test_an_open_application_silent_for_the_ghost_days_reads_ghosted_in_the_log_as_on_traction():
    apps, events = _silent_search()
    today = dt.date(2026, 3, 1)
    log = with_status(apps, events, today, ghost_days=30)
    shown = latest(log, 5).set_index("id")["outcome"]
    assert shown.to_dict() == {1: "Open", 2: "Ghosted", 3: "Rejected", 4: "Accepted", 5: "Ghosted"}
    assert filter_log(log, LogFilter(outcomes=("ghosted",)))["id"].tolist() == [2, 5]
    assert filter_log(log, LogFilter(outcomes=("open",)))["id"].tolist() == [1]
    assert stage_counts(log)["open"] == 1
    assert [i for frame in board_columns(log).values() for i in frame["id"]] == [1]
    # one rule: the log and Traction agree, application by application
    table = traction_table(apps, events, today, ghost_days=30).set_index("id")["end_state"]
    assert log.set_index("id")["end_state"].to_dict() == table.to_dict()
    assert end_state_of(log, 5) == ("ghosted", 40.0)  # the application page says so, and why
    news = latest(log, 5).set_index("id")["last_news_on"]
    assert news[3] == pd.Timestamp("2026-01-20") and pd.isna(news[2])  # the employer's word only
    assert end_state_of(log, 4)[0] == "accepted"  # not "Open": they got the job
    assert end_state_of(log, 99) == ("open", None)


def test_the_ghost_days_setting_moves_the_line_and_without_a_day_only_a_recorded_ending_counts():
    apps, events = _silent_search()
    later = with_status(apps, events, dt.date(2026, 3, 1), ghost_days=50)
    assert later.set_index("id")["end_state"].to_dict()[5] == "open"  # 40 days: not yet
    assert later.set_index("id")["end_state"].to_dict()[2] == "ghosted"  # 59 days
    undated = with_status(apps, events)
    assert (undated.set_index("id")["end_state"] == "ghosted").sum() == 0


def test_a_stand_in_day_applied_is_left_empty_in_the_tables_not_shown_as_the_day_applied():
    """An imported "no" with no date applied showed its answer's day as the day applied."""
    log = _log()
    log["applied_known"] = [True, False, True, True]
    shown = latest(log, 4).set_index("id")["applied_on"]
    assert pd.isna(shown[2])  # Northwind: the day its answer came stands in
    assert shown[1] == pd.Timestamp("2026-03-01")
    assert filter_log(log, LogFilter(applied_from=dt.date(2026, 2, 1)))["id"].tolist() == [1, 2]


def test_applied_known_reads_a_missing_flag_and_a_log_from_before_the_column_as_known():
    log = _log()
    assert applied_known(log).tolist() == [True, True, True, True]  # no column: all known
    log["applied_known"] = pd.Series([True, False, None, 1], dtype=object)
    assert applied_known(log).tolist() == [True, False, True, True]
