"""Settings: the few numbers Rebound's rules use (ghosted after, re-approach after, weekly goal)."""

import streamlit as st

from lib.core.db import DatabaseBusy
from lib.store import settings as settings_store
from lib.store.base import StoreError
from ui import forms, layout, state
from ui.setting_input import setting_input

FORM = "settings"

st.title("Settings")
layout.demo_banner()
st.caption(
    "The few numbers Rebound's suggestions rest on. Change them whenever they stop fitting your search."
)
forms.show_flash()
forms.form_error(FORM)

saved = state.settings()
with st.form(FORM, enter_to_submit=False):
    chosen = {}
    for key in settings_store.SETTINGS:
        chosen[key] = setting_input(key, saved[key], f"setting_{key}")
        forms.field_error(FORM, key)
    submitted = st.form_submit_button("Save settings", type="primary")

if submitted:
    values = dict(chosen)  # 2.5 is said to be no whole number, not saved as 2
    try:  # every field out of range is said at once, not one per save
        settings_store.set_settings(state.engine(), values)
    except (StoreError, DatabaseBusy) as exc:
        forms.set_errors(FORM, forms.errors_from(exc))
        st.rerun()
    forms.clear_errors(FORM)
    forms.flash("Settings saved.")
    st.rerun()

# Where people look for them too: the ways to keep, take out and delete the data live on the data page.
st.markdown("## Your data")  # under the page title (h1): h2, in order for a screen reader
for tab, icon, label in (
    ("Backup & restore", ":material/backup:", "Back up or restore everything"),
    ("Export", ":material/download:", "Export every table as CSV"),
    ("Delete all", ":material/delete_forever:", "Delete all my data"),
):
    st.page_link("pages/data.py", label=label, icon=icon, query_params={"data_tab": tab})

# Once there is data, Home no longer offers the demo, and the sidebar's switch sits below a 900 px
# window's fold: offered here too, where people look for such things.
if not state.is_demo():
    st.markdown("## Demo data")
    st.caption(
        "A made-up search of 60 applications, to see what each page shows once a search has "
        "history. It lives in its own file and never mixes with yours; every page has a way back."
    )
    st.button("Look at the demo", icon=":material/science:", key="settings_demo", on_click=layout.open_demo)
