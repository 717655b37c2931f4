"""Charts are checked on their Vega-Lite specification (chart.to_dict())."""

import datetime as dt
import math
import re

import pandas as pd
import pytest

from lib.core import vocab
from lib.learn import charts, outcome_charts, traction
from lib.learn.traction import TractionFilter

TODAY = dt.date(2026, 3, 31)


def view_table():
    rows = [
        (
            i,
            f"Company {i % 7}",
            "Data Analyst" if i % 2 else "Sr. Data Scientist",
            ["referral", "job board", "recruiter"][i % 3],
            f"2026-0{1 + i % 3}-0{1 + i % 9}",
        )
        for i in range(1, 31)
    ]
    apps = pd.DataFrame(rows, columns=["id", "company", "role", "channel", "applied_on"])
    apps["resume_version"] = ["v1", "v2"] * 15
    events = pd.DataFrame(
        [(i, "screen", "2026-03-20") for i in range(1, 20)]
        + [(i, "interview", "2026-03-22") for i in range(1, 10)]
        + [(i, "rejected", "2026-03-25") for i in range(20, 25)],
        columns=["application_id", "kind", "occurred_on"],
    )
    return traction.traction_table(apps, events, TODAY)


@pytest.fixture
def view():
    return traction.traction_view(view_table(), TractionFilter())


def _layers(spec):
    return spec.get("layer", [spec])


def test_the_company_chart_stacks_furthest_stages_in_a_sequential_palette_and_can_be_clicked(view):
    spec = charts.company_stages_chart(view.company_stages).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["title"]["text"] == "Which companies took you furthest?"
    enc = spec["encoding"]
    assert enc["y"]["field"] == "company" and enc["y"]["title"] == "Company"
    assert enc["y"]["sort"] == view.company_stages.sort_values("order")["company"].drop_duplicates().tolist()
    assert enc["x"]["aggregate"] == "sum" and enc["x"]["title"] == "Applications"
    assert enc["color"]["field"] == "stage_label"
    assert enc["color"]["scale"]["range"] == list(charts.STAGE_COLOURS)
    assert enc["order"]["field"] == "stage_rank"
    assert {t["field"] for t in enc["tooltip"]} >= {"company", "applications", "company_total"}
    assert spec["params"][0]["name"] == "company_pick"


def test_the_stage_palette_darkens_step_by_step_so_it_reads_in_grey_scale():
    def luminance(hex_colour):
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lum = [luminance(c) for c in charts.STAGE_COLOURS]
    assert all(a - b > 0.05 for a, b in zip(lum, lum[1:]))  # further is darker


def test_neighbouring_stages_differ_clearly_in_colour_not_only_the_ends():
    """CIE76 distance between neighbours: Interview and Final round were two teals 20 apart, now 31."""

    def lab(hex_colour):
        def linear(c):
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

        def f(v):
            return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    labs = [lab(c) for c in charts.STAGE_COLOURS]
    assert all(math.dist(a, b) > 30 for a, b in zip(labs, labs[1:]))


def test_the_rates_chart_draws_bars_intervals_and_says_too_few_for_small_groups(view):
    spec = charts.rates_chart(view.channel_rates, "Channel", "Which channels get answers?").to_dict()
    assert spec["title"]["text"] == "Which channels get answers?"
    bars, rule = spec["layer"][0], spec["layer"][1]
    assert bars["mark"]["type"] == "bar"
    assert bars["encoding"]["x"]["field"] == "rate" and bars["encoding"]["x"]["axis"]["format"] == "%"
    assert bars["encoding"]["yOffset"]["field"] == "measure"
    # the groups' axis has no title of its own: beside long labels it was drawn over them
    assert bars["encoding"]["y"]["title"] is None and bars["encoding"]["y"]["axis"]["labelLimit"] == 220
    assert rule["mark"]["type"] == "rule"
    assert (rule["encoding"]["x"]["field"], rule["encoding"]["x2"]["field"]) == ("low", "high")
    assert [layer["mark"]["type"] for layer in spec["layer"][2:4]] == ["tick", "tick"]  # the interval's ends
    few = spec["layer"][4]
    assert few["mark"]["type"] == "text" and few["encoding"]["text"]["field"] == "note"
    data = spec["data"]["values"]
    assert len(data) == 2 * len(view.channel_rates)
    # "too few to tell" is said of the small groups only, never of one with enough applications
    assert all((row["note"] == "") == row["enough"] for row in data)
    assert any(row["enough"] for row in data)


