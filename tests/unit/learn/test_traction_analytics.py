"""Traction definitions on tiny hand-built searches, with hand-computed answers."""

import datetime as dt
import math

import pandas as pd
import pytest

from lib.learn import traction
from lib.learn.traction import TractionFilter

TODAY = dt.date(2026, 3, 31)


def _apps(*rows):
    """rows: (id, company, role, channel, applied_on)"""
    frame = pd.DataFrame(rows, columns=["id", "company", "role", "channel", "applied_on"])
    frame["applied_on"] = pd.to_datetime(frame["applied_on"])
    return frame


def _events(*rows):
    return pd.DataFrame(rows, columns=["application_id", "kind", "occurred_on"]).assign(
        occurred_on=lambda f: pd.to_datetime(f["occurred_on"])
    )


def _table(apps, events, ghost_days=30, today=TODAY):
    return traction.traction_table(apps, events, today, ghost_days).set_index("id")


def _many(n, channel="job board", company="Acme", start=1, applied="2026-01-05"):
    return [(start + i, company, "Data Analyst", channel, applied) for i in range(n)]


# --- Wilson intervals and small samples ------------------------------------------------------


@pytest.mark.parametrize(
    "k, n, low, high",
    [
        (5, 10, 0.2366, 0.7634),  # the textbook half-way case
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (81, 263, 0.2553, 0.3662),  # Wilson (1927) / Newcombe (1998) worked example
    ],
)
def test_the_wilson_interval_matches_known_values(k, n, low, high):
    got_low, got_high = traction.wilson_interval(k, n)
    assert got_low == pytest.approx(low, abs=1e-4)
    assert got_high == pytest.approx(high, abs=1e-4)


def test_the_wilson_interval_of_nothing_is_undefined():
    low, high = traction.wilson_interval(0, 0)
    assert math.isnan(low) and math.isnan(high)


def test_under_five_applications_a_rate_is_too_few_to_tell_never_0_or_100_percent():
    assert traction.rate_text(0, 4) == "too few to tell"
    assert traction.rate_text(4, 4) == "too few to tell"
    assert traction.rate_text(5, 10) == "50% (95% interval 24%–76%)"


# --- the per-application table -----------------------------------------------------------------


def test_a_rejection_after_the_final_round_counts_as_a_response_and_as_traction():
    table = _table(
        _apps((1, "Acme", "Analyst", "referral", "2026-01-01")),
        _events(
            (1, "screen", "2026-01-08"),
            (1, "interview", "2026-01-15"),
            (1, "final", "2026-01-22"),
            (1, "rejected", "2026-01-29"),
        ),
    )
    row = table.loc[1]  # furthest stage and outcome: tests/unit/learn/test_traction_status.py
    assert row.end_state == "rejected"
    assert row.responded and row.traction and not row.ghosted
    assert row.days_to_first_response == 7
    assert row.reached_final_on == pd.Timestamp("2026-01-22")


def test_a_rejection_alone_is_a_response_but_not_traction():
    row = _table(
        _apps((1, "Acme", "Analyst", "referral", "2026-03-01")), _events((1, "rejected", "2026-03-04"))
    ).loc[1]
    assert row.responded and not row.traction
    assert row.days_to_first_response == 3


def test_an_accepted_offer_is_a_response_even_when_only_the_acceptance_is_recorded():
    row = _table(
        _apps((1, "Acme", "Analyst", "referral", "2026-03-01")), _events((1, "accepted", "2026-03-20"))
    ).loc[1]
    assert row.responded and row.traction
    assert row.days_to_first_response == 19


def test_the_report_counts_final_rounds_and_offers_as_home_does_dated_or_not():
    from lib.learn.report.content import _figures

    table = traction.traction_table(
        _apps(*_many(6)),
        _events((1, "final", "2026-01-20"), (2, "accepted", None), (3, "final", None)),
        TODAY,
    )
    home = {f.label: f.value for f in traction.headline(table, TODAY)[0]}
    report = {f.label: f.value for f in _figures(table)[0]}
    assert report["Final rounds"] == home["Final rounds"] == "3"
    assert report["Offers"] == home["Offers"] == "1"


def test_withdrawing_is_not_a_response():
    row = _table(
        _apps((1, "Acme", "Analyst", "referral", "2026-03-01")), _events((1, "withdrawn", "2026-03-04"))
    ).loc[1]
    assert not row.responded and row.end_state == "withdrawn"


