"""Rebound: turn interview rejections into your next opportunity. Entry point only."""

import streamlit as st

from lib.core.db import DatabaseBusy
from ui import forms, layout

st.set_page_config(page_title="Rebound", page_icon=":material/sports_handball:", layout="wide")

# One section per part of the journey (docs/product.md). Sections with no pages are left out.
SECTIONS = {
    "Your search": [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
        st.Page("pages/applications.py", title="Applications", icon=":material/work:"),
        st.Page("pages/add_application.py", title="Add application", icon=":material/add_circle:"),
        st.Page(
            "pages/application.py",
            title="Application",
            icon=":material/description:",
            url_path="application",
            visibility="hidden",
        ),
    ],
    "Reflect": [
        st.Page(
            "pages/debrief.py",
            title="Debrief an interview",
            icon=":material/rate_review:",
            url_path="debrief",
        ),
        st.Page(
            "pages/rejection.py",
            title="Record a rejection",
            icon=":material/heart_broken:",
            url_path="rejection",
        ),
        st.Page("pages/questions.py", title="Question library", icon=":material/quiz:", url_path="questions"),
        st.Page("pages/practice.py", title="Practise", icon=":material/school:", url_path="practice"),
        st.Page("pages/writing.py", title="Write it out", icon=":material/edit:", url_path="writing"),
    ],
    "Follow up": [
        st.Page("pages/compose.py", title="Write a note", icon=":material/edit_note:", url_path="compose"),
        st.Page("pages/feedback.py", title="Feedback", icon=":material/forum:", url_path="feedback"),
        st.Page("pages/network.py", title="Network", icon=":material/group:", url_path="network"),
    ],
    "Learn": [
        st.Page("pages/traction.py", title="Traction", icon=":material/insights:"),
        st.Page("pages/insights.py", title="Insights", icon=":material/lightbulb:"),
        st.Page("pages/strategy.py", title="Strategy review", icon=":material/flag:"),
        st.Page("pages/report.py", title="Share a report", icon=":material/ios_share:", url_path="report"),
    ],
    "Your data": [
        st.Page("pages/data.py", title="Import & export", icon=":material/database:", url_path="data"),
        st.Page("pages/settings.py", title="Settings", icon=":material/tune:", url_path="settings"),
    ],
}

page = st.navigation({name: pages for name, pages in SECTIONS.items() if pages}, expanded=True)
layout.sidebar_data_switch()
try:
    page.run()
except DatabaseBusy:  # a save waited too long for a big import: a calm word, never a traceback
    forms.show_busy()
