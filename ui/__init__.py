"""Small Streamlit helpers shared by pages.

Importing this package also makes sure app.py is the entry point of every run. With a `pages/`
folder beside app.py, a fresh server whose first visit is a deep link (say /applications) runs
that page file on its own, in Streamlit's old folder-based mode: no navigation, no page config,
no data switch. Every page imports `ui`, so the first such run flips Streamlit back to
st.navigation mode and reruns, and app.py then routes to the page the link asked for.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

if PagesManager.uses_pages_directory is None:
    # Imported before any visit (the web server imports app.py to build itself): switch the
    # folder-based mode off from the start, so the first deep link already runs app.py.
    PagesManager.uses_pages_directory = False
elif PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()
