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


def can_change(event) -> bool:
    """A dated step's day is changed in its menu (an undated one has "Add the date" instead)."""
    return bool(getattr(event, "date_known", True))


def change_key(event) -> str:
    return f"event_date_change_{event.id}"


def save_key(event) -> str:
    return f"event_date_change_save_{event.id}"


def closing_key(event) -> str:
    """Set when the day is saved: the menu it was changed in closes on the next run."""
    return f"event_date_close_{event.id}"


def change(event, what: str) -> None:
    """For a dated step, in its menu: correct its day (deleting and recording it again asked for
    everything twice). A step with no date has "Add the date" beside its label instead."""
    if not can_change(event):
        return
    # the box and its button on one line: the menu is short near the foot of the window
    with st.container(horizontal=True, vertical_alignment="bottom"):
        day = forms.date_field(f"Date of “{what}”", change_key(event), event.occurred_on.date())
        save = st.button("Save the date", key=save_key(event), type="primary")
    if save:
        try:
            app_store.set_event_date(state.engine(), int(event.id), day)
        except StoreError as exc:
            st.error(md(exc.message), icon=":material/error:")
        else:
            forms.flash(f"{what} is now dated {day:%d %b %Y}.", in_view=True)
            st.session_state[closing_key(event)] = True
            st.rerun()
