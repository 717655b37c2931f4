"""An application's page: the notes written for it and the feedback it brought, to read at a glance
(written on Write a note and Feedback; the page only showed its timeline and debriefs, so a note
"kept in this application's history" was nowhere on it)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.core.db import Engine
from lib.store import followups as store
from ui import state
from ui.text import clipped, md

SAID_CHARS = 200  # of what someone said: the Feedback page has it whole


@state.cached()
def _notes(engine: Engine, application_id: int) -> pd.DataFrame:
    return store.notes_for(engine, application_id)


@state.cached()
def _feedback(engine: Engine, application_id: int) -> pd.DataFrame:
    # its own few rows: a copy of all the feedback on each rerun cost a page of 10,000 applications 9 ms
    return store.load_feedback(engine, application_id)


def notes_and_feedback(application_id: int) -> None:
    notes = _notes(application_id)
    feedback = _feedback(application_id)
    st.markdown("#### Notes and feedback")
    if notes.empty and feedback.empty:
        st.caption(
            "No notes or feedback yet. After an interview or an answer, a short note keeps the door open."
        )
    for note in notes.itertuples():
        status = f"sent {note.sent_on:%d %b %Y}" if pd.notna(note.sent_on) else "draft, not sent yet"
        st.markdown(
            f"- {md(note.kind.capitalize())} to {md(clipped(note.recipient_name or 'someone'))} · {status}"
        )
    for item in feedback.itertuples():
        who = md(clipped(item.contact_name)) if isinstance(item.contact_name, str) else "them"
        if pd.notna(item.received_on):
            said = (
                f": “{md(clipped(item.text, SAID_CHARS))}”"
                if isinstance(item.text, str) and item.text
                else ""
            )
            st.markdown(f"- Feedback from {who}, {item.received_on:%d %b %Y}{said}")
        elif pd.notna(item.asked_on):
            st.markdown(f"- Feedback asked of {who} on {item.asked_on:%d %b %Y}: no answer yet")
    with st.container(horizontal=True):  # each link as wide as its label: in half columns one was cut
        st.page_link(
            "pages/compose.py",
            label="Write or send a note",
            icon=":material/edit_note:",
            query_params={"app": str(application_id)},
        )
        st.page_link(  # the Feedback page opened on this application (it opened on another)
            "pages/feedback.py",
            label="Log feedback",
            icon=":material/forum:",
            query_params={"app": str(application_id)},
        )