def test_an_open_application_is_ghosted_from_exactly_the_set_number_of_days_of_silence():
    apps = _apps(
        (1, "Acme", "Analyst", "referral", "2026-03-01"),  # 30 days silent on 31 March
        (2, "Beta", "Analyst", "referral", "2026-03-02"),  # 29 days
        (3, "Gamma", "Analyst", "referral", "2026-01-01"),
    )  # screened 2 March: 29 days
    events = _events((3, "screen", "2026-03-02"))
    table = _table(apps, events, ghost_days=30)
    assert table.loc[1, "days_silent"] == 30 and table.loc[1, "ghosted"]
    assert table.loc[1, "end_state"] == "ghosted"
    assert not table.loc[2, "ghosted"] and table.loc[2, "end_state"] == "open"
    assert not table.loc[3, "ghosted"]
    assert _table(apps, events, ghost_days=29).loc[3, "ghosted"]


def test_a_recorded_ghosting_or_an_accepted_offer_is_never_counted_as_silence():
    apps = _apps(
        (1, "Acme", "Analyst", "referral", "2025-01-01"), (2, "Beta", "Analyst", "referral", "2025-01-01")
    )
    table = _table(
        apps, _events((1, "ghosted", "2025-02-01"), (2, "offer", "2025-01-20"), (2, "accepted", "2025-01-25"))
    )
    assert table.loc[1, "ghosted"] and not table.loc[1, "responded"]
    assert table.loc[2, "end_state"] == "accepted" and not table.loc[2, "ghosted"]


def test_an_offer_waiting_for_an_answer_is_never_ghosted_however_long_ago_it_came():
    # the answer is the person's to give: silence since an offer is not the employer's silence
    apps = _apps(
        (1, "Acme", "Analyst", "referral", "2025-01-01"), (2, "Beta", "Analyst", "referral", "2025-01-01")
    )
    table = _table(apps, _events((1, "offer", "2025-01-20"), (2, "final", "2025-01-20")), ghost_days=30)
    assert table.loc[1, "end_state"] == "open" and not table.loc[1, "ghosted"]
    assert table.loc[2, "end_state"] == "ghosted"


def test_events_out_of_order_and_missing_dates_give_the_same_answer():
    apps = _apps((1, "Acme", "Analyst", "referral", "2026-01-01"), (2, "Beta", "Analyst", "other", None))
    events = _events((1, "interview", "2026-01-20"), (1, "screen", "2026-01-10"), (2, "screen", None))
    table = _table(apps, events)
    assert table.loc[1, "first_response_on"] == pd.Timestamp("2026-01-10")
    assert table.loc[1, "reached_screen_on"] == pd.Timestamp("2026-01-10")
    # A step with no date still counts as reached; only what its date would decide stays unknown.
    assert table.loc[2, "furthest_stage"] == "screen" and table.loc[2, "responded"]
    assert pd.isna(table.loc[2, "days_silent"]) and not table.loc[2, "ghosted"]
    assert table.loc[2, "date_unknown"] and not table.loc[1, "date_unknown"]


def test_a_status_with_an_unknown_date_is_left_out_of_response_times_and_ghosting_and_said_so():
    apps = _apps(
        (1, "Acme", "Analyst", "referral", "2025-01-01"),
        (2, "Beta", "Analyst", "referral", "2025-01-01"),
        (3, "Core", "Analyst", "referral", "2025-01-01"),
    )
    events = _events(
        (1, "screen", None),  # imported "screen" with no date of its own
        (1, "rejected", "2025-03-01"),
        (2, "offer", None),
        (3, "screen", "2025-01-11"),
    )
    table = _table(apps, events)
    assert list(table["furthest_stage"]) == ["screen", "offer", "screen"]
    assert list(table["responded"]) == [True, True, True]
    # Not "0 days to first answer": the first answer's day is unknown for 1 and 2.
    assert table["days_to_first_response"].isna().tolist() == [True, True, False]
    assert pd.isna(table.loc[2, "reached_offer_on"]) and pd.isna(table.loc[2, "days_silent"])
    assert not table.loc[2, "ghosted"]  # open with an undated offer: silence can't be measured
    times = traction.response_times(table)
    assert int(times["responses"].sum()) == 1
    figures, _ = traction.headline(table.reset_index(), TODAY)
    assert {f.label: f.value for f in figures}["Offers"] == "1"
    view = traction.traction_view(table.reset_index(), TractionFilter())
    assert view.undated_note.startswith(
        "2 applications have a step with an unknown date (imported or recorded without one)"
    )
    assert traction.traction_view(table.reset_index().iloc[[2]], TractionFilter()).undated_note == ""


