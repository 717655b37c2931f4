"""Cached data for the Insights and Strategy review pages: computed once per (database, data
revision, day, settings). A rerun with nothing new reads the revision and copies a few small
aggregated frames out of the cache."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from lib.core import db
from lib.core.db import Engine
from lib.learn import insight_charts, insights
from lib.store import insight_data
from lib.store import settings as settings_store
from lib.store import strategy as strategy_store
from ui import state

SHOWN = {"reapply": 20, "targets": 200}


@st.cache_data(max_entries=16, show_spinner=False)
def _settings(_engine: Engine, url: str, rev: int) -> dict[str, int]:
    return settings_store.all_settings(_engine)


@st.cache_data(max_entries=8, show_spinner="Reading your reflections…")
def _insights(
    _engine: Engine, url: str, rev: int, today: dt.date, months: int, ghost_days: int, weekly_goal: int
) -> dict[str, insights.Insight]:
    log, events = state.shared_log_and_events(_engine, url, rev)
    data = {"log": log, "events": events, **insight_data.load_tables(_engine)}
    found = insights.all_insights(data, today, months, ghost_days)
    found["on_track"] = insights.on_track(log, events, weekly_goal, today)
    # Per-company lists can run to thousands: keep what a page shows (the sentences keep the counts).
    for key, limit in SHOWN.items():
        found[key] = found[key].top(limit)
    return found


@st.cache_data(max_entries=8, show_spinner=False)
def _specs(
    _engine: Engine,
    url: str,
    rev: int,
    today: dt.date,
    months: int,
    ghost_days: int,
    weekly_goal: int,
    only: tuple[str, ...] | None = None,
) -> dict[str, dict]:
    return insight_charts.specs(_insights(_engine, url, rev, today, months, ghost_days, weekly_goal), only)


@st.cache_data(max_entries=16, show_spinner=False)
def _reviews(_engine: Engine, url: str, rev: int) -> dict[str, Any]:
    return {
        "reviews": strategy_store.load_reviews(_engine),
        "last_review_at": strategy_store.last_review_at(_engine),
        "targets": strategy_store.load_targets(_engine),
    }


@st.cache_data(max_entries=32, show_spinner=False)
def _review(_engine: Engine, url: str, rev: int, review_id: int) -> dict[str, Any] | None:
    return strategy_store.get_review(_engine, review_id)


def _key() -> tuple[Engine, str, int]:
    eng = state.engine()
    return eng, str(eng.url), db.revision(eng)


def settings() -> dict[str, int]:
    return _settings(*_key())


def _insight_key(today: dt.date | None) -> tuple:
    eng, url, rev = _key()
    chosen = _settings(eng, url, rev)
    return (
        eng,
        url,
        rev,
        today or dt.date.today(),
        chosen["reapproach_months"],
        chosen["ghost_days"],
        chosen["weekly_goal"],
    )


def all_insights(today: dt.date | None = None) -> dict[str, insights.Insight]:
    """Every insight (and "on_track" for the review) of the current data."""
    return _insights(*_insight_key(today))


def chart_specs(today: dt.date | None = None, only: tuple[str, ...] | None = None) -> dict[str, dict]:
    """The insights' charts (or those named in `only`) as ready Vega-Lite specs, by name (see
    lib.insight_charts.specs)."""
    return _specs(*_insight_key(today), only)


def reviews() -> dict[str, Any]:
    """Saved reviews (newest first), when the last one was saved, and the target list."""
    return _reviews(*_key())


def review(review_id: int) -> dict[str, Any] | None:
    return _review(*_key(), review_id)
