"""Charts of where applications end up: the funnel, the endings, how long until employers answer.

Each takes an already aggregated frame (lib.learn.traction) and returns an Altair chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib.learn.charts import INK, NEUTRAL, STAGE_COLOURS, _checked, stage_scale
from lib.learn.claims import TOO_FEW, wilson_interval


def _room_for_labels(widest: float) -> alt.Scale:
    """An x scale reaching `widest`, so text drawn after a bar's end stays inside the chart."""
    return alt.Scale(domain=[0, max(float(widest), 1.0)], nice=True)


def _short_rate(k: int, n: int) -> str:
    """ "67% (45–84%)": a rate and its 95% interval, short enough to sit after a bar."""
    low, high = wilson_interval(k, n)
    return f"{k / n:.0%} ({low:.0%}–{high:.0%})"


def funnel_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """applied → screen → interview → final → offer, with the conversion from each step before
    and its 95% interval (the table under it says the whole "5 of 7 (71%, 95% interval …)")."""
    frame = _checked(frame).copy()
    labels = frame["stage_label"].tolist()
    before = frame["reached"].shift(1)
    share = pd.Series(
        [
            f" · {_short_rate(int(k), int(n))}" if c == c else ""
            for k, n, c in zip(frame["reached"], before, frame["conversion"])
        ],
        index=frame.index,
        dtype=object,
    )
    few = frame["conversion"].isna() & frame["conversion_text"].astype(bool)
    frame["label"] = frame["reached"].astype(str) + share.where(~few, " · " + frame["conversion_text"])
    # "40 · 67% (45–84%)" fits in two thirds more; "3 · too few to tell" needs more than the bar again
    widest = (frame["reached"] * few.map({True: 2.4, False: 1.7})).max() if len(frame) else 1
    base = alt.Chart().encode(
        y=alt.Y("stage_label:N", sort=labels, title="Stage reached (or further)"),
        tooltip=[
            alt.Tooltip("stage_label:N", title="Stage"),
            alt.Tooltip("reached:Q", title="Applications that reached it"),
            alt.Tooltip("conversion_text:N", title="Of those at the step before"),
        ],
    )
    x = alt.X("reached:Q", title="Applications", axis=alt.Axis(tickMinStep=1), scale=_room_for_labels(widest))
    bars = base.mark_bar().encode(
        x=x, color=alt.Color("stage_label:N", title="Stage", scale=stage_scale(labels), legend=None)
    )
    text = base.mark_text(align="left", dx=6, color=INK).encode(x=x, text=alt.Text("label:N"))
    return alt.layer(bars, text, data=frame).properties(
        title=alt.Title(
            "How far do applications get?",
            subtitle="Bars: how many got there · %: of the step before (95% interval)",
        ),
        height=alt.Step(34),
    )


def endings_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Where applications end: rejected, ghosted, withdrawn, declined, accepted, or still open."""
    frame = _checked(frame).copy()
    total = int(frame["applications"].sum())
    # a share with its interval from 5 applications; under that the counts ("1 of 3")
    frame["said"] = [
        _short_rate(int(k), total) if total >= 5 else f"{int(k)} of {total}" for k in frame["applications"]
    ]
    if "share_text" not in frame:
        frame["share_text"] = frame["said"]
    base = alt.Chart().encode(
        y=alt.Y("label:N", sort=frame["label"].tolist(), title="How it ended"),
        tooltip=[
            alt.Tooltip("label:N", title="Ending"),
            alt.Tooltip("applications:Q", title="Applications"),
            alt.Tooltip("share_text:N", title="Share"),
        ],
    )
    bars = base.mark_bar(color=NEUTRAL).encode(
        x=alt.X(
            "applications:Q",
            title="Applications",
            axis=alt.Axis(tickMinStep=1),
            scale=_room_for_labels(frame["applications"].max() * 1.6 if len(frame) else 1),
        )
    )
    text = base.mark_text(align="left", dx=6, color=INK).encode(x=alt.X("applications:Q"), text="said:N")
    return alt.layer(bars, text, data=frame).properties(
        title=alt.Title(
            "Where do applications end?",
            subtitle="% of all applications (95% interval) · ghosted: no word for the set number of days",
        ),
        height=alt.Step(30),
    )


def response_time_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Days to first response per channel: the line spans fastest to slowest, the bar the middle
    half, the dark tick the median. A channel with fewer than 5 answers gets no box, only a faded
    line and "too few to tell" (its count is in the tooltip and the table)."""
    frame = _checked(frame)
    if "enough" not in frame:
        frame = frame.assign(enough=frame["responses"] >= 5)
    few_rows = ~frame["enough"].astype(bool)
    frame = frame.assign(note=pd.Series(TOO_FEW, index=frame.index).where(few_rows, ""))  # only where so
    # the tooltip says "too few to tell" where no median is worked out (it said "null")
    for column in ("median", "q1", "q3"):
        frame[f"{column}_said"] = [
            f"{value:.1f}" if enough and pd.notna(value) else TOO_FEW
            for value, enough in zip(frame[column], ~few_rows)
        ]
    # the note is drawn after the line's end: room for it past the slowest of those rows
    widest = (
        max(frame["slowest"].max(), (frame.loc[few_rows, "slowest"] * 1.8).max()) if few_rows.any() else None
    )
    order = frame["channel"].tolist()
    base = alt.Chart().encode(
        y=alt.Y("channel:N", sort=order, title="Channel"),
        tooltip=[
            alt.Tooltip("channel:N", title="Channel"),
            alt.Tooltip("responses:Q", title="Answers"),
            alt.Tooltip("median_said:N", title="Median days"),
            alt.Tooltip("q1_said:N", title="Quarter answered within (days)"),
            alt.Tooltip("q3_said:N", title="Three quarters answered within (days)"),
            alt.Tooltip("fastest:Q", title="Fastest (days)"),
            alt.Tooltip("slowest:Q", title="Slowest (days)"),
        ],
    )
    known = base.transform_filter(alt.datum.enough)
    few = base.transform_filter(~alt.datum.enough)
    spread = base.mark_rule(color="#969696", strokeWidth=1.5).encode(
        x=alt.X(
            "fastest:Q",
            title="Days from applying to the first answer",
            axis=alt.Axis(tickMinStep=1),  # whole days: one answer on day 0 was ticked 0.00, 0.05, …
            scale=_room_for_labels(widest) if widest is not None else alt.Undefined,
        ),
        x2=alt.X2("slowest"),
        opacity=alt.condition(alt.datum.enough, alt.value(1.0), alt.value(0.35)),
    )
    middle = known.mark_bar(color=STAGE_COLOURS[1], size=14).encode(x=alt.X("q1:Q"), x2=alt.X2("q3"))
    median = known.mark_tick(color=STAGE_COLOURS[5], thickness=3, size=22).encode(x=alt.X("median:Q"))
    too_few = few.mark_text(align="left", dx=6, color="#525252").encode(x=alt.X("slowest:Q"), text="note:N")
    return alt.layer(spread, middle, median, too_few, data=frame).properties(
        title=alt.Title(
            "How long until employers answer?",
            subtitle="Line: fastest to slowest · bar: the middle half · dark tick: the median · "
            "under 5 answers: too few to tell",
        ),
        height=alt.Step(34),
    )