def test_role_titles_group_into_families():
    apps = _apps(
        (1, "A", "Sr. Data Analyst", "other", "2026-01-01"),
        (2, "B", "data analyst", "other", "2026-01-01"),
        (3, "C", "Lead Data-Analyst", "other", "2026-01-01"),
    )
    assert set(_table(apps, _events())["role_family"]) == {"Data Analyst"}


# --- aggregates ---------------------------------------------------------------------------------


def test_rates_by_channel_count_responses_and_traction_and_hide_small_groups():
    apps = _apps(*_many(6, "referral"), *_many(3, "job board", start=100))
    events = _events(
        (1, "screen", "2026-01-10"),
        (2, "interview", "2026-01-10"),
        (3, "rejected", "2026-01-10"),
        (100, "interview", "2026-01-10"),
    )
    rates = traction.rates_by(traction.traction_table(apps, events, TODAY), "channel").set_index("group")
    referral = rates.loc["referral"]
    assert (referral.applications, referral.responses, referral.traction) == (6, 3, 1)
    assert referral.response_rate == pytest.approx(0.5)
    assert referral.traction_low == pytest.approx(traction.wilson_interval(1, 6)[0])
    board = rates.loc["job board"]
    assert board.applications == 3 and not board.enough and math.isnan(board.traction_rate)
    assert list(rates.index) == ["referral", "job board"]  # small groups last


def test_the_funnel_converts_step_by_step_and_says_too_few_below_five():
    apps = _apps(*_many(10))
    events = _events(
        *[(i, "screen", "2026-01-10") for i in range(1, 7)],
        *[(i, "interview", "2026-01-15") for i in range(1, 4)],
        (1, "final", "2026-01-20"),
        (1, "rejected", "2026-01-25"),
    )
    funnel = traction.funnel(traction.traction_table(apps, events, TODAY)).set_index("stage")
    assert funnel["reached"].tolist() == [10, 6, 3, 1, 0]
    assert funnel.loc["screen", "conversion"] == pytest.approx(0.6)
    assert funnel.loc["interview", "conversion"] == pytest.approx(0.5)
    assert funnel.loc["final", "conversion_text"] == "too few to tell"  # only 3 reached an interview
    assert math.isnan(funnel.loc["offer", "conversion"])


def test_endings_say_where_applications_end():
    apps = _apps(*_many(4, applied="2026-03-20"))
    table = traction.traction_table(
        apps, _events((1, "rejected", "2026-03-25"), (2, "withdrawn", "2026-03-25")), TODAY
    )
    ends = traction.endings(table).set_index("end_state")["applications"].to_dict()
    assert ends == {"rejected": 1, "withdrawn": 1, "open": 2}


def test_companies_beyond_the_top_are_grouped_and_the_most_traction_comes_first():
    rows = [(i, f"Company {i}", "Analyst", "other", "2026-01-05") for i in range(1, 25)]
    events = _events((24, "interview", "2026-01-10"), (23, "screen", "2026-01-10"))
    stages = traction.company_stages(traction.traction_table(_apps(*rows), events, TODAY), top=20)
    order = stages.sort_values("order")["company"].drop_duplicates().tolist()
    assert order[0] == "Company 24"
    assert order[-1] == "All other companies (4)"
    assert len(order) == 21
    assert stages["applications"].sum() == 24


def test_a_company_with_two_thousand_applications_stays_one_bar():
    apps = _apps(*_many(2000, company="Megacorp"))
    stages = traction.company_stages(traction.traction_table(apps, _events(), TODAY))
    assert stages[["company", "stage", "applications"]].values.tolist() == [["Megacorp", "applied", 2000]]


def test_over_time_counts_applications_responses_and_the_furthest_stage_per_month():
    apps = _apps(
        (1, "A", "x", "other", "2026-01-05"),
        (2, "B", "x", "other", "2026-01-20"),
        (3, "C", "x", "other", "2026-02-03"),
    )
    events = _events((1, "screen", "2026-01-10"), (2, "final", "2026-02-01"), (3, "rejected", "2026-02-10"))
    months = traction.over_time(traction.traction_table(apps, events, TODAY), "month")
    assert months["period"].tolist() == [pd.Timestamp("2026-01-01"), pd.Timestamp("2026-02-01")]
    assert months["applications"].tolist() == [2, 1]
    assert months["responses"].tolist() == [2, 1]
    assert months["traction"].tolist() == [1, 0]
    assert months["best_stage"].tolist() == ["Final round", "Applied"]
    weeks = traction.over_time(traction.traction_table(apps, events, TODAY), "week")
    assert weeks["period"].iloc[0] == pd.Timestamp("2026-01-05")  # a Monday
    assert weeks["applications"].sum() == 3


