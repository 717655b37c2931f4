"""Feedback: what you asked for, when, what came back, and what it was about."""

import datetime as dt

import streamlit as st

from lib.follow_up import next_actions
from ui import layout
from ui.follow_up import feedback_view, followups

st.title("Feedback")
layout.demo_banner()

today = dt.date.today()
choices = followups.application_choices()
if choices.empty:
    st.info(
        "No applications yet. Once you have had an interview and an answer, log here when you asked "
        "for feedback and what came back.",
        icon=":material/forum:",
    )
    st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
    layout.end_page()

chase_after = next_actions.FEEDBACK_CHASE_AFTER_DAYS
overview = followups.feedback_page_overview(today, chase_after)

log_col, answer_col = st.columns(2, gap="large")
with log_col:
    feedback_view.log_form(choices, followups.contacts(), today)
with answer_col:
    feedback_view.answer_form(overview, today, chase_after)
feedback_view.all_feedback(overview)
