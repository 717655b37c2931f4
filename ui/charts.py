"""Drawing a chart so everyone can read it: a title, a text alternative for screen readers (the
spec's `description`, which Vega puts on the chart as its accessible label), and the numbers
behind it as a table one click away."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from lib.core.text import ended
from ui import layout, tables
from ui.text import md

MAX_TABLE_ROWS = 100
# Vega cuts a title longer than its chart with "…": longer ones go on more lines. In characters,
# what half the page holds at 1,280 px (title, subtitle); a chart in a third of it passes its own.
TITLE_LINE = 48
SUBTITLE_LINE = 72
WIDE_TITLE_LINE = 96  # a chart across the page
# Vega fits a chart to its box exactly: a point or an axis label at the right end was half cut off.
PADDING = {"left": 5, "top": 5, "right": 16, "bottom": 5}


def _one_line(text: Any) -> str:
    return " ".join(map(str, text)) if isinstance(text, list) else str(text or "")


def _title(spec: dict[str, Any]) -> tuple[str, str]:
    """(title, subtitle) as one line each, however the spec gives them."""
    title = spec.get("title") or {}
    if isinstance(title, str):
        return title, ""
    return _one_line(title.get("text")), _one_line(title.get("subtitle"))


def _rows(spec: dict[str, Any]) -> pd.DataFrame:
    """The chart's own data (inline values or named datasets), as one table."""
    values = (spec.get("data") or {}).get("values")
    if values is None:
        datasets = spec.get("datasets") or {}
        values = next(iter(datasets.values()), [])
    frame = pd.DataFrame(values)
    return frame[[c for c in frame.columns if not str(c).startswith(("_", "__"))]]


def _fields(node: Any) -> Iterator[dict[str, Any]]:
    """Every part of the spec that names a data field (axes, legends, tooltips), in spec order."""
    if isinstance(node, dict):
        if isinstance(node.get("field"), str):
            yield node
        for value in node.values():
            yield from _fields(value)
    elif isinstance(node, list):
        for value in node:
            yield from _fields(value)


def _field_titles(spec: dict[str, Any]) -> dict[str, str]:
    """Every data field the chart names with a title, in the order the spec names them: the table
    under the chart shows these, headed as the chart heads them."""
    found: dict[str, str] = {}
    for part in _fields(spec):
        if isinstance(title := part.get("title"), str) and title:
            found.setdefault(part["field"], title)
    return found


PERCENT = re.compile(r"(?:\.(\d))?%")  # a d3 percent format, ".0%" (or "%": no decimals)


def _percent_fields(spec: dict[str, Any]) -> dict[str, int]:
    """Fields the chart shows as percentages (d3 format ".0%"), with their decimals."""
    found: dict[str, int] = {}
    for part in _fields(spec):
        if isinstance(fmt := part.get("format"), str) and (match := PERCENT.fullmatch(fmt)):
            found.setdefault(part["field"], int(match.group(1) or 0))
    return found


def _readable(rows: pd.DataFrame, spec: dict[str, Any]) -> pd.DataFrame:
    """The columns a person reads on the chart, under the chart's own titles and as the chart
    writes them (67%, not 0.67); a chart that titles none keeps its columns as they are."""
    titles = {field: title for field, title in _field_titles(spec).items() if field in rows.columns}
    if not titles:
        return rows
    rows = rows.copy()
    for field, decimals in _percent_fields(spec).items():
        if field in titles:
            rows[field] = rows[field].map(lambda v, d=decimals: f"{v:.{d}%}" if pd.notna(v) else None)
    months = {part["field"] for part in _fields(spec) if part.get("timeUnit") == "yearmonth"}
    for field in months & set(titles):  # a month as the chart draws it: "Oct 2026", not "01 Oct 2026"
        rows[field] = pd.to_datetime(rows[field]).dt.strftime("%b %Y")
    shown = rows[list(titles)].rename(columns=titles)
    return shown.loc[:, ~shown.columns.duplicated()]  # two fields under one title: the first


def _count(spec: dict[str, Any]) -> int:
    values = (spec.get("data") or {}).get("values")
    if values is None:
        values = next(iter((spec.get("datasets") or {}).values()), [])
    return len(values)


def with_text_alternative(spec: dict[str, Any], title: str | None = None) -> dict[str, Any]:
    """The spec with a title (`title` when it has none) and a `description` (title, subtitle, how
    many data points): a chart always has both."""
    if title and not _title(spec)[0]:
        spec = {**spec, "title": {"text": title, "anchor": "start"}}
    title, subtitle = _title(spec)
    if not title:
        raise ValueError("every chart needs a title")
    if spec.get("description"):
        return spec
    rows = _count(spec)
    description = (  # "…interviews?." said each stop twice
        f"Chart: {ended(title)}"
        + (f" {ended(subtitle)}" if subtitle else "")
        + f" {rows} data point{'s' if rows != 1 else ''}."
    )
    return {**spec, "description": description}


