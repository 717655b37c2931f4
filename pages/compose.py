"""Write a follow-up note: one draft per recipient, filled from the debrief and reflection answers."""

import datetime as dt

import streamlit as st

from lib.follow_up.compose import timeliness
from ui import layout
from ui.follow_up import compose_view as view
from ui.follow_up import followups
from ui.reflect import typing_keeper

st.title("Write a note")
layout.demo_banner()

today = dt.date.today()
choices = followups.application_choices()
people = followups.contacts()
if choices.empty and people.empty:
    st.info(
        "Nothing to follow up yet. Log an application and record its interview or its answer; "
        "then come back here to thank the people you met.",
        icon=":material/edit_note:",
    )
    st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
    layout.end_page()

view.follow_link(choices)
pick_app, pick_kind = st.columns(2)
app_id = view.pick_application(choices, pick_app)
if app_id is None:
    st.caption("Pick the application the note is about. Each recipient gets a note of their own.")
    layout.end_page()

facts = view.facts_for(app_id)
view.pause_guard(app_id, facts)
kind = view.pick_kind(app_id, facts, pick_kind)
if since := timeliness(facts, today, kind):
    st.caption(since)
kept = view.kept_drafts(app_id)
shown = view.of_kind(kept, kind)
followups.out_of_view([d for d in kept if d not in shown])
view.setup(app_id, kind, facts, people, folded=bool(shown))
typing_keeper.keep_typing()  # what is typed in a draft is kept as you go, also through a reload
view.other_kinds(kept, kind)
view.drafts(shown, today)
if app_id != view.NO_APP:
    view.history(app_id, facts, today)