def test_over_time_lines_differ_by_dash_and_shape_not_only_colour(view):
    spec = charts.over_time_chart(view.over_time, "month").to_dict()
    assert spec["mark"]["type"] == "line"
    enc = spec["encoding"]
    assert enc["x"]["timeUnit"] == "yearmonth" and enc["x"]["title"] == "Month applied"
    assert enc["strokeDash"]["field"] == enc["shape"]["field"] == enc["color"]["field"] == "measure"
    assert enc["y"]["title"] == "Applications"


def test_closer_to_yes_puts_stages_in_ladder_order(view):
    spec = charts.closer_to_yes_chart(view.over_time).to_dict()
    assert spec["encoding"]["y"]["field"] == "best_stage"
    assert spec["encoding"]["y"]["sort"][0] == "Accepted" and spec["encoding"]["y"]["sort"][-1] == "Applied"


def test_the_funnel_and_endings_are_bars_with_counts_labelled(view):
    funnel = outcome_charts.funnel_chart(view.funnel).to_dict()
    assert funnel["title"]["text"] == "How far do applications get?"
    assert funnel["layer"][0]["mark"]["type"] == "bar" and funnel["layer"][1]["mark"]["type"] == "text"
    assert funnel["layer"][0]["encoding"]["y"]["sort"] == [
        "Applied",
        "Screen",
        "Interview",
        "Final round",
        "Offer",
    ]
    ends = outcome_charts.endings_chart(view.endings).to_dict()
    assert ends["title"]["text"] == "Where do applications end?"
    assert ends["layer"][1]["encoding"]["text"]["field"] == "said"
    total = int(view.endings["applications"].sum())
    said = [row["said"] for row in ends["data"]["values"]]
    if total >= 5:  # a share with its interval, from 5 applications
        assert all(re.fullmatch(r"\d+% \(\d+%–\d+%\)", s) for s in said), said
    else:  # the counts alone under that ("Rejected 33%" stood on 3)
        assert all(re.fullmatch(rf"\d+ of {total}", s) for s in said), said


def test_response_times_show_spread_middle_half_and_median(view):
    spec = outcome_charts.response_time_chart(view.response_times).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["rule", "bar", "tick", "text"]
    assert "too few to tell" in spec["title"]["subtitle"]
    assert spec["layer"][2]["encoding"]["x"]["field"] == "median"
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Days from applying to the first answer"
    assert all((row["note"] == "") == row["enough"] for row in spec["data"]["values"])


