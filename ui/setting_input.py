"""A number box for one of Rebound's settings, used by Settings and by Traction's ghost-days form.

The box has no min/max of its own: with them, the browser holds an out-of-range number back (a red
border and a tooltip) and Save sends the old value without a word. Sent as typed, the store refuses
it with "… must be between 1 and 365." under the box, where the person is looking. For the same
reason the box takes decimals: a whole-number box turned 2.5 into 2 in the browser, unsaid; this one
sends 2.5 and the store says "… must be a whole number."
"""

from __future__ import annotations

import streamlit as st

from lib.store import settings as settings_store


def setting_input(key: str, value: int, widget_key: str) -> int | float | None:
    """The number as typed: a whole number as an int, anything else as it came (for the store to
    refuse by name)."""
    setting = settings_store.SETTINGS[key]
    return whole_number_input(
        setting.label, value, widget_key, help=f"{setting.help} From {setting.minimum} to {setting.maximum}."
    )


def whole_number_input(label: str, value: int, key: str, *, step: int = 1, where=None, **kwargs) -> object:
    """A box for a whole number that sends what is typed (2.5 stays 2.5, for its check to refuse by
    name; a whole-number box cut it to 2 in the browser), returned through `as_typed`. Read through
    session state, use `as_typed(st.session_state[key])` too."""
    typed = (where or st).number_input(
        label,
        value=float(value),
        step=float(step),
        format="%g",
        key=key,
        **kwargs,  # 30, not 30.00
    )
    return as_typed(typed)


def as_typed(value: object) -> object:
    """A box's number for the store: 30.0 as 30; 2.5 (or nothing) as it came, to be refused by name."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
