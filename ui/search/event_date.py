"""A stage event's date on the timeline: "date unknown" until the person types it, and changed when
it was typed wrong."""

from __future__ import annotations

import streamlit as st

from lib.store import applications as app_store
from lib.store.base import StoreError
from ui import forms, state
from ui.text import md

UNKNOWN = "date unknown"


def label(event) -> str:
    """How the timeline names an event's day: its date, or "date unknown" (never a made-up one)."""
    return f"{event.occurred_on:%d %b %Y}" if getattr(event, "date_known", True) else UNKNOWN


def fix(event) -> None:
    """For an event whose date is unknown: a small popover to type the real date."""
    if getattr(event, "date_known", True):
        return
    with st.popover("Add the date", icon=":material/event:"):
        st.caption("This step came in without a date of its own. When did it happen?")
        # any day: one before the application or in the future is refused with a message below
        day = forms.date_field("Date", f"event_date_fix_{event.id}", None)
        if st.button(
            "Save the date", key=f"event_date_save_{event.id}", type="primary", disabled=day is None
        ):
            try:
                app_store.set_event_date(state.engine(), int(event.id), day)
            except StoreError as exc:
                st.error(exc.message, icon=":material/error:")
            else:
                st.rerun()


def change(event, what: str) -> None:
    """For a dated step, in its menu: correct its day (deleting and recording it again asked for
    everything twice). A step with no date has "Add the date" beside its label instead."""
    if not getattr(event, "date_known", True):
        return
    day = forms.date_field(f"Date of “{what}”", f"event_date_change_{event.id}", event.occurred_on.date())
    if st.button("Save the date", key=f"event_date_change_save_{event.id}", type="primary"):
        try:
            app_store.set_event_date(state.engine(), int(event.id), day)
        except StoreError as exc:
            st.error(md(exc.message), icon=":material/error:")
        else:
            forms.flash(f"{what} is now dated {day:%d %b %Y}.", in_view=True)
            st.rerun()
    st.divider()
