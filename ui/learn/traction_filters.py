"""The Traction page's filters and its ghost-days setting."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib.core import vocab
from lib.learn import traction
from lib.store import settings as settings_store
from lib.store.base import StoreError
from ui import forms, state
from ui.setting_input import as_typed, setting_input

SETTINGS_FORM = "traction_settings"


FREQ_KEY = "traction_freq"


def filters(bounds: tuple[dt.date, dt.date] | None) -> tuple[traction.TractionFilter, str]:
    """Draw the filters in one row; return the filter and the period ("month" or "week") picked in
    the Over time tab (`period`), which is drawn there, beside the chart it changes."""
    with st.container(border=True):
        c1, c2, c3, c4 = st.columns([3.7, 2.4, 2.0, 2.2], vertical_alignment="bottom")
        dates = c1.date_input(
            "Applied between", value=bounds or (), key="traction_dates", format="DD/MM/YYYY"
        )
        channels = c2.multiselect(
            "Channel", vocab.CHANNELS, key="traction_channels", placeholder="All channels"
        )
        company = c3.text_input("Company", key="traction_company_text", placeholder="Any company")
        include_open = c4.toggle(
            "Include open",
            value=True,
            key="traction_open",
            help="Open: no ending recorded and not yet ghosted. Turn off to see only "
            "applications that have ended.",
        )
    chosen = traction.TractionFilter(
        applied_from=dates[0] if len(dates) > 0 else None,
        applied_to=dates[1] if len(dates) > 1 else None,
        channels=tuple(channels),
        company=company[:200],
        include_open=include_open,
    )
    return chosen, st.session_state.get(FREQ_KEY) or "month"


def no_match_text(chosen: traction.TractionFilter, bounds: tuple[dt.date, dt.date] | None) -> str:
    """What to loosen when nothing matches: only the filters actually set ("or include open
    applications" was said with Include open already on)."""
    ways = []
    first, last = bounds or (None, None)
    if (chosen.applied_from or first) != first or (chosen.applied_to or last) != last:
        ways.append("widen the dates")
    if chosen.channels:
        ways.append("clear the channel")
    if chosen.company.strip():
        ways.append("clear the company")
    if not chosen.include_open:
        ways.append("include open applications")
    if not ways:
        return "No application matches these filters."
    said = ways[0] if len(ways) == 1 else ", ".join(ways[:-1]) + " or " + ways[-1]
    return f"No application matches these filters: {said}."


def period() -> None:
    """Month or week for the Over time charts (read by `filters` on the next run)."""
    st.segmented_control(
        "Over time by", ["month", "week"], default="month", format_func=str.capitalize, key=FREQ_KEY
    )


def _save_ghost_days() -> None:
    value = as_typed(st.session_state.get("ghost_days_input"))
    try:
        settings_store.set_setting(state.engine(), "ghost_days", value)
    except (StoreError, TypeError, ValueError) as exc:
        forms.set_errors(
            SETTINGS_FORM,
            forms.errors_from(exc)
            if isinstance(exc, StoreError)
            else {"ghost_days": "Ghosted after (days) must be a whole number."},
        )
    else:
        forms.clear_errors(SETTINGS_FORM)
        st.toast(f"Saved: open applications count as ghosted after {int(value)} days of silence.")


def ghost_days_setting(current: int) -> None:
    """A small form for the ghost-days setting."""
    setting = settings_store.SETTINGS["ghost_days"]
    with st.expander(f"Ghosted after {current} days of silence · change", icon=":material/settings:"):
        forms.form_error(SETTINGS_FORM)
        with st.form(SETTINGS_FORM, border=False):
            setting_input("ghost_days", current, "ghost_days_input")
            forms.field_error(SETTINGS_FORM, "ghost_days", setting.label)
            st.form_submit_button("Save", on_click=_save_ghost_days)
