"""Charts as code: each function takes an already-aggregated frame (lib.traction) and returns an
Altair chart. No function receives raw applications or events, so no chart carries more than a
few hundred rows.

Colours: the stage ladder uses one sequential scale (viridis), light for "applied" to dark for
"accepted": further is darker, which reads the same in grey scale and for colour-blind people.
Series that share a chart also differ by dash or point shape, and every mark has a tooltip with
its counts.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from lib.core import vocab

# Each chart keeps its data inline: merging datasets under content hashes costs more than the
# drawing saves on charts this small (they are aggregated first).
alt.data_transformers.consolidate_datasets = False

# Sequential, darker step by step (it reads in grey scale), yellow-green to purple so neighbours
# tell apart at a glance: six stops of viridis, made for colour-blind readers. ColorBrewer's YlGnBu
# made Interview and Final round two near-identical teals.
STAGE_COLOURS: tuple[str, ...] = ("#bddf26", "#44bf70", "#1e9c89", "#2a788e", "#3b528b", "#440154")
STAGE_LABELS: list[str] = [vocab.stage_label(s) for s in vocab.STAGES]
RATE_MEASURES: list[str] = ["Response rate", "Traction rate"]
RATE_COLOURS: list[str] = ["#9ecae1", "#08519c"]
TIME_MEASURES: list[str] = ["Applications", "Responses", "Traction"]
TIME_COLOURS: list[str] = ["#9ecae1", "#3182bd", "#08306b"]
NEUTRAL = "#6baed6"
INK = "#252525"
MAX_ROWS = 5_000


def _checked(frame: pd.DataFrame) -> pd.DataFrame:
    if len(frame) > MAX_ROWS:
        raise ValueError(f"a chart gets aggregated data: {len(frame):,} rows is more than {MAX_ROWS:,}")
    return frame


def stage_scale(stages: list[str] | None = None) -> alt.Scale:
    """Stage labels to the sequential palette (only the stages given, in ladder order)."""
    labels = stages or STAGE_LABELS
    colours = dict(zip(STAGE_LABELS, STAGE_COLOURS))
    return alt.Scale(domain=labels, range=[colours[label] for label in labels])


def company_stages_chart(frame: pd.DataFrame) -> alt.Chart:
    """A bar per company, stacked by how far each application got; the furthest on top. The legend
    names every stage of the ladder (Accepted included) with its colour, even those not in view.

    The "All other companies" row (`grouped`) is left out: summed over hundreds of companies it
    would dwarf every named bar. The page says in words what it holds.
    Clicking a bar selects the company (selection parameter "company_pick").
    """
    frame = _checked(frame)
    if "grouped" in frame:
        frame = frame[~frame["grouped"].astype(bool)].drop(columns=["grouped", "companies"])
    order = frame.sort_values("order")["company"].drop_duplicates().tolist()
    pick = alt.selection_point(name="company_pick", fields=["company"], on="click")
    return (
        alt.Chart(
            frame,
            title=alt.Title(
                "Which companies took you furthest?",
                subtitle="Applications per company, by the furthest stage reached",
            ),
        )
        .mark_bar(cursor="pointer", stroke="white", strokeWidth=1)  # a line between stacked stages
        .encode(
            y=alt.Y(
                "company:N", sort=order, title="Company", axis=alt.Axis(labelLimit=150)
            ),  # longer ends in "…": the tooltip has it whole
            x=alt.X("sum(applications):Q", title="Applications", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "stage_label:N",
                title="Furthest stage",
                scale=stage_scale(),
                legend=alt.Legend(
                    # above the bars: under 20 companies it sat below a 900 px window's fold, and
                    # the near shades of Interview, Final round and Offer can't be read without it
                    orient="top",
                    values=STAGE_LABELS,
                    symbolLimit=0,
                    columns=3,
                    symbolType="square",  # swatches as big as a word: neighbouring shades tell apart
                    symbolSize=200,
                    labelFontSize=12,
                ),
            ),
            order=alt.Order("stage_rank:Q", sort="ascending"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.45)),
            tooltip=[
                alt.Tooltip("company:N", title="Company"),
                alt.Tooltip("stage_label:N", title="Furthest stage"),
                alt.Tooltip("applications:Q", title="Applications at this stage"),
                alt.Tooltip("company_total:Q", title="Applications in all"),
                alt.Tooltip("company_traction:Q", title="Reached an interview or further"),
            ],
        )
        .add_params(pick)
        .properties(height=alt.Step(24))
    )


def _rates_long(frame: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for measure, prefix, hits in (
        ("Response rate", "response", "responses"),
        ("Traction rate", "traction", "traction"),
    ):
        part = frame[["group", "applications", "enough"]].copy()
        part["measure"] = measure
        part["rate"] = frame[f"{prefix}_rate"]
        part["low"] = frame[f"{prefix}_low"]
        part["high"] = frame[f"{prefix}_high"]
        part["hits"] = frame[hits]
        parts.append(part)
    long = pd.concat(parts, ignore_index=True)
    few = long["applications"].map(lambda n: f"too few to tell ({n} application{'s' if n != 1 else ''})")
    long["note"] = few.where(~long["enough"].astype(bool), "")  # said only where it is so
    return long


def rates_chart(frame: pd.DataFrame, dimension: str, question: str) -> alt.LayerChart:
    """Response and traction rate per group with the 95% interval drawn as a line; groups with
    too few applications show "too few to tell" instead of a bar."""
    frame = _checked(frame)
    long = _rates_long(frame)
    order = frame["group"].tolist()
    # no axis title: the chart's question names the groups, and a title beside 220 px labels was
    # drawn over the longest ones ("Analytics Engineer Data Modeling Quality")
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=220))
    y_offset = alt.YOffset("measure:N", sort=RATE_MEASURES)
    tooltip = [
        alt.Tooltip("group:N", title=dimension),
        alt.Tooltip("measure:N", title="Which rate"),  # its own title: the table under the chart
        alt.Tooltip("rate:Q", title="Rate", format=".0%"),  # keeps one column a title, the first
        alt.Tooltip("low:Q", title="95% interval from", format=".0%"),
        alt.Tooltip("high:Q", title="95% interval to", format=".0%"),
        alt.Tooltip("hits:Q", title="Answered / reached interview"),
        alt.Tooltip("applications:Q", title="Applications"),
    ]
    base = alt.Chart()  # the data goes on the layer once: faster than on each sub-chart
    known = base.transform_filter(alt.datum.enough)
    bars = known.mark_bar().encode(
        y=y,
        yOffset=y_offset,
        x=alt.X(
            "rate:Q", title="Share of applications", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")
        ),
        color=alt.Color(
            "measure:N",
            title=None,
            scale=alt.Scale(domain=RATE_MEASURES, range=RATE_COLOURS),
            legend=alt.Legend(orient="bottom", symbolType="square", symbolSize=200, labelFontSize=12),
        ),
        tooltip=tooltip,
    )
    intervals = known.mark_rule(color=INK, strokeWidth=1.5).encode(
        y=y, yOffset=y_offset, x=alt.X("low:Q"), x2=alt.X2("high"), tooltip=tooltip
    )
    caps = [
        known.mark_tick(color=INK, thickness=2, size=12).encode(
            y=y, yOffset=y_offset, x=alt.X(f"{end}:Q"), tooltip=tooltip
        )
        for end in ("low", "high")
    ]
    few = (
        base.transform_filter(~alt.datum.enough)
        .transform_filter(alt.datum.measure == RATE_MEASURES[0])
        .mark_text(align="left", dx=4, color=INK, fontStyle="italic")
        .encode(
            y=y,
            x=alt.datum(0),
            text=alt.Text("note:N"),
            tooltip=[
                alt.Tooltip("group:N", title=dimension),
                alt.Tooltip("applications:Q", title="Applications"),
            ],
        )
    )
    return alt.layer(bars, intervals, *caps, few, data=long).properties(
        title=alt.Title(question, subtitle="Bars: the rate; black line: its 95% interval"),
        height=alt.Step(40, **{"for": "position"}),
    )


def _period(freq: str) -> tuple[str, str, str]:
    """(Vega time unit, axis title, date format) of a month or a week, dated as the app writes
    days ("06 Sep 2026", not Vega's "Sep 06, 2026")."""
    if freq == "month":
        return "yearmonth", "Month applied", "%b %Y"
    return "yearmonthdate", "Week applied (starting)", "%d %b %Y"


MAX_PERIOD_TICKS = 10


def _period_axis(periods: pd.Series, freq: str, when: str) -> alt.Axis:
    """The period axis, its ticks on the periods' own first days: Vega put a week's ticks on
    Sundays ("29 Nov 2026") under weeks that start on Mondays ("30 Nov")."""
    if freq == "month":
        return alt.Axis(format=when)
    days = sorted(pd.to_datetime(periods).dropna().unique())
    step = max(1, -(-len(days) // MAX_PERIOD_TICKS))  # at most ten ticks: labels don't collide
    return alt.Axis(
        format=when, values=[alt.DateTime(year=d.year, month=d.month, date=d.day) for d in days[::step]]
    )


TIME_Y_AXIS = 80  # px: the over-time charts' y axes, one width, so their periods line up


def _period_domain(periods: pd.Series) -> alt.Scale:
    """From the first period to the last, whatever the data drawn: the over-time charts share it."""
    days = pd.to_datetime(periods).dropna()
    if days.empty:
        return alt.Scale()
    first, last = days.min(), days.max()
    return alt.Scale(
        domain=[
            alt.DateTime(year=first.year, month=first.month, date=first.day),
            alt.DateTime(year=last.year, month=last.month, date=last.day),
        ]
    )


def _unfinished(periods: pd.Series, freq: str, today: dt.date | None) -> str:
    """ " Dec 2026 is not over: …" when the last period drawn holds `today`: its few applications
    and their answers, still coming, read as a fall in the search."""
    if today is None or periods.empty:
        return ""
    last = pd.Timestamp(periods.max())
    ends = last + (pd.offsets.MonthBegin(1) if freq == "month" else pd.Timedelta(days=7))
    if not last <= pd.Timestamp(today) < ends:
        return ""
    name = f"{last:%b %Y}" if freq == "month" else f"the week of {last:%d %b}"
    return f" {name[0].upper()}{name[1:]} is not over: its applications and their answers are still coming."


def over_time_chart(frame: pd.DataFrame, freq: str = "month", today: dt.date | None = None) -> alt.Chart:
    """Applications sent per period, and how many of them were answered and reached an interview."""
    frame = _checked(frame)
    long = frame.melt(
        id_vars=["period"],
        value_vars=["applications", "responses", "traction"],
        var_name="measure",
        value_name="count",
    )
    long["measure"] = long["measure"].map(
        {"applications": "Applications", "responses": "Responses", "traction": "Traction"}
    )
    unit, period_title, when = _period(freq)
    return (
        alt.Chart(
            long,
            title=alt.Title(
                f"Is your search picking up? Applications by {freq}",
                subtitle="Of the applications sent each period: how many got an answer, "
                "how many reached an interview." + _unfinished(frame["period"], freq, today),
            ),
        )
        .mark_line(point=alt.OverlayMarkDef(size=50, filled=True), strokeWidth=2.5)
        .encode(
            x=alt.X(
                f"{unit}(period):T",
                title=period_title,
                axis=_period_axis(frame["period"], freq, when),
                scale=_period_domain(frame["period"]),
            ),
            # as wide as the stage names' axis below, so the two charts' months line up
            y=alt.Y("count:Q", title="Applications", axis=alt.Axis(tickMinStep=1, minExtent=TIME_Y_AXIS)),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=TIME_MEASURES, range=TIME_COLOURS),
                legend=alt.Legend(orient="bottom", symbolStrokeWidth=0),  # filled: dashed, they were jagged
            ),
            strokeDash=alt.StrokeDash(
                "measure:N",
                title=None,
                sort=TIME_MEASURES,
                scale=alt.Scale(domain=TIME_MEASURES, range=[[1, 0], [6, 3], [2, 2]]),
            ),
            shape=alt.Shape(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=TIME_MEASURES, range=["circle", "square", "triangle-up"]),
            ),
            tooltip=[
                alt.Tooltip(f"{unit}(period):T", title=period_title, format=when),
                alt.Tooltip("measure:N", title="What"),
                alt.Tooltip("count:Q", title="Applications"),
            ],
        )
        .properties(height=280)
    )


