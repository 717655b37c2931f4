"""Practise: the questions you rated 3 or lower, spaced out with fsrs; and before a final round,
an optional setback plan."""

import datetime as dt

import streamlit as st

from lib.reflect.evidence import WHY
from lib.store import applications as app_store
from ui import forms, layout, state
from ui.params import int_param
from ui.reflect import practice, practice_session

head, action = st.columns([4, 1], vertical_alignment="bottom")
head.title("Practise")
action.page_link("pages/questions.py", label="Question library", icon=":material/quiz:")
layout.demo_banner()
forms.show_flash()
today = dt.date.today()

setback_id = int_param("setback")
if setback_id is not None:
    app = app_store.get_application(state.engine(), setback_id)
    if app is None:
        st.info("That application was not found — it may have been deleted.")
    else:
        practice.setback_form(setback_id, app["company"])
        st.divider()

st.caption(
    "See the question, answer it aloud (or type), then look at the better answer you wrote and say "
    "how it went. Questions come back sooner when they were hard. " + WHY["practice"]
)
practice_session.interview_picker(today)
practice_session.session(today)
