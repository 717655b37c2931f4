"""Charts for the insights: each takes an insight's already-aggregated frame and returns an alt.Chart.

Groups with fewer than 5 data points (`enough` False) are drawn faded and say so in the tooltip:
they are shown, not claimed.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib.core import vocab

# Each chart keeps its data inline: merging datasets under content hashes costs more than the
# drawing saves on charts this small (they are aggregated first).
alt.data_transformers.consolidate_datasets = False

MAX_ROWS = 5_000
FADED = 0.35
WIDTH = "container"


def _frame(frame: pd.DataFrame) -> pd.DataFrame:
    if len(frame) > MAX_ROWS:
        raise ValueError(f"a chart gets aggregated data: {len(frame):,} rows is more than {MAX_ROWS:,}")
    return frame.copy()


def _sample_note(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["sample"] = out["enough"].map({True: "enough data", False: "fewer than 5: not a finding"})
    return out


TOO_FEW_GREY = "#ececec"


def _opacity() -> alt.Opacity:
    return alt.Opacity("enough:N", scale=alt.Scale(domain=[True, False], range=[1.0, FADED]), legend=None)


def self_assessment_chart(by_stage: pd.DataFrame) -> alt.Chart:
    """Average rating per measure (rows) and furthest stage (columns), as a labelled heat map."""
    data = _sample_note(_frame(by_stage))
    # under 5, no average said anywhere: the cell said "too few", its tooltip and the table the
    # average all the same (the table leaves out "_" fields)
    data["said"] = data["average"].map("{:.1f}".format).where(data["enough"], "too few to say")
    data["_average"] = data["average"].where(data["enough"])
    stages = [vocab.stage_label(s) for s in vocab.STAGES if s in set(data["stage"])]
    base = alt.Chart(data).encode(
        x=alt.X("stage_label:N", title="Furthest stage reached", sort=stages, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("measure_label:N", title=None, axis=alt.Axis(labelLimit=220)),
        # on the base, so the written numbers show it too (over them it showed "measure_label", "label")
        tooltip=[
            alt.Tooltip("measure_label:N", title="Rating"),
            alt.Tooltip("stage_label:N", title="Stage"),
            alt.Tooltip("said:N", title="Average"),
            alt.Tooltip("n:Q", title="Applications"),
            alt.Tooltip("sample:N", title="Sample"),
        ],
    )
    # Too few to tell: grey, not a faded blue (which read as a low score) and no average written.
    cells = base.mark_rect(stroke="white").encode(
        color=alt.condition(
            "datum.enough",
            alt.Color("_average:Q", title="Average (1–5)", scale=alt.Scale(domain=[1, 5], scheme="blues")),
            alt.value(TOO_FEW_GREY),
        ),
    )
    labels = (
        base.mark_text(fontSize=12)
        .encode(
            text=alt.Text("label:N"),
            color=alt.condition(
                "datum.average >= 3.5 && datum.enough", alt.value("white"), alt.value("black")
            ),
        )
        .transform_calculate(
            label="datum.enough ? format(datum.average, '.1f') + '  (n=' + datum.n + ')' "
            ": 'too few (n=' + datum.n + ')'"
        )
    )
    return (cells + labels).properties(width=WIDTH, height=alt.Step(34))


def average_bars(
    frame: pd.DataFrame,
    value_title: str,
    category: str = "value",
    category_title: str = "",
    count_title: str = "n",
    sort: str = "-x",
) -> alt.Chart:
    """Horizontal bars of an average on a 1–5 scale, one per group, with the group's size."""
    data = _sample_note(_frame(frame))
    # under 5 the average is not written: "5.0 (n=2)" read as a finding, faded or not
    data["label"] = (data["average"].map("{:.1f}".format) + "  (n=" + data["n"].astype(str) + ")").where(
        data["enough"], "n=" + data["n"].astype(str) + ": too few"
    )
    if sort in ("x", "-x") and not data.empty:  # groups with enough first, the too-few after them
        enough, few = data[data["enough"]], data[~data["enough"]]
        sort = (  # the too-few by how many they have, not by an average they can't stand on
            enough.sort_values("average", ascending=sort == "x", kind="stable")[category].tolist()
            + few.sort_values("n", ascending=False, kind="stable")[category].tolist()
        )
    # and no bar as long as their average either: a faded full-length bar still read "5.0" (named
    # "_…": the table under the chart leaves it out, and says "too few to say", not 0)
    data["_drawn"] = data["average"].where(data["enough"], 0.0)
    data["said"] = data["average"].map("{:.1f}".format).where(data["enough"], "too few to say")
    base = alt.Chart(data).encode(
        y=alt.Y(f"{category}:N", title=None, sort=sort, axis=alt.Axis(labelLimit=200)),
        # whole steps of the 1–5 scale: a full-width chart ticked every 0.2 and its labels crowded
        x=alt.X(
            "_drawn:Q",
            title=value_title,
            scale=alt.Scale(domain=[0, 5]),
            axis=alt.Axis(values=[0, 1, 2, 3, 4, 5], format="d"),
        ),
        tooltip=[  # on the base: the written labels show it too, not raw field names
            alt.Tooltip(f"{category}:N", title=category_title or "Group"),
            alt.Tooltip("said:N", title=value_title),
            alt.Tooltip("n:Q", title=count_title),
            alt.Tooltip("sample:N", title="Sample"),
        ],
    )
    bars = base.mark_bar(color="#4c78a8").encode(opacity=_opacity())
    labels = base.mark_text(align="left", dx=4).encode(text=alt.Text("label:N"))
    return (bars + labels).properties(width=WIDTH, height=alt.Step(24))


