"""Tables a person reads: every cell as text (st.table draws cells as Markdown, and company names,
roles and reflections are user text), days as days, a missing value as an empty cell. Sentences
wrap in them, where a data grid cuts them at its column's edge."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd
import streamlit as st

from ui.text import md

ISO_MIDNIGHT = re.compile(r"\d{4}-\d{2}-\d{2}(T00:00:00(\.000)?)?")


def _cell(value: Any) -> str:
    if isinstance(value, str):
        if ISO_MIDNIGHT.fullmatch(value):  # a day as a chart's data carries it
            return f"{pd.Timestamp(value):%d %b %Y}"
        return md(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")  # 0.4166… -> "0.42", 12.0 -> "12"
    if isinstance(value, pd.Timestamp):
        return f"{value:%d %b %Y}" if value == value.normalize() else f"{value:%d %b %Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    return md(str(value))


def literal(rows: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text (one type a column, as Arrow wants); missing shows as an empty cell, never
    "None" or "nan"."""
    shown = rows.astype(object).where(rows.notna(), "")
    shown = shown.map(lambda value: "" if isinstance(value, str) and not value else _cell(value))
    shown.columns = [md(column) for column in shown.columns]
    return shown


def reading_table(frame: pd.DataFrame, labels: dict[str, str]) -> None:
    """`labels`' columns of `frame` under those labels, as a table whose sentences wrap: for text a
    person reads whole (a better answer, why they think they weren't chosen, what was said)."""
    st.table(literal(frame[list(labels)].rename(columns=labels)), hide_index=True)
