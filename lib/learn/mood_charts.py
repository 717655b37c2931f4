"""The mood charts: weekly mood, and beside it what happened in the search those weeks.

Insights draws them as two charts (a concatenated chart overflows a page that fits its width); the
report draws them as one.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib.learn.charts import _checked
from lib.learn.insight_charts import WIDTH

TICKS = 12  # week labels along the axis, at most


def _day(day: pd.Timestamp) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day)


HALF_WEEK = pd.Timedelta(days=3.5)


def _weeks(data: pd.DataFrame, field: str = "week") -> alt.X:
    """The weeks of both mood charts, first to last, labelled on the same Mondays the table lists:
    drawn apart, they still line up (Vega's own ticks fall on Sundays, and differ chart to chart).
    Half a week more at each end: a week's bar is whole, not cut by the edge."""
    weeks = pd.to_datetime(data["week"]).drop_duplicates().sort_values()
    every = -(-len(weeks) // TICKS)  # ceiling: at most TICKS labels
    return alt.X(
        f"{field}:T",
        title="Week",
        axis=alt.Axis(format="%d %b", values=[_day(d) for d in weeks.iloc[::every]]),
        scale=alt.Scale(
            domain=[_day(weeks.iloc[0] - HALF_WEEK), _day(weeks.iloc[-1] + HALF_WEEK + pd.Timedelta(days=1))]
        ),
    )


def mood_line_chart(weekly: pd.DataFrame) -> alt.Chart:
    """Weekly mood, 1 to 5."""
    data = _checked(weekly)
    return (
        alt.Chart(data)
        .mark_line(point=True, color="#e45756")
        .encode(
            y=alt.Y("mood:Q", title="Mood (1–5)", scale=alt.Scale(domain=[1, 5])),
            tooltip=[
                alt.Tooltip("week:T", title="Week of", format="%d %b %Y"),
                alt.Tooltip("mood:Q", format=".1f"),
                alt.Tooltip("checkins:Q", title="Check-ins"),
            ],
        )
        .transform_filter("isValid(datum.mood)")
        .encode(x=_weeks(data))
        .properties(width=WIDTH, height=150)
    )


def mood_activity_chart(weekly: pd.DataFrame) -> alt.LayerChart:
    """Applications sent (bars) and steps closer to yes (line), on the weeks of the mood chart."""
    data = _checked(weekly)
    x = _weeks(data)
    names = ["Applications sent", "Steps closer to yes (interview or later)"]
    color = alt.Scale(domain=names, range=["#4c78a8", "#54a24b"])
    tooltip = [
        alt.Tooltip("week:T", title="Week of", format="%d %b %Y"),
        alt.Tooltip("applications:Q", title="Applications sent"),
        alt.Tooltip("closer_to_yes:Q", title="Steps closer to yes"),
    ]
    # each week's bar as wide as most of its week, centred on its Monday (a bar at a point in time
    # was a day wide: a sliver of 1 to 3 px)
    # (named "_…": drawing aids, not numbers: the table under the chart leaves them out)
    data = data.assign(
        _bar_from=pd.to_datetime(data["week"]) - pd.Timedelta(days=3),
        _bar_to=pd.to_datetime(data["week"]) + pd.Timedelta(days=3),
    )
    # whole numbers, and a scale up to at least 1: weeks of all zeros had an axis of "0.000000"
    top = max(1, int(pd.concat([data["applications"], data["closer_to_yes"]]).max(skipna=True) or 0))
    counts = alt.Scale(domain=[0, top], nice=True)
    sent = (
        alt.Chart(data)
        .mark_bar(opacity=0.8)
        .encode(
            x=_weeks(data, "_bar_from"),
            x2="_bar_to:T",
            y=alt.Y(
                "applications:Q", title="Per week", axis=alt.Axis(tickMinStep=1, format="d"), scale=counts
            ),
            y2=alt.datum(0),  # from zero up: with x and x2, a bar is otherwise a floating dash
            color=alt.Color(
                "series:N", scale=color, title=None, legend=alt.Legend(orient="bottom", labelLimit=320)
            ),
            tooltip=tooltip,
        )
        .transform_calculate(series=f"'{names[0]}'")
    )
    closer = (
        alt.Chart(data)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=x,
            y=alt.Y("closer_to_yes:Q", scale=counts),
            color=alt.Color("series:N", scale=color),
            tooltip=tooltip,
        )
        .transform_calculate(series=f"'{names[1]}'")
    )
    return (sent + closer).properties(width=WIDTH, height=150)


def mood_chart(weekly: pd.DataFrame) -> alt.VConcatChart:
    """Mood on top, applications and steps closer to yes below (the report draws them as one)."""
    return alt.vconcat(mood_line_chart(weekly), mood_activity_chart(weekly)).resolve_scale(x="shared")