def closer_to_yes_chart(frame: pd.DataFrame, freq: str = "month", today: dt.date | None = None) -> alt.Chart:
    """The furthest stage reached by each period's applications: are you getting closer to yes?"""
    every = _checked(frame)
    sent = every["applications"] > 0
    # a period with none sent reached no stage: the line breaks there (one run of periods each),
    # where a straight line across a year with no application read as steady progress
    frame = every.assign(run=(~sent).cumsum())[sent]
    unit, period_title, when = _period(freq)
    return (
        alt.Chart(
            frame,
            title=alt.Title(
                "Closer to yes? The furthest stage reached, over time",
                subtitle="The best any application sent that period got."
                + _unfinished(every["period"], freq, today),
            ),
        )
        .mark_line(
            point=alt.OverlayMarkDef(size=70, filled=True, color=STAGE_COLOURS[4]),
            color=STAGE_COLOURS[4],
            strokeWidth=2,  # straight: a curve would pass through stages no application reached
        )
        .encode(
            # the same periods and ticks as the chart above it, empty ones too: the two line up
            x=alt.X(
                f"{unit}(period):T",
                title=period_title,
                axis=_period_axis(every["period"], freq, when),
                scale=_period_domain(every["period"]),
            ),
            detail="run:N",
            y=alt.Y(
                "best_stage:O",
                title="Furthest stage reached",
                sort=list(reversed(STAGE_LABELS)),
                scale=alt.Scale(domain=list(reversed(STAGE_LABELS))),
                axis=alt.Axis(minExtent=TIME_Y_AXIS),
            ),
            tooltip=[
                alt.Tooltip(f"{unit}(period):T", title=period_title, format=when),
                alt.Tooltip("best_stage:N", title="Furthest stage"),
                alt.Tooltip("applications:Q", title="Applications sent"),
                alt.Tooltip("traction:Q", title="Reached an interview or further"),
            ],
        )
        .properties(height=240)
    )


