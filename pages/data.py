"""Your data: import from LinkedIn or a spreadsheet, export, back up and restore, delete all."""

import streamlit as st

from ui import layout
from ui.data import data_import, data_tools, email_import

st.title("Your data")
layout.demo_banner()
st.caption("Bring your search in, take it out, keep a backup. Everything stays on this computer.")

TABS = ["Import", "Emails", "Export", "Backup & restore", "Delete all"]
tabs = st.tabs(TABS, key="data_tab", on_change="rerun", bind="query-params")
drawers = [
    data_import.render,
    email_import.render,
    data_tools.export_tab,
    data_tools.backup_tab,
    data_tools.delete_tab,
]
for tab, draw in zip(tabs, drawers):
    if tab.open:  # only the open tab does its work
        with tab:
            draw()
