"""Insight charts, checked on their Vega-Lite spec: what they encode, and small groups faded."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.learn import insight_charts as charts
from lib.learn import mood_charts


def _data(chart) -> list[dict]:
    spec = chart.to_dict()
    return spec["data"]["values"]


def test_self_assessment_heat_map_orders_stages_and_greys_small_groups():
    frame = pd.DataFrame(
        {
            "measure": ["prepared", "prepared"],
            "measure_label": ["Fully prepared"] * 2,
            "stage": ["final", "interview"],
            "stage_label": ["Final round", "Interview"],
            "stage_rank": [3, 2],
            "average": [2.0, 3.4],
            "n": [3, 12],
            "enough": [False, True],
        }
    )
    spec = charts.self_assessment_chart(frame).to_dict()
    cells = spec["layer"][0]
    assert cells["mark"]["type"] == "rect"
    assert cells["encoding"]["x"]["sort"] == ["Interview", "Final round"]
    colour = cells["encoding"]["color"]  # too few: grey with no average, not a faded blue read as low
    assert colour["condition"]["test"] == "datum.enough" and colour["value"] == charts.TOO_FEW_GREY
    assert colour["condition"]["scale"]["scheme"] == "blues"
    label = spec["layer"][1]["transform"][0]["calculate"]
    assert "datum.enough ?" in label and "too few (n=" in label
    # hovering a cell's words shows the cell's tooltip, not the raw fields "measure_label", "label"
    assert [t["title"] for t in spec["layer"][1]["encoding"]["tooltip"]] == [
        t["title"] for t in cells["encoding"]["tooltip"]
    ]
    assert {row["sample"] for row in _data(charts.self_assessment_chart(frame))} == {
        "enough data",
        "fewer than 5: not a finding",
    }
    # the average of 3 ratings is said nowhere: not in the tooltip, not in the table under it
    assert {t["field"]: t["title"] for t in cells["encoding"]["tooltip"]}["said"] == "Average"
    assert [row["said"] for row in _data(charts.self_assessment_chart(frame))] == ["too few to say", "3.4"]
    from ui.charts import prepare

    table = prepare(spec, "How you rated yourself").table
    said = [str(v).replace("\\", "") for v in table["Average"]]  # shown literally: "3\.4" is "3.4"
    assert said == ["too few to say", "3.4"] and "2.0" not in table.to_string().replace("\\", "")


def test_comfort_chart_draws_one_dimension_on_a_one_to_five_scale():
    frame = pd.DataFrame(
        {
            "dimension": ["Format", "Format", "Company"],
            "value": ["video", "phone", "Acme"],
            "average": [4.0, 2.5, 3.0],
            "n": [6, 2, 5],
            "enough": [True, False, True],
        }
    )
    chart = charts.comfort_chart(frame, "Format")
    bars = chart.to_dict()["layer"][0]
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 5]
    assert bars["encoding"]["x"]["axis"]["values"] == [0, 1, 2, 3, 4, 5]  # not every 0.2 when wide
    assert [row["value"] for row in _data(chart)] == ["video", "phone"]
    assert [row["label"] for row in _data(chart)] == ["4.0  (n=6)", "n=2: too few"]


def test_groups_too_small_to_say_come_after_the_others_and_write_no_average():
    """ "Meridian Games 5.0 (n=2)" topped the companies, above those with enough rounds."""
    frame = pd.DataFrame(
        {
            "dimension": ["Company"] * 4,
            "value": ["Meridian", "Acme", "Birch", "Otter"],
            "average": [5.0, 3.0, 4.0, 1.0],
            "n": [2, 6, 5, 4],
            "enough": [False, True, True, False],
        }
    )
    chart = charts.comfort_chart(frame, "Company")
    # the too-few after the others, by how many they have (not by an average they can't stand on)
    assert chart.to_dict()["layer"][0]["encoding"]["y"]["sort"] == ["Birch", "Acme", "Otter", "Meridian"]
    rows = {row["value"]: row for row in _data(chart)}
    assert rows["Meridian"]["label"] == "n=2: too few"
    assert rows["Meridian"]["_drawn"] == 0 and rows["Birch"]["_drawn"] == 4.0  # no faded full-length bar
    assert rows["Meridian"]["said"] == "too few to say"


def test_weakest_questions_put_the_lowest_average_on_top():
    frame = pd.DataFrame(
        {"category": ["case", "technical"], "average": [2.1, 3.4], "n": [5, 9], "enough": [True, True]}
    )
    assert charts.weakest_chart(frame).to_dict()["layer"][0]["encoding"]["y"]["sort"] == ["case", "technical"]


WEEKLY = pd.DataFrame(
    {
        "week": pd.to_datetime(["2025-05-26", "2025-06-02", "2025-06-09"]),
        "mood": [None, 3.0, None],
        "checkins": [0, 3, 0],
        "applications": [2, 1, 4],
        "closer_to_yes": [1, 0, 0],
    }
)


def test_mood_chart_stacks_mood_over_activity_on_shared_weeks():
    spec = mood_charts.mood_chart(WEEKLY).to_dict()
    assert spec["resolve"] == {"scale": {"x": "shared"}}
    top, bottom = spec["vconcat"]
    assert top["mark"]["type"] == "line" and top["encoding"]["y"]["scale"]["domain"] == [1, 5]
    sent, closer = bottom["layer"]
    assert sent["mark"]["type"] == "bar" and sent["encoding"]["y"]["field"] == "applications"
    assert closer["mark"]["type"] == "line" and closer["encoding"]["y"]["field"] == "closer_to_yes"


def test_the_two_mood_charts_drawn_apart_span_the_same_weeks():
    """Insights draws them one above the other: a week with no mood still lines up with its bar."""
    mood = mood_charts.mood_line_chart(WEEKLY).to_dict()
    activity = mood_charts.mood_activity_chart(WEEKLY).to_dict()
    first, last = mood["encoding"]["x"]["scale"]["domain"]
    # the weeks 26 May to 9 June, with half a week more each side: the end weeks' bars are whole
    assert (first["month"], first["date"], last["month"], last["date"]) == (5, 22, 6, 13)
    assert all(layer["encoding"]["x"]["scale"]["domain"] == [first, last] for layer in activity["layer"])
    # a week's bar spans most of its week, from zero (a bar at a point in time was a 1-3 px sliver)
    bars = activity["layer"][0]["encoding"]
    assert (bars["x"]["field"], bars["x2"]["field"], bars["y2"]["datum"]) == ("_bar_from", "_bar_to", 0)
    # labelled on the data's own weeks (the table's Mondays), the same in both
    ticks = mood["encoding"]["x"]["axis"]["values"]
    assert [(t["month"], t["date"]) for t in ticks] == [(5, 26), (6, 2), (6, 9)]
    assert all(layer["encoding"]["x"]["axis"]["values"] == ticks for layer in activity["layer"])


def test_on_track_chart_draws_the_goal_as_a_rule():
    weekly = pd.DataFrame(
        {
            "week": pd.to_datetime(["2025-05-26", "2025-06-02"]),
            "applications": [4, 1],
            "stage_progress": [1, 0],
            "goal": [5, 5],
        }
    )
    bars, goal, label = charts.on_track_chart(weekly).to_dict()["layer"]
    assert bars["mark"]["type"] == "bar" and goal["mark"]["type"] == "rule"
    assert goal["encoding"]["y"]["field"] == "goal"
    # the dashed line says what it is (it had no label or legend)
    assert label["mark"]["type"] == "text" and label["data"]["values"][0]["goal_said"] == "weekly goal: 5"


def test_motivation_chart_shows_shares_with_their_counts():
    frame = pd.DataFrame(
        {
            "motivation": ["dream job", "I was bored"],
            "n": [5, 2],
            "reached_final": [3, 2],
            "comfort": [4.0, None],
            "share_final": [0.6, 1.0],
            "enough": [True, False],
        }
    )
    chart = charts.motivation_chart(frame)
    # "2 of 2" was the longest bar (100%, faded): too few is said, and drawn as no share at all
    assert [row["label"] for row in _data(chart)] == ["3 of 5", "2 of 2: too few"]
    assert [row["_drawn"] for row in _data(chart)] == [0.6, 0.0]
    assert chart.to_dict()["layer"][0]["encoding"]["x"]["axis"]["format"] == "%"


def test_count_bars_and_themes_over_time_encode_counts():
    counts = pd.DataFrame({"theme": ["technical depth", "communication"], "count": [4, 2]})
    assert (
        charts.count_bars(counts, "theme", "Theme").to_dict()["layer"][0]["encoding"]["x"]["field"] == "count"
    )
    by_month = pd.DataFrame(
        {"month": pd.to_datetime(["2025-03-01", "2025-05-01"]), "theme": ["a", "b"], "count": [1, 2]}
    )
    spec = charts.themes_over_time_chart(by_month.iloc[::-1]).to_dict()
    assert spec["encoding"]["color"]["field"] == "theme"
    # Each month a named bar, in order, a quiet one (April) kept as an empty slot: a time axis
    # padded itself to a month still to come.
    assert spec["encoding"]["x"]["sort"] == ["Mar 2025", "Apr 2025", "May 2025"]
    assert spec["encoding"]["x"]["scale"]["domain"] == ["Mar 2025", "Apr 2025", "May 2025"]
    assert spec["encoding"]["x"]["type"] == "ordinal"


def test_a_chart_refuses_more_than_five_thousand_rows():
    frame = pd.DataFrame({"theme": [f"t{i}" for i in range(5_001)], "count": 1})
    with pytest.raises(ValueError, match="aggregated"):
        charts.count_bars(frame, "theme", "Theme")


def test_traction_chart_shows_one_dimension_as_rates():
    frame = pd.DataFrame(
        {
            "dimension": ["Channel", "Role"],
            "value": ["referral", "Analyst"],
            "n": [5, 7],
            "traction": [3, 1],
            "rate": [0.6, 0.14],
            "enough": [True, True],
        }
    )
    chart = charts.traction_chart(frame, "Channel")
    assert [row["label"] for row in _data(chart)] == ["3 of 5"]


def test_specs_are_built_for_every_chart_with_data_and_skipped_for_empty_frames(engine):
    import datetime as dt

    from lib.learn import insights
    from lib.store import insight_data

    data = insight_data.load(engine)
    found = insights.all_insights(data, dt.date(2025, 6, 4))
    assert charts.specs(found) == {}  # nothing recorded: no chart at all
    found["on_track"] = insights.on_track(data["log"], data["events"], 5, dt.date(2025, 6, 4))
    # nothing logged: no four weeks of zero against a red goal line, before the search began
    assert charts.specs(found) == {}


def test_specs_for_the_demo_data_cover_every_insight_chart(tmp_path):
    import datetime as dt

    from lib.core import db
    from lib.data import demo
    from lib.learn import insights
    from lib.store import insight_data

    engine = db.open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.build(engine, today=dt.date(2025, 6, 4))
    found = insights.all_insights(insight_data.load(engine), dt.date(2025, 6, 4))
    specs = charts.specs(found)
    assert {
        "self_assessment",
        "questions",
        "themes",
        "skills",
        "mood",
        "motivation",
        "comfort:Format",
        "comfort:Round type",
        "comfort:Company",
        "traction:Channel",
        "traction:Role",
    } <= set(specs)
    assert all("$schema" in spec for spec in specs.values())


def test_weeks_with_nothing_sent_count_in_whole_numbers_from_zero_to_one():
    # all zeros: the browser's axis read "0.000000"
    quiet = WEEKLY.assign(applications=0, closer_to_yes=0)
    spec = mood_charts.mood_activity_chart(quiet).to_dict()
    for layer in spec["layer"]:
        y = layer["encoding"]["y"]
        assert y["scale"]["domain"] == [0, 1]
    assert spec["layer"][0]["encoding"]["y"]["axis"]["format"] == "d"
