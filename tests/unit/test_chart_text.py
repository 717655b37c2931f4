"""Every chart has a title and a text alternative (the spec's description, read by screen readers)."""

import datetime as dt

import pandas as pd
import pytest

from lib.learn import charts
from ui.charts import prepare, with_text_alternative

COMPANY_STAGES = pd.DataFrame(  # two companies, as lib.learn.traction aggregates them
    {
        "company": ["Acme", "Beta"],
        "stage": ["applied", "interview"],
        "stage_label": ["Applied", "Interview"],
        "applications": [3, 1],
        "company_total": [3, 1],
        "company_traction": [0, 1],
        "order": [0, 1],
    }
)


def test_a_chart_gets_a_description_from_its_title_and_data():
    spec = with_text_alternative(charts.company_stages_chart(COMPANY_STAGES).to_dict())
    assert spec["title"]["text"]
    title = spec["title"]["text"]
    assert spec["description"].startswith(f"Chart: {title}" + ("" if title.endswith("?") else "."))
    assert "2 data points" in spec["description"]


def test_a_chart_without_a_title_is_refused():
    with pytest.raises(ValueError):
        with_text_alternative({"mark": "bar", "data": {"values": [{"x": dt.date.today().year}]}})


def test_a_chart_without_its_own_title_takes_the_one_the_page_gives():
    spec = with_text_alternative({"mark": "bar", "data": {"values": [{"x": 1}]}}, "Your mood, week by week")
    assert spec["title"]["text"] == "Your mood, week by week"
    assert spec["description"] == "Chart: Your mood, week by week. 1 data point."


def test_the_numbers_under_a_chart_are_headed_as_the_chart_heads_them_with_days_as_days():
    table = prepare(charts.company_stages_chart(COMPANY_STAGES).to_dict()).table
    assert "order" not in table.columns and "stage" not in table.columns  # the chart's inner workings
    assert "Company" in table.columns and table["Company"].tolist() == ["Acme", "Beta"]
    spec = {
        "title": "Mood by week",
        "data": {"values": [{"week": "2026-04-06T00:00:00", "mood": 3.5, "enough": True}]},
        "encoding": {"x": {"field": "week", "title": "Week"}, "y": {"field": "mood", "title": "Mood"}},
    }
    assert prepare(spec).table.values.tolist() == [["06 Apr 2026", "3.5"]]


def test_a_long_title_or_subtitle_is_drawn_on_lines_not_cut_and_read_whole():
    """Vega cuts a title wider than its chart with "…": a long one is drawn as lines, while the
    text alternative and the table's drawer read it as one sentence."""
    subtitle = "Line: fastest to slowest · bar: the middle half · dark tick: the median · under 5: too few"
    spec = {
        "title": {"text": "Where you felt at ease, by round type", "subtitle": subtitle},
        "data": {"values": [{"x": 1}]},
    }
    chart = prepare(spec, title_line=28)
    title = chart.spec["title"]
    assert title["text"] == ["Where you felt at ease, by", "round type"]
    assert all(len(line) <= 42 for line in title["subtitle"]) and " ".join(title["subtitle"]) == subtitle
    assert chart.title == "Where you felt at ease, by round type"
    assert chart.spec["description"].startswith("Chart: Where you felt at ease, by round type. Line: fastest")
    short = prepare({"title": "How far do applications get?", "data": {"values": [{"x": 1}]}})
    assert short.spec["title"]["text"] == "How far do applications get?"  # one line stays a string
    assert short.spec["description"] == "Chart: How far do applications get? 1 data point."  # not "?."


def test_a_chart_is_one_image_to_a_screen_reader_its_marks_and_axes_left_out():
    """A layer with nothing to draw (every rate too few to tell) was an unnamed image (axe:
    svg-img-alt); the chart is named by its description, its numbers in the table under it."""
    config = prepare({"title": "Rates", "data": {"values": [{"x": 1}]}}).spec["config"]
    assert config["aria"] is False and config["mark"]["aria"] is False
    assert config["axis"]["labelColor"]  # the readable words kept beside it


def test_a_chart_of_a_set_height_keeps_it_for_its_marks():
    """Streamlit fits a single chart, title and axes included, into its height unless told
    otherwise: a 150 px chart became a flat strip."""
    fixed = prepare({"title": "Mood", "height": 150, "data": {"values": [{"x": 1}]}})
    assert fixed.spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    stepped = prepare({"title": "Bars", "height": {"step": 24}, "data": {"values": [{"x": 1}]}})
    assert "autosize" not in stepped.spec


def test_the_numbers_under_a_chart_show_shares_as_the_chart_does():
    spec = {
        "title": "How far do applications get?",
        "data": {
            "values": [{"stage": "Screen", "conversion": 2 / 3}, {"stage": "Applied", "conversion": None}]
        },
        "encoding": {
            "y": {"field": "stage", "title": "Stage"},
            "tooltip": [{"field": "conversion", "title": "Of those at the step before", "format": ".0%"}],
        },
    }
    assert prepare(spec).table.values.tolist() == [["Screen", "67%"], ["Applied", ""]]


