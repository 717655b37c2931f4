"""Your data: import from LinkedIn or a spreadsheet, export, back up and restore, delete all."""

import streamlit as st

from ui import layout
from ui.data import data_import, data_tools, email_import

st.title("Import & export")  # as the sidebar names it
layout.demo_banner()
st.caption("Bring your search in, take it out, keep a backup. Everything stays on this computer.")

layout.lazy_tabs(  # only the open tab does its work
    {
        "Import": data_import.render,
        "Emails": email_import.render,
        "Export": data_tools.export_tab,
        "Backup & restore": data_tools.backup_tab,
        "Delete all": data_tools.delete_tab,
    },
    key="data_tab",
)