def comfort_chart(frame: pd.DataFrame, dimension: str) -> alt.Chart:
    """Average comfort by one dimension of `comfort_where` ("Company", "Round type", "Format")."""
    part = frame[frame["dimension"] == dimension]
    return average_bars(part, "Average comfort (1–5)", category_title=dimension, count_title="Rounds")


def weakest_chart(frame: pd.DataFrame) -> alt.Chart:
    """Question categories by average self-rating, weakest on top."""
    return average_bars(
        frame,
        "Average self-rating (1–5)",
        category="category",
        category_title="Category",
        count_title="Answers",
        sort="x",
    )


def count_bars(frame: pd.DataFrame, category: str, title: str, count_title: str = "Times") -> alt.Chart:
    data = _frame(frame)
    base = alt.Chart(data).encode(
        y=alt.Y(f"{category}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=200)),
        x=alt.X("count:Q", title=count_title, axis=alt.Axis(tickMinStep=1)),
        # titled: the table under the chart shows the fields the chart titles (a skills table had no
        # skills); on the base, so the written counts show it too
        tooltip=[alt.Tooltip(f"{category}:N", title=title), alt.Tooltip("count:Q", title=count_title)],
    )
    bars = base.mark_bar(color="#4c78a8")
    return (bars + base.mark_text(align="left", dx=4).encode(text=alt.Text("count:Q"))).properties(
        width=WIDTH, height=alt.Step(24)
    )


def themes_over_time_chart(by_month: pd.DataFrame) -> alt.Chart:
    # Months as named bars ("Nov 2026"), not a time axis: that padded itself to a month still to come.
    data = _frame(by_month).sort_values("month")
    months = pd.to_datetime(data["month"])
    data["month_label"] = months.dt.strftime("%b %Y")
    data = data.drop(columns="month")
    # every month from the first to the last, a quiet one as an empty slot: time is not squeezed
    every = (
        pd.date_range(months.min(), months.max(), freq="MS").strftime("%b %Y").tolist() if len(data) else []
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "month_label:O",
                title="Month feedback came in",
                sort=every,
                scale=alt.Scale(domain=every),
                axis=alt.Axis(labelAngle=0),  # every other month named when they crowd
            ),
            y=alt.Y("sum(count):Q", title="Times mentioned", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "theme:N",
                title="Theme",
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=200),  # beside, it took half
            ),
            tooltip=[
                alt.Tooltip("month_label:O", title="Month"),
                "theme:N",
                alt.Tooltip("count:Q", title="Times"),
            ],
        )
        .properties(width=WIDTH, height=220)
    )