def test_the_numbers_under_a_rates_chart_carry_the_rate_itself_beside_which_rate_it_is():
    from lib.learn import traction

    apps = pd.DataFrame(
        {
            "id": range(1, 7),
            "company": ["Acme"] * 6,
            "role": ["Analyst"] * 6,
            "channel": ["referral"] * 6,
            "applied_on": pd.to_datetime(["2026-01-05"] * 6),
        }
    )
    events = pd.DataFrame(
        {
            "application_id": [1, 2, 3],
            "kind": ["screen", "interview", "rejected"],
            "occurred_on": ["2026-01-09"] * 3,
        }
    )
    table = traction.traction_table(apps, events, dt.date(2026, 2, 1))
    rates = traction.rates_by(table, "channel")
    shown = prepare(charts.rates_chart(rates, "Channel", "Where?").to_dict()).table
    row = shown.set_index("Which rate").loc["Response rate"]
    assert row["Rate"] == "50%"  # 3 of 6 answered: the column was only the label "Response rate"


def test_a_table_of_counted_things_names_the_things():
    """The skills table under its chart had only a "Reflections" column: no skill named."""
    from lib.learn.insight_charts import count_bars

    frame = pd.DataFrame({"skill": ["SQL window functions", "storytelling"], "count": [2, 1]})
    table = prepare(count_bars(frame, "skill", "Skill", "Reflections").to_dict(), "Skills").table
    assert list(table.columns) == ["Skill", "Reflections"]
    assert table["Skill"].tolist() == ["SQL window functions", "storytelling"]


def test_a_month_in_the_table_under_a_chart_reads_as_a_month():
    """It read "01 Oct 2026", as if on that day."""
    months = pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-10-01", "2026-11-01"]),
            "applications": [4, 5],
            "responses": [1, 2],
            "traction": [0, 1],
        }
    )
    table = prepare(charts.over_time_chart(months, "month").to_dict(), "Over time").table
    assert set(table["Month applied"]) == {"Oct 2026", "Nov 2026"}


def _contrast(hex_colour: str) -> float:
    """Contrast of a colour against white (WCAG 2)."""
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_axis_and_legend_words_read_on_white_and_a_colour_the_chart_sets_is_kept():
    spec = charts.company_stages_chart(COMPANY_STAGES).to_dict()
    config = prepare(spec).spec["config"]
    colours = [config[part][key] for part in ("axis", "legend") for key in ("labelColor", "titleColor")]
    assert all(_contrast(c) >= 4.5 for c in colours), colours  # Streamlit's own grey: 3.7
    own = prepare({**spec, "config": {**spec.get("config", {}), "axis": {"labelColor": "#000000"}}})
    assert own.spec["config"]["axis"]["labelColor"] == "#000000"


def test_the_numbers_under_the_insight_charts_say_too_few_and_shares_not_0_or_fractions():
    """Under Insights' charts: "Average comfort (1–5)" was 0 for every group too small to say, the
    share reaching the final round read 0.2 and 0.5, and the mood table had a "Week" column of
    the bars' left edges (17 Apr beside "Week of" 20 Apr)."""
    from lib.learn import insight_charts, mood_charts

    def read(table):  # as the page shows it: the table's text is escaped for Markdown
        table = table.replace(r"\\", "", regex=True)
        return table.set_axis([c.replace("\\", "") for c in table.columns], axis=1)

    comfort = pd.DataFrame(
        {
            "dimension": ["Company"] * 2,
            "value": ["Otter Cloud", "Acme"],
            "average": [4.5, 3.2],
            "n": [4, 6],
            "enough": [False, True],
        }
    )
    table = read(prepare(insight_charts.comfort_chart(comfort, "Company").to_dict(), "Comfort").table)
    rows = table.set_index("Company")["Average comfort (1–5)"].to_dict()
    assert rows == {"Otter Cloud": "too few to say", "Acme": "3.2"}

    motivation = pd.DataFrame(
        {
            "motivation": ["dream job", "someone else pushed me"],
            "n": [5, 2],
            "reached_final": [1, 1],
            "comfort": [4.0, 3.25],
            "share_final": [0.2, 0.5],
            "enough": [True, False],
        }
    )
    table = read(prepare(insight_charts.motivation_chart(motivation).to_dict(), "Was it for me").table)
    shares = table.set_index("Motivation")["Share that reached the final round"].to_dict()
    assert shares == {"dream job": "20%", "someone else pushed me": "too few to say"}
    comfort = table.set_index("Motivation")["Average comfort"].to_dict()  # "3.25" from 2 was shown
    assert comfort == {"dream job": "4.0", "someone else pushed me": "too few to say"}

    weekly = pd.DataFrame(
        {
            "week": pd.to_datetime(["2026-04-13", "2026-04-20"]),
            "mood": [3.0, 4.0],
            "checkins": [1, 2],
            "applications": [2, 0],
            "closer_to_yes": [0, 1],
        }
    )
    table = read(prepare(mood_charts.mood_activity_chart(weekly).to_dict(), "Activity").table)
    assert "Week of" in table.columns and "Week" not in table.columns