def test_a_month_with_no_application_is_a_zero_between_the_others_not_skipped():
    apps = _apps((1, "A", "x", "other", "2025-10-05"), (2, "B", "x", "other", "2026-01-20"))
    months = traction.over_time(traction.traction_table(apps, _events(), TODAY), "month")
    assert months["period"].dt.strftime("%Y-%m").tolist() == ["2025-10", "2025-11", "2025-12", "2026-01"]
    assert months["applications"].tolist() == [1, 0, 0, 1]
    assert months["best_stage"].isna().tolist() == [False, True, True, False]
    from lib.learn import charts

    closer = charts.closer_to_yes_chart(months).to_dict()  # no stage is drawn for an empty month
    assert len(closer["data"]["values"]) == 2


def test_response_times_give_median_and_spread_per_channel_and_silent_employers_are_listed():
    apps = _apps(
        *[(i, "A", "x", "referral", "2026-01-01") for i in range(1, 4)],
        (4, "Quiet Co", "x", "job board", "2026-02-01"),
    )
    events = _events((1, "screen", "2026-01-03"), (2, "screen", "2026-01-05"), (3, "rejected", "2026-01-11"))
    table = traction.traction_table(apps, events, TODAY)
    times = traction.response_times(table).set_index("channel")
    # 3 answers: what happened (fastest, slowest), but no median: too few to summarise
    assert times.loc["referral", ["responses", "fastest", "slowest"]].tolist() == [3, 2, 10]
    assert times.loc["referral", ["median", "q1", "q3"]].isna().all()
    more = traction.traction_table(
        _apps(*[(i, "A", "x", "referral", "2026-01-01") for i in range(1, 6)]),
        _events(*[(i, "screen", f"2026-01-{2 * i + 1:02d}") for i in range(1, 6)]),
        TODAY,
    )
    assert traction.response_times(more).set_index("channel").loc["referral", "median"] == 6
    silent, count, ghosted = traction.still_silent(table)
    assert ghosted == 1  # 58 days: past the 30 by default
    assert count == 1 and silent.loc[0, "company"] == "Quiet Co" and silent.loc[0, "days_silent"] == 58


def test_filters_narrow_by_date_channel_company_and_open():
    apps = _apps(
        (1, "Acme Robotics", "x", "referral", "2026-01-05"),
        (2, "Beta", "x", "job board", "2026-02-05"),
        (3, "acme labs", "x", "job board", "2026-03-25"),
    )
    table = traction.traction_table(apps, _events((1, "rejected", "2026-01-20")), TODAY)
    ids = lambda f: sorted(traction.filter_table(table, f)["id"])  # noqa: E731
    assert ids(TractionFilter()) == [1, 2, 3]
    assert ids(TractionFilter(applied_from=dt.date(2026, 2, 1))) == [2, 3]
    assert ids(TractionFilter(channels=("job board",))) == [2, 3]
    assert ids(TractionFilter(company="  ACME ")) == [1, 3]
    # 2 has been silent 54 days: ghosted, so it has ended; 3 is still open
    assert ids(TractionFilter(include_open=False)) == [1, 2]


def test_a_company_drill_down_lists_each_application_with_its_stage_history():
    apps = _apps(
        (1, "Acme", "Analyst", "referral", "2026-01-01"),
        (2, "Acme", "Engineer", "other", "2026-02-01"),
        (3, "Beta", "Analyst", "other", "2026-02-01"),
    )
    events = _events((1, "rejected", "2026-01-20"), (1, "screen", "2026-01-08"))
    detail = traction.company_applications(traction.traction_table(apps, events, TODAY), events, "Acme")
    assert detail["id"].tolist() == [2, 1]
    assert detail.loc[1, "history"] == "Applied 01 Jan 2026 → Screen 08 Jan 2026 → Rejected 20 Jan 2026"
    assert detail.loc[0, "history"] == "Applied 01 Feb 2026"


# --- the headline -------------------------------------------------------------------------------