def test_text_after_a_bar_has_room_inside_the_chart():
    """Vega clips text past the scale's end: the funnel's "40 · 67%" and a channel's "too few to
    tell" are drawn after their bar or line, so the scale reaches past them."""
    funnel = pd.DataFrame(
        {
            "stage_label": ["Applied", "Screen", "Interview"],
            "reached": [4, 4, 1],
            "conversion": [float("nan"), float("nan"), float("nan")],
            "conversion_text": ["", "too few to tell", "too few to tell"],
        }
    )
    spec = outcome_charts.funnel_chart(funnel).to_dict()
    labels = [row["label"] for row in spec["data"]["values"]]
    assert labels == ["4", "4 · too few to tell", "1 · too few to tell"]
    assert spec["layer"][1]["encoding"]["x"]["scale"]["domain"][1] >= 4 * 2  # a long label on a full bar
    shares = funnel.assign(reached=[60, 40, 25], conversion=[float("nan"), 2 / 3, 0.625])
    shares["conversion_text"] = ["", "40 of 60 (67%, …)", "25 of 40 (62%, …)"]
    spec = outcome_charts.funnel_chart(shares).to_dict()
    # each rate with its 95% interval (it was a bare "67%")
    assert [row["label"] for row in spec["data"]["values"]] == [
        "60",
        "40 · 67% (54%–77%)",
        "25 · 62% (47%–76%)",
    ]
    assert 60 * 1.6 <= spec["layer"][0]["encoding"]["x"]["scale"]["domain"][1] < 60 * 2.5

    times = pd.DataFrame(
        {
            "channel": ["job board", "recruiter"],
            "responses": [12, 4],
            "enough": [True, False],
            **{"fastest": [3, 6], "q1": [6, 7], "median": [9, 8], "q3": [10, 9], "slowest": [12, 12]},
        }
    )
    spec = outcome_charts.response_time_chart(times).to_dict()
    assert [row["note"] for row in spec["data"]["values"]] == ["", "too few to tell"]
    # hovered, a channel with too few answers says so (its tooltip read "Median days null")
    said = [(row["median_said"], row["q1_said"]) for row in spec["data"]["values"]]
    assert said == [("9.0", "6.0"), ("too few to tell", "too few to tell")]
    fields = {t["field"] for layer in spec["layer"] for t in layer["encoding"].get("tooltip", [])}
    assert {"median_said", "q1_said", "q3_said"} <= fields and "median" not in fields
    assert spec["layer"][0]["encoding"]["x"]["axis"]["tickMinStep"] == 1  # whole days
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"][1] >= 12 * 1.8


def test_a_chart_refuses_raw_rows():
    with pytest.raises(ValueError, match="aggregated"):
        outcome_charts.endings_chart(pd.DataFrame({"label": ["x"] * 5001, "applications": 1, "share": 0.1}))


def test_traction_by_company_is_ordered_by_how_far_applications_got_then_by_count():
    table = pd.DataFrame(
        {
            "id": range(1, 8),
            "company": ["Many", "Many", "Many", "Far", "Offer", "Offer", "Screen"],
            "furthest_stage": ["interview", "interview", "applied", "accepted", "offer", "applied", "screen"],
            "traction": [True, True, False, True, True, False, False],
        }
    )
    # Before: most traction first ("Many" with 2 interviews above an accepted offer).
    frame = traction.company_stages(table)
    order = frame.sort_values("order")["company"].drop_duplicates().tolist()
    assert order == ["Far", "Offer", "Many", "Screen"]
    spec = charts.company_stages_chart(frame).to_dict()
    assert spec["encoding"]["y"]["sort"] == order


def test_every_stage_of_the_ladder_has_its_colour_in_the_company_legend_accepted_included():
    table = pd.DataFrame(
        {
            "id": [1, 2],
            "company": ["A", "B"],
            "furthest_stage": ["screen", "applied"],
            "traction": [False, False],
        }
    )
    color = charts.company_stages_chart(traction.company_stages(table)).to_dict()["encoding"]["color"]
    labels = [vocab.stage_label(s) for s in vocab.STAGES]
    assert "Accepted" in labels
    assert color["legend"]["values"] == labels  # shown even when no application got there
    assert color["legend"]["orient"] == "top"  # above 20 bars, not below the fold
    assert color["scale"]["domain"] == labels and len(set(color["scale"]["range"])) == len(labels)


def test_the_company_chart_leaves_out_the_other_companies_so_the_named_bars_stay_readable():
    # 22 companies with one application each and one with 300: only the top 20 are drawn, and the
    # summed rest (the big one is among them, it got no further) is said in words instead.
    table = pd.DataFrame(
        {
            "id": range(1, 323),
            "company": [f"Named {i}" for i in range(22)] + ["Big"] * 300,
            "furthest_stage": ["screen"] * 22 + ["applied"] * 300,
            "traction": [False] * 322,
        }
    )
    frame = traction.company_stages(table, top=20)
    assert traction.grouped_companies(frame) == (3, 302)
    spec = charts.company_stages_chart(frame).to_dict()
    drawn = (
        {row["company"] for row in spec["datasets"][spec["data"]["name"]]}
        if "datasets" in spec
        else {row["company"] for row in spec["data"]["values"]}
    )
    assert len(drawn) == 20 and not any(name.startswith(traction.OTHER_COMPANIES) for name in drawn)
    assert not any(name.startswith(traction.OTHER_COMPANIES) for name in spec["encoding"]["y"]["sort"])