@dataclass(frozen=True)
class Prepared:
    """A chart made ready once (title, text alternative, its numbers as a literal table), so a page
    that caches it redraws without rebuilding any of it."""

    spec: dict[str, Any]
    title: str
    table: pd.DataFrame | None


def _in_lines(spec: dict[str, Any], title_line: int) -> dict[str, Any]:
    """The spec with a long title or subtitle as a list of lines (Vega draws each on its own)."""
    text, subtitle = _title(spec)
    title = spec["title"] if isinstance(spec["title"], dict) else {"text": text}
    lines = textwrap.wrap(text, title_line) or [text]
    title = {**title, "text": lines if len(lines) > 1 else text}
    if subtitle:
        # "a · b": a line may end on the dot, never start with it (a no-break space holds it on)
        held = subtitle.replace(" · ", "\u00a0· ")
        sublines = [
            line.replace("\u00a0", " ")
            for line in textwrap.wrap(held, round(title_line * SUBTITLE_LINE / TITLE_LINE))
        ]
        title["subtitle"] = sublines if len(sublines) > 1 else subtitle
    return {**spec, "title": title}


def _sized(spec: dict[str, Any]) -> dict[str, Any]:
    """Room on the right for what sits at the end of the x axis; and a chart of a set height keeps
    that height for its marks: Streamlit fits a single chart, title and axes included, into it
    (autosize "fit"), which squeezed a 150 px chart to a flat strip."""
    spec = spec if "padding" in spec else {**spec, "padding": PADDING}
    if isinstance(spec.get("height"), int | float) and "autosize" not in spec:
        return {**spec, "autosize": {"type": "fit-x", "contains": "padding"}}
    return spec


# Axis and legend words in a grey that reads on white (7:1): Streamlit's chart theme draws them in
# #808495 (3.7:1; ticks 3.4:1), under the 4.5:1 small text needs. The spec's own config wins over it.
TEXT_GREY = "#555867"
_TEXT_CONFIG = {
    "axis": {"labelColor": TEXT_GREY, "titleColor": TEXT_GREY},
    "legend": {"labelColor": TEXT_GREY, "titleColor": TEXT_GREY},
    "title": {"subtitleColor": TEXT_GREY},
}


def _legible(spec: dict[str, Any]) -> dict[str, Any]:
    """`spec` with readable axis and legend words (a colour the spec sets itself is kept).

    For a screen reader, a chart is one image named by its `description`, with its numbers in the
    table under it: Vega's own labels on each mark and axis are left out (`aria: false`). A layer
    with nothing to draw (every rate too few to tell) was an unnamed image to it (axe: svg-img-alt)."""
    config = dict(spec.get("config") or {})
    for part, colours in _TEXT_CONFIG.items():
        config[part] = {**colours, **(config.get(part) or {})}
    config.setdefault("aria", False)  # axes and legends
    config["mark"] = {"aria": False, **(config.get("mark") or {})}  # the marks (config.aria spares them)
    return {**spec, "config": config}


def prepare(spec: dict[str, Any], title: str | None = None, title_line: int = TITLE_LINE) -> Prepared:
    """`title_line`: characters the chart's title holds on one line (how wide it is drawn)."""
    spec = _legible(_sized(with_text_alternative(spec, title)))
    rows = _rows(spec)
    table = None if rows.empty else tables.literal(_readable(rows.head(MAX_TABLE_ROWS), spec))
    return Prepared(_data_sent_once(_in_lines(spec, title_line)), _title(spec)[0], table)


def _data_sent_once(spec: dict[str, Any]) -> dict[str, Any]:
    """The chart's inline rows as a named dataset already in Arrow form, which st.vega_lite_chart
    sends as it is: a cached chart then costs no conversion on each rerun. Unchanged if Streamlit's
    converter is not there (it is Streamlit's own, the one the chart call would use)."""
    values = (spec.get("data") or {}).get("values")
    if not isinstance(values, list) or "datasets" in spec:
        return spec
    try:
        from streamlit import dataframe_util

        rows = dataframe_util.convert_anything_to_arrow_bytes(values)
    except Exception:  # a Streamlit without it: the chart call converts, as before
        return spec
    return {**spec, "data": {"name": "chart_rows"}, "datasets": {"chart_rows": rows}}


def draw(spec: dict[str, Any] | Prepared, title: str | None = None, **kwargs: Any) -> Any:
    """st.vega_lite_chart with a title and a text alternative, and its numbers in an expander."""
    # A spec is a dict; anything else was prepared already. Not isinstance(Prepared): a chart kept
    # in a shared cache across a code reload is of the old class, and was taken for a spec.
    chart = prepare(spec, title) if isinstance(spec, dict) else spec
    shown = st.vega_lite_chart(spec=chart.spec, width="stretch", **kwargs)
    # the table is drawn when opened: a page of charts would otherwise draw every table each rerun
    label = f"{md(chart.title)} — the numbers as a table"
    if chart.table is not None and (numbers := layout.lazy_expander(label, key=f"numbers:{chart.title}")):
        with numbers:
            st.table(chart.table)
    return shown