def motivation_chart(frame: pd.DataFrame) -> alt.Chart:
    """Share of reflected rejections that reached the final round, by why you went for the job."""
    data = _sample_note(_frame(frame))
    # under 5 no share, and no bar as long as one: "1 of 2" drawn at 50% was the longest bar (as on
    # Traction: too few to tell); "_…" is left out of the table under the chart
    data["label"] = (data["reached_final"].astype(str) + " of " + data["n"].astype(str)).where(
        data["enough"], data["reached_final"].astype(str) + " of " + data["n"].astype(str) + ": too few"
    )
    data["_drawn"] = data["share_final"].where(data["enough"], 0.0)
    data["said"] = data["share_final"].map("{:.0%}".format).where(data["enough"], "too few to say")
    comfort = pd.to_numeric(data["comfort"], errors="coerce")
    data["comfort_said"] = comfort.map(lambda c: f"{c:.1f}" if pd.notna(c) else "").where(
        data["enough"], "too few to say"
    )
    base = alt.Chart(data).encode(
        y=alt.Y("motivation:N", title=None, sort=list(data["motivation"]), axis=alt.Axis(labelLimit=200)),
        x=alt.X(
            "_drawn:Q",
            title="Share that reached the final round",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[0, 1]),
        ),
        tooltip=[  # on the base: the written labels show it too
            alt.Tooltip("motivation:N", title="Motivation"),
            alt.Tooltip("said:N", title="Share that reached the final round"),
            alt.Tooltip("n:Q", title="Rejections"),
            alt.Tooltip("reached_final:Q", title="Reached the final round"),
            alt.Tooltip("comfort_said:N", title="Average comfort"),
            alt.Tooltip("sample:N", title="Sample"),
        ],
    )
    bars = base.mark_bar(color="#72b7b2").encode(opacity=_opacity())
    return (bars + base.mark_text(align="left", dx=4).encode(text=alt.Text("label:N"))).properties(
        width=WIDTH, height=alt.Step(28)
    )


def on_track_chart(weekly: pd.DataFrame) -> alt.LayerChart:
    """Applications per week against the weekly goal (a rule), with stage progress in the tooltip."""
    data = _frame(weekly)
    data["week_label"] = pd.to_datetime(data["week"]).dt.strftime("%d %b")
    x = alt.X("week_label:O", title="Week of", sort=None, axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(data)
        .mark_bar(color="#4c78a8")
        .encode(
            x=x,
            y=alt.Y("applications:Q", title="Applications", axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip("week_label:O", title="Week of"),
                alt.Tooltip("applications:Q", title="Applications"),
                alt.Tooltip("stage_progress:Q", title="Steps to a screen or further"),
            ],
        )
    )
    goal = (
        alt.Chart(data.head(1))
        .mark_rule(color="#e45756", strokeDash=[6, 4], size=2)
        .encode(y=alt.Y("goal:Q"), tooltip=[alt.Tooltip("goal:Q", title="Weekly goal")])
    )
    # the dashed line named where it ends (it had no label or legend); a darker red, readable as text
    named = data.tail(1).assign(goal_said=lambda f: "weekly goal: " + f["goal"].astype(int).astype(str))
    label = (
        alt.Chart(named)
        .mark_text(align="right", baseline="bottom", dy=-4, color="#b8332f", fontSize=12)
        .encode(x=x, y=alt.Y("goal:Q"), text=alt.Text("goal_said:N"))
    )
    return (bars + goal + label).properties(width=WIDTH, height=180)


def traction_chart(frame: pd.DataFrame, dimension: str) -> alt.Chart:
    data = _sample_note(_frame(frame[frame["dimension"] == dimension]))
    data["label"] = data["traction"].astype(str) + " of " + data["n"].astype(str)
    base = alt.Chart(data).encode(
        y=alt.Y("value:N", title=dimension, sort="-x"),
        x=alt.X(
            "rate:Q",
            title="Reached an interview or later",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[0, 1]),
        ),
        tooltip=[  # on the base: the written labels show it too
            alt.Tooltip("value:N", title=dimension),
            "n:Q",
            "traction:Q",
            alt.Tooltip("rate:Q", format=".0%"),
            alt.Tooltip("sample:N", title="Sample"),
        ],
    )
    bars = base.mark_bar(color="#54a24b").encode(opacity=_opacity())
    return (bars + base.mark_text(align="left", dx=4).encode(text=alt.Text("label:N"))).properties(
        width=WIDTH, height=alt.Step(24)
    )


def specs(found: dict, only: tuple[str, ...] | None = None) -> dict[str, dict]:
    """Every insight chart (or those named in `only`) as a Vega-Lite spec: see lib.learn.insight_specs."""
    from lib.learn.insight_specs import all_specs

    return all_specs(found, only)