def traction_specs(view, freq: str = "month", today: dt.date | None = None) -> dict[str, dict]:
    """Every Traction chart for one view (lib.traction.TractionView) as a Vega-Lite spec.

    Built once per data revision and filters and cached by the page: building and validating a
    chart costs far more than drawing a ready spec. A chart whose data is empty is left out.
    """
    from lib.learn.outcome_charts import endings_chart, funnel_chart, response_time_chart
    from lib.learn.traction import EXTRA_DIMENSIONS

    specs: dict[str, dict] = {}
    if not view.company_stages.empty:
        specs["company"] = company_stages_chart(view.company_stages).to_dict(validate=False)
    if not view.channel_rates.empty:
        specs["channel"] = rates_chart(
            view.channel_rates, "Channel", "Which channels get answers and interviews?"
        ).to_dict(validate=False)
    if not view.role_rates.empty:
        specs["role"] = rates_chart(
            view.role_rates, "Role family", "Which kinds of role get answers and interviews?"
        ).to_dict(validate=False)
    if not view.over_time.empty:
        specs["over_time"] = over_time_chart(view.over_time, freq, today).to_dict(validate=False)
        specs["closer"] = closer_to_yes_chart(view.over_time, freq, today).to_dict(validate=False)
    if view.matching:
        specs["funnel"] = funnel_chart(view.funnel).to_dict(validate=False)
        specs["endings"] = endings_chart(view.endings).to_dict(validate=False)
    if not view.response_times.empty:
        specs["response_times"] = response_time_chart(view.response_times).to_dict(validate=False)
    for column, frame in view.extra_rates.items():
        name = EXTRA_DIMENSIONS[column]
        specs[f"extra:{column}"] = rates_chart(
            frame, name, f"Which {name.lower()} gets answers and interviews?"
        ).to_dict(validate=False)
    return specs