def test_the_channel_called_other_is_named_as_a_channel_in_the_strongest_sentence():
    apps = _apps(*_many(10, channel="other"), *_many(10, channel="job board", start=11))
    events = _events(*[(i, "interview", "2026-01-20") for i in range(1, 10)])
    sentence = traction.strongest_claim(traction.traction_table(apps, events, TODAY)).text
    assert sentence.startswith(
        "Traction is strongest through the “other” channel (anything else, or not said): 9 of 10 applications"
    )
    assert sentence.endswith("against the one other channel with 5 applications or more.")


def test_the_headline_compares_the_last_30_days_with_the_30_before():
    apps = _apps(
        *[(i, "Acme", "x", "referral", "2026-03-20") for i in range(1, 4)],
        *[(i, "Beta", "x", "job board", "2026-02-15") for i in range(4, 9)],
    )
    events = _events(
        (1, "screen", "2026-03-25"),
        (4, "interview", "2026-02-20"),
        (5, "final", "2026-03-10"),
        (5, "offer", "2026-03-15"),
    )
    figures, sentence = traction.headline(traction.traction_table(apps, events, TODAY), TODAY)
    by_label = {f.label: f for f in figures}
    assert (
        by_label["Applications"].value,
        by_label["Applications"].last_30,
        by_label["Applications"].previous_30,
    ) == ("8", 3, 5)
    assert by_label["Response rate"].value == "38%"  # 3 of 8
    assert (by_label["Response rate"].last_30, by_label["Response rate"].previous_30) == (2, 1)
    assert by_label["Final rounds"].value == "1" and by_label["Offers"].last_30 == 1
    assert by_label["Response rate"].note == "3 of 8 in all · 95% interval 14%–69%"
    # Acme's referrals are 3 applications: job boards alone have 5, so there is nothing to compare.
    assert sentence.startswith(
        "2 of 8 applications reached an interview or further. Too few yet to tell where"
    )
    assert "that needs two channels, roles or companies with 5 applications each" in sentence
    more = _apps(*[(i, "Acme", "x", "referral", "2026-03-20") for i in (9, 10)])  # referrals: 5 now
    both = traction.traction_table(pd.concat([apps, more], ignore_index=True), events, TODAY)
    # two groups of 5 now, but the leader rests on 2 interviews: still too few to name it
    assert traction.strongest_claim(both).text.startswith(
        "2 of 10 applications reached an interview or further. Too few"
    )


def _interviewed(apps, ids):
    return _events(*[(i, "interview", "2026-02-20") for i in ids])


def test_one_interview_among_hundreds_is_not_a_strongest_channel():
    apps = _apps(*_many(300, "job board"), *_many(6, "referral", start=301))
    table = traction.traction_table(apps, _interviewed(apps, [1]), TODAY)
    claim = traction.strongest_claim(table)
    assert "strongest" in claim.text and claim.text.startswith("1 of 306 applications reached an interview")
    assert "job boards" not in claim.text


def test_a_lead_whose_interval_clears_the_runner_up_is_called_strongest():
    apps = _apps(*_many(10, "referral"), *_many(40, "job board", start=11))
    table = traction.traction_table(apps, _interviewed(apps, [*range(1, 10), 11]), TODAY)
    claim = traction.strongest_claim(table)
    assert claim.text.startswith("Traction is strongest through referrals: 9 of 10")
    assert "95% interval" in claim.text and claim.rests_on == (10, 40)
    assert claim.text.endswith("against the one other channel with 5 applications or more.")  # in words


def test_a_lead_within_the_margin_is_said_to_be_uncertain():
    apps = _apps(*_many(10, "referral"), *_many(10, "job board", start=11))
    table = traction.traction_table(apps, _interviewed(apps, [*range(1, 7), *range(11, 15)]), TODAY)
    claim = traction.strongest_claim(table)
    assert claim.text.startswith("Traction is highest so far through referrals: 6 of 10")
    assert (
        "Next, ranked by the lower end of each interval: job boards (4 of 10)" in claim.text
        and "may not hold" in claim.text
    )
    assert "strongest" not in claim.text


def test_the_headline_of_an_empty_search_says_what_to_do():
    empty = traction.traction_table(_apps(), _events(), TODAY)
    figures, sentence = traction.headline(empty, TODAY)
    assert figures[0].value == "0" and figures[1].value == "too few to tell"
    assert sentence.startswith("Log a few applications")


def test_the_view_of_an_empty_search_has_empty_frames_not_errors():
    view = traction.traction_view(traction.traction_table(_apps(), _events(), TODAY), TractionFilter())
    assert view.matching == 0 and view.company_stages.empty and view.over_time.empty
    assert view.funnel["reached"].tolist() == [0, 0, 0, 0, 0] and view.extra_rates == {}


