"""Cached traction data: computed once per (database, data revision, ghost days, day, filters).

A rerun with nothing new reads the revision and copies a few small aggregated frames out of the
cache; the per-application table is built only when the data (or the ghost-days setting) change.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib.core import db
from lib.core.db import Engine
from lib.learn import charts, traction
from lib.store import settings as settings_store
from ui import state


@st.cache_data(max_entries=16, show_spinner=False)
def _settings(_engine: Engine, url: str, rev: int) -> dict[str, int]:
    return settings_store.all_settings(_engine)


@st.cache_data(max_entries=8, show_spinner=False)
def _table(_engine: Engine, url: str, rev: int, ghost_days: int, today: dt.date) -> pd.DataFrame:
    # The shared loaders, with the same revision: one read of the database serves every page.
    apps, events = state.shared_log_and_events(_engine, url, rev)
    return traction.traction_table(apps, events, today, ghost_days)


@st.cache_data(max_entries=16, show_spinner=False)
def _overview(_engine: Engine, url: str, rev: int, ghost_days: int, today: dt.date):
    table = _table(_engine, url, rev, ghost_days, today)
    return len(table), traction.table_bounds(table)


@st.cache_data(max_entries=32, show_spinner=False)
def _view(
    _engine: Engine,
    url: str,
    rev: int,
    ghost_days: int,
    today: dt.date,
    chosen: traction.TractionFilter,
    freq: str,
) -> traction.TractionView:
    return traction.traction_view(_table(_engine, url, rev, ghost_days, today), chosen, freq)


@st.cache_data(max_entries=32, show_spinner=False)
def _specs(
    _engine: Engine,
    url: str,
    rev: int,
    ghost_days: int,
    today: dt.date,
    chosen: traction.TractionFilter,
    freq: str,
) -> dict[str, dict]:
    return charts.traction_specs(_view(_engine, url, rev, ghost_days, today, chosen, freq), freq)


@st.cache_data(max_entries=32, show_spinner=False)
def _company(
    _engine: Engine, url: str, rev: int, ghost_days: int, today: dt.date, company: str
) -> pd.DataFrame:
    table = _table(_engine, url, rev, ghost_days, today)
    return traction.company_applications(table, state._events(_engine, url, rev), company)


@st.cache_data(max_entries=16, show_spinner=False)
def _headline(_engine: Engine, url: str, rev: int, ghost_days: int, today: dt.date):
    return traction.headline(_table(_engine, url, rev, ghost_days, today), today)


def _key() -> tuple[Engine, str, int]:
    eng = state.engine()
    return eng, str(eng.url), db.revision(eng)


def settings() -> dict[str, int]:
    """Every setting (saved or default), cached on the revision."""
    return _settings(*_key())


def _args() -> tuple:
    eng, url, rev = _key()
    return eng, url, rev, _settings(eng, url, rev)["ghost_days"], dt.date.today()


def overview() -> tuple[int, tuple[dt.date, dt.date] | None]:
    """How many applications there are, and the first and last application dates."""
    return _overview(*_args())


def view(chosen: traction.TractionFilter, freq: str) -> traction.TractionView:
    return _view(*_args(), chosen, freq)


def chart_specs(chosen: traction.TractionFilter, freq: str) -> dict[str, dict]:
    """The view's charts as ready Vega-Lite specs (see lib.charts.traction_specs)."""
    return _specs(*_args(), chosen, freq)


def company(name: str) -> pd.DataFrame:
    return _company(*_args(), name)


def headline():
    return _headline(*_args())
