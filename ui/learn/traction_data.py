"""Cached traction data: computed once per (database, data revision, ghost days, day, filters).

A rerun with nothing new reads the revision and copies a few small aggregated frames out of the
cache; the per-application table is built only when the data (or the ghost-days setting) change.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.core.db import Engine
from lib.learn import traction
from ui import charts as ui_charts
from ui import state

BESIDE = ("company", "funnel", "endings")  # drawn beside another chart or table: the rest are wide


@state.cached(max_entries=8)
def _table(engine: Engine, ghost_days: int, today: dt.date) -> pd.DataFrame:
    # The shared log, with the same revision: one read of the database serves every page.
    apps, events = state.shared_log_and_events(engine, str(engine.url), state.revision())
    return traction.traction_table(apps, events, today, ghost_days)


@state.cached()
def _overview(engine: Engine, ghost_days: int, today: dt.date):
    table = _table(ghost_days, today)
    return len(table), traction.table_bounds(table)


@state.cached(max_entries=32)
def _view(engine: Engine, ghost_days: int, today: dt.date, chosen: traction.TractionFilter, freq: str):
    return traction.traction_view(_table(ghost_days, today), chosen, freq)


# shared: the prepared charts are only read, so a rerun takes them as they are, not a copy
@state.cached(max_entries=32, shared=True)
def _specs(engine: Engine, ghost_days: int, today: dt.date, chosen: traction.TractionFilter, freq: str):
    from lib.learn import charts  # Altair only where a chart is drawn: Home starts without it

    specs = charts.traction_specs(_view(ghost_days, today, chosen, freq), freq, today)
    return {
        name: ui_charts.prepare(
            spec, title_line=ui_charts.TITLE_LINE if name in BESIDE else ui_charts.WIDE_TITLE_LINE
        )
        for name, spec in specs.items()
    }


@state.cached(max_entries=32)
def _company(engine: Engine, ghost_days: int, today: dt.date, company: str) -> pd.DataFrame:
    return traction.company_applications(_table(ghost_days, today), state.events(), company)


@state.cached()
def _headline(engine: Engine, ghost_days: int, today: dt.date):
    return traction.headline(_table(ghost_days, today), today)


def _args() -> tuple:
    return state.settings()["ghost_days"], dt.date.today()


def overview() -> tuple[int, tuple[dt.date, dt.date] | None]:
    """How many applications there are, and the first and last application dates."""
    return _overview(*_args())


def view(chosen: traction.TractionFilter, freq: str) -> traction.TractionView:
    return _view(*_args(), chosen, freq)


def chart_specs(chosen: traction.TractionFilter, freq: str) -> dict[str, ui_charts.Prepared]:
    """The view's charts, prepared to draw (see lib.learn.charts.traction_specs)."""
    return _specs(*_args(), chosen, freq)


def company(name: str) -> pd.DataFrame:
    return _company(*_args(), name)


def headline():
    return _headline(*_args())