def test_the_headline_says_how_many_it_counts_in_neither_30_day_window_for_want_of_a_day():
    apps = _apps(*[(i, "Acme", "x", "referral", "2026-03-20") for i in range(1, 4)])
    events = _events((1, "rejected", None), (2, "interview", None), (3, "screen", "2026-03-25"))
    by_label = {f.label: f for f in traction.headline(traction.traction_table(apps, events, TODAY), TODAY)[0]}
    answers = by_label["Response rate"]
    assert (answers.value, answers.note, answers.last_30, answers.undated) == (
        "3 of 3",
        "too few to tell as a rate: it needs 5",
        1,
        2,
    )
    assert (by_label["Traction rate"].last_30, by_label["Traction rate"].undated) == (0, 1)
    assert by_label["Applications"].undated == 0 and by_label["Offers"].undated == 0


def test_the_table_bounds_are_the_first_and_last_application_dates():
    """They were always None (a line lost when the module was split): Traction's "Applied between"
    stayed empty, and the report charted a short search by month instead of by week."""
    table = traction.traction_table(
        _apps(
            (1, "Acme", "Analyst", "referral", "2026-02-03"), (2, "Beta", "Analyst", "referral", "2026-01-09")
        ),
        _events(),
        TODAY,
        30,
    )
    assert traction.table_bounds(table) == (dt.date(2026, 1, 9), dt.date(2026, 2, 3))
    assert traction.table_bounds(table.iloc[0:0]) is None


def test_one_application_is_said_in_the_singular():
    table = traction.traction_table(
        _apps((1, "Acme", "Analyst", "referral", "2026-02-03")),
        _events((1, "interview", "2026-02-10")),
        TODAY,
        30,
    )
    said = traction.strongest_sentence(table)
    assert said.startswith("1 of 1 application reached an interview or further.")


def test_funnel_steps_and_endings_say_their_interval_and_n_and_nothing_under_five():
    """A bare "71%" beside each step, and "Rejected 33%" from 3 applications."""
    seven = _apps(*_many(7))
    events = _events(*[(i, "screen", "2026-01-10") for i in range(1, 6)], (1, "rejected", "2026-01-20"))
    funnel = traction.funnel(_table(seven.reset_index(drop=True), events).reset_index())
    screen = funnel.set_index("stage").loc["screen"]
    assert screen["conversion_text"] == "5 of 7 (71%, 95% interval 36%–92%)"
    ends = traction.endings(_table(seven, events).reset_index()).set_index("end_state")
    assert ends.loc["rejected", "share_text"] == "1 of 7 (14%, 95% interval 3%–51%)"
    three = traction.endings(_table(_apps(*_many(3)), _events((1, "rejected", "2026-01-20"))).reset_index())
    assert three["share"].isna().all()
    assert three.set_index("end_state").loc["rejected", "share_text"] == "1 of 3 (too few to tell)"


def test_an_undated_first_answer_surely_inside_the_last_30_days_is_counted_in_them():
    """Applied on 20 March, an undated screen, a "no" on 28 March: the first answer came in the last
    30 days whatever its day. Applied in January, it could fall in either window: undated still."""
    apps = _apps((1, "Acme", "x", "referral", "2026-03-20"), (2, "Beta", "x", "referral", "2026-01-20"))
    events = _events(
        (1, "screen", None), (1, "rejected", "2026-03-28"), (2, "screen", None), (2, "rejected", "2026-03-28")
    )
    table = traction.traction_table(apps, events, TODAY)
    answers = {f.label: f for f in traction.headline(table, TODAY)[0]}["Response rate"]
    assert (answers.last_30, answers.previous_30, answers.undated) == (1, 0, 1)
    stand_in = apps.assign(applied_known=[False, True])  # a stand-in day applied is no bound from below
    answers = {
        f.label: f for f in traction.headline(traction.traction_table(stand_in, events, TODAY), TODAY)[0]
    }
    assert (answers["Response rate"].last_30, answers["Response rate"].undated) == (0, 2)


def test_a_stand_in_day_applied_reads_applied_by_in_a_companys_history():
    apps = _apps((1, "Acme", "Analyst", "referral", "2026-02-10")).assign(applied_known=[False])
    events = _events((1, "rejected", "2026-02-10"))
    detail = traction.company_applications(traction.traction_table(apps, events, TODAY), events, "Acme")
    assert detail.loc[0, "history"] == "Applied by 10 Feb 2026 → Rejected 10 Feb 2026"
