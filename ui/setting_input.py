"""A number box for one of Rebound's settings, used by Settings and by Traction's ghost-days form.

The box has no min/max of its own: with them, the browser holds an out-of-range number back (a red
border and a tooltip) and Save sends the old value without a word. Sent as typed, the store refuses
it with "… must be between 1 and 365." under the box, where the person is looking.
"""

from __future__ import annotations

import streamlit as st

from lib.store import settings as settings_store


def setting_input(key: str, value: int, widget_key: str) -> int | float | None:
    setting = settings_store.SETTINGS[key]
    return st.number_input(
        setting.label,
        value=value,
        step=1,
        help=f"{setting.help} From {setting.minimum} to {setting.maximum}.",
        key=widget_key,
    )