def test_with_few_companies_nothing_is_grouped_or_left_out():
    table = pd.DataFrame({"id": [1, 2], "company": ["A", "B"], "furthest_stage": ["screen", "applied"]})
    frame = traction.company_stages(table.assign(traction=False))
    assert traction.grouped_companies(frame) == (0, 0)
    assert traction.grouped_companies(traction.company_stages(table.iloc[:0].assign(traction=False))) == (
        0,
        0,
    )


def test_a_weeks_ticks_fall_on_the_mondays_the_weeks_start():
    """Vega put them on Sundays ("29 Nov 2026") under weeks starting on Mondays ("30 Nov")."""
    import datetime as dt

    weekly = traction.traction_view(view_table(), TractionFilter(), freq="week").over_time
    for chart in (charts.over_time_chart(weekly, "week"), charts.closer_to_yes_chart(weekly, "week")):
        ticks = chart.to_dict()["encoding"]["x"]["axis"]["values"]
        days = [dt.date(t["year"], t["month"], t["date"]) for t in ticks]
        assert days and all(d.weekday() == 0 for d in days) and len(days) <= charts.MAX_PERIOD_TICKS
        assert set(days) <= set(pd.to_datetime(weekly["period"]).dt.date)


def test_closer_to_yes_breaks_at_months_with_nothing_sent_and_shares_the_time_axis():
    """A straight line across a year with no application read as progress, and the lower chart's
    axis (only the months with applications) no longer lined up with the one above it."""
    monthly = pd.DataFrame(
        {
            "period": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01"]),
            "applications": [3, 2, 0, 0, 4],
            "responses": [1, 1, 0, 0, 2],
            "traction": [0, 1, 0, 0, 1],
            "best_rank": [1, 2, None, None, 3],
            "best_stage": ["Screen", "Interview", None, None, "Final round"],
        }
    )
    above = charts.over_time_chart(monthly, "month").to_dict()["encoding"]["x"]
    closer = charts.closer_to_yes_chart(monthly, "month").to_dict()
    assert closer["encoding"]["x"]["scale"] == above["scale"]
    y_above = charts.over_time_chart(monthly, "month").to_dict()["encoding"]["y"]["axis"]["minExtent"]
    assert closer["encoding"]["y"]["axis"]["minExtent"] == y_above  # one y-axis width: months line up
    assert above["scale"]["domain"][0]["month"] == 1 and above["scale"]["domain"][1]["month"] == 5
    rows = closer["data"]["values"] if "values" in closer["data"] else next(iter(closer["datasets"].values()))
    runs = [row["run"] for row in rows]
    assert len(rows) == 3 and runs[0] == runs[1] != runs[2]  # Jan–Feb joined; May on its own
    assert closer["encoding"]["detail"]["field"] == "run"


def test_the_period_not_over_yet_is_said_under_the_over_time_charts():
    """Dec 2026 with one application and no answer yet was drawn as the search collapsing."""
    import datetime as dt

    monthly = traction.traction_view(view_table(), TractionFilter(), freq="month").over_time
    last = pd.Timestamp(monthly["period"].max())
    during, after = last.date() + dt.timedelta(days=3), (last + pd.offsets.MonthBegin(1)).date()
    for make in (charts.over_time_chart, charts.closer_to_yes_chart):
        said = make(monthly, "month", during).to_dict()["title"]["subtitle"]
        assert f"{last:%b %Y} is not over: its applications and their answers are still coming." in said
        assert "not over" not in make(monthly, "month", after).to_dict()["title"]["subtitle"]
        assert "not over" not in make(monthly, "month").to_dict()["title"]["subtitle"]
    weekly = traction.traction_view(view_table(), TractionFilter(), freq="week").over_time
    monday = pd.Timestamp(weekly["period"].max())
    said = charts.over_time_chart(weekly, "week", monday.date()).to_dict()["title"]["subtitle"]
    assert f"The week of {monday:%d %b} is not over" in said
