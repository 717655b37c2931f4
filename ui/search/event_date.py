"""A stage event's date on the timeline: "date unknown" until the person types it."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib.store import applications as app_store
from lib.store.base import StoreError
from ui import state

UNKNOWN = "date unknown"


def label(event) -> str:
    """How the timeline names an event's day: its date, or "date unknown" (never a made-up one)."""
    return f"{event.occurred_on:%d %b %Y}" if getattr(event, "date_known", True) else UNKNOWN


def fix(event, applied_on: dt.date) -> None:
    """For an event whose date is unknown: a small popover to type the real date."""
    if getattr(event, "date_known", True):
        return
    with st.popover("Add the date", icon=":material/event:"):
        st.caption("This step came in without a date of its own. When did it happen?")
        day = st.date_input(
            "Date",
            value=None,
            min_value=applied_on,
            max_value=dt.date.today(),
            key=f"event_date_fix_{event.id}",
            format="DD/MM/YYYY",
        )
        if st.button(
            "Save the date", key=f"event_date_save_{event.id}", type="primary", disabled=day is None
        ):
            try:
                app_store.set_event_date(state.engine(), int(event.id), day)
            except StoreError as exc:
                st.error(exc.message, icon=":material/error:")
            else:
                st.rerun()
