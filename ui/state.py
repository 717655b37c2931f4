"""Which database the session looks at (the user's or the demo), and cached loaders over it.

Loaders are cached on (database url, data revision): every write bumps the revision, so a rerun
with no change reads one tiny row instead of the tables. `@cached()` is the one way to write such
a loader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from lib.core import db
from lib.core.db import Engine
from lib.data import demo
from lib.learn import traction
from lib.store import applications as app_store
from lib.store import settings as settings_store

MODE_KEY = "data_mode"  # "mine" or "demo"; also kept in the URL (?data=demo) so reloads keep it


@st.cache_resource(show_spinner=False)
def _user_engine(url: str) -> Engine:
    return db.open_database(url)


@st.cache_resource(show_spinner="Preparing the demo data…")
def _demo_engine(url: str) -> Engine:
    return demo.open_demo(url)


def data_mode() -> str:
    if MODE_KEY not in st.session_state:
        st.session_state[MODE_KEY] = "demo" if st.query_params.get("data") == "demo" else "mine"
    return st.session_state[MODE_KEY]


def set_data_mode(mode: str) -> None:
    st.session_state[MODE_KEY] = mode
    if mode == "demo":
        st.query_params["data"] = "demo"
    else:
        st.query_params.pop("data", None)


def keep_mode_in_address() -> None:
    """The demo stays in the address on every page (a sidebar link drops `?data=demo`), so a reload
    keeps showing the demo rather than quietly switching to your data."""
    if is_demo() and st.query_params.get("data") != "demo":
        st.query_params["data"] = "demo"


def is_demo() -> bool:
    return data_mode() == "demo"


def engine() -> Engine:
    """The engine for the current mode. Stops the page with a clear message if it can't open."""
    try:
        if is_demo():
            return _demo_engine(db.demo_database_url())
        return _user_engine(db.database_url())
    except Exception as exc:  # a locked, unreadable or foreign file must not show a traceback
        st.error(
            "Rebound could not open its database "
            f"({'demo data' if is_demo() else db.database_url()}): {type(exc).__name__}. "
            "Check that the file is readable and not opened by another program, then reload. "
            "Nothing has been changed."
        )
        st.stop()


def revision() -> int:
    return db.revision(engine())


def _log_and_events(_engine: Engine, url: str, rev: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    return _log_and_events_on(_engine, url, rev, dt.date.today())


@st.cache_resource(max_entries=4, show_spinner=False)
def _log_and_events_on(
    _engine: Engine, url: str, rev: int, today: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    # Read once per revision (and day: silence turns into "ghosted" as days pass) and shared (not
    # copied): by the cached functions below, which return copies, and by shared_log_and_events
    # for builders that only derive new frames. The ghost days are a setting: saving one is a write.
    events = app_store.load_events(_engine)
    ghost_days = settings_store.get_setting(_engine, "ghost_days")
    return traction.with_status(app_store.load_applications(_engine), events, today, ghost_days), events


def shared_log_and_events(_engine: Engine, url: str, rev: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The log and its events for cached builders that derive new frames from them: shallow
    copies of the shared frames (a new column stays in the copy); never change values in place."""
    log, events = _log_and_events(_engine, url, rev)
    return log.copy(deep=False), events.copy(deep=False)


@st.cache_data(max_entries=16, show_spinner=False)
def _applications(_engine: Engine, url: str, rev: int, today: dt.date) -> pd.DataFrame:
    return _log_and_events_on(_engine, url, rev, today)[0]


@st.cache_data(max_entries=16, show_spinner=False)
def _events(_engine: Engine, url: str, rev: int, today: dt.date) -> pd.DataFrame:
    return _log_and_events_on(_engine, url, rev, today)[1]


def applications() -> pd.DataFrame:
    """Every application with company, furthest stage, outcome and end state (cached on the
    revision and the day)."""
    eng = engine()
    return _applications(eng, str(eng.url), db.revision(eng), dt.date.today())


def events() -> pd.DataFrame:
    eng = engine()
    return _events(eng, str(eng.url), db.revision(eng), dt.date.today())


def _derive(_func, name: str, _engine: Engine, url: str, rev: int, today: dt.date, args: tuple):
    return _func(_log_and_events_on(_engine, url, rev, today)[0], *args)


_derived = st.cache_data(max_entries=64, show_spinner=False)(_derive)  # a copy for each caller
_derived_shared = st.cache_resource(max_entries=64, show_spinner=False)(_derive)  # one object, read only


def from_log(func, *args, shared: bool = False):
    """`func(log, *args)` computed once per data revision and arguments.

    For pages that show a small result of the whole log (a filtered view, headline numbers): a
    rerun then copies only that small result out of the cache, not the whole log. `shared=True`
    skips even that copy, for a result the page only reads (as in `cached`).
    """
    eng = engine()
    derive = _derived_shared if shared else _derived
    name = f"{func.__module__}.{func.__qualname__}"
    return derive(func, name, eng, str(eng.url), db.revision(eng), dt.date.today(), args)


def cached(*, max_entries: int = 16, show_spinner: bool | str = False, shared: bool = False):
    """Decorator for a loader `load(engine, *args)` over the current database.

    The decorated function is called as `load(*args)`: it runs on the current engine (the user's or
    the demo data) once per (database, data revision, args), so every write refreshes it and a
    rerun with nothing new reads one tiny row. Args must be hashable by st.cache_data.

    `shared=True` for big frames a page only reads (filters, heads, draws): every rerun gets the
    one cached object instead of an unpickled copy (at 10,000 applications the copy costs more
    than drawing the page). Never change such a result in place.
    """

    def decorate(load: Callable[..., Any]) -> Callable[..., Any]:
        def keyed(_engine: Engine, url: str, rev: int, *args: Any) -> Any:
            return load(_engine, *args)

        # st.cache_data tells functions apart by module and qualified name: give each loader its own.
        keyed.__module__, keyed.__qualname__ = load.__module__, load.__qualname__
        cache = st.cache_resource if shared else st.cache_data
        cached_load = cache(max_entries=max_entries, show_spinner=show_spinner)(keyed)

        def current(*args: Any) -> Any:
            eng = engine()
            return cached_load(eng, str(eng.url), db.revision(eng), *args)

        current.__doc__, current.__name__ = load.__doc__, load.__name__
        return current

    return decorate


@cached()
def settings(engine: Engine) -> dict[str, int]:
    """Every setting (saved or default)."""
    return settings_store.all_settings(engine)


@cached()
def company_names(engine: Engine) -> list[str]:
    return app_store.company_names(engine)
