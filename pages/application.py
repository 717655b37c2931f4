"""One application: its timeline, the next event, edit, re-application link, delete."""

import streamlit as st

from lib.core import vocab
from lib.core.text import plural
from lib.reflect.rejection import ENDINGS_RECORDED
from lib.search import history
from lib.search.filters import end_state_of
from ui import forms, layout, state
from ui.data import email_timeline
from ui.follow_up import application_follow_up
from ui.params import int_param
from ui.reflect import debrief_start
from ui.reflect.reflections import application_timeline, next_after_reflection, reflected_on
from ui.search import application_view as view
from ui.text import clipped, md

view.leave_if_deleted()
app_id = int_param("id") or st.session_state.get("open_application")
app = view.application(app_id) if app_id is not None else None
if app is None:
    st.title("Application")
    layout.demo_banner()
    st.info("That application was not found — it may have been deleted. Pick one from the log.")
    st.page_link("pages/applications.py", label="Go to the application log", icon=":material/list:")
    layout.end_page()

st.session_state["open_application"] = app_id
st.query_params["id"] = str(app_id)
events = view.events(app_id)
standing = history.standing(events)
end_state, days_silent = state.from_log(end_state_of, app_id)  # as the log and Traction say it

st.page_link("pages/applications.py", label="Back to the log", icon=":material/arrow_back:")
st.title(f"{md(clipped(app['role']))} · {md(clipped(app['company']))}")
layout.demo_banner()
forms.show_flash()
next_after_reflection(app_id)
debrief_start.next_after_debrief(app_id)
st.markdown(
    f"**Furthest stage:** {vocab.stage_label(standing.furthest_stage)} · "
    f"**Outcome:** {vocab.stage_label(end_state)} · "
    f"**Applied:** {'' if app['applied_known'] else 'by '}{app['applied_on']:%d %b %Y} via {app['channel']}"
    + (f" ({md(app['source'])})" if app["source"] else "")
)
if end_state == "ghosted" and not standing.ended and days_silent is not None:
    st.caption(
        f"No word from {md(clipped(app['company']))} for {plural(int(days_silent), 'day')}, so Rebound "
        f"counts it as ghosted (after {plural(state.settings()['ghost_days'], 'day')}; change it in "
        "Settings). If they answer, record it under “Record what happened next”: it counts as open again."
    )


def _timeline() -> None:
    # the next steps across the full width: in the right half their labels were cut at 1,280 px
    slots = iter(st.columns(3))
    next(slots).page_link(
        "pages/debrief.py",
        label="Debrief an interview",
        icon=":material/rate_review:",
        query_params={"id": str(app_id)},
    )
    if standing.outcome == vocab.OPEN:  # an application that has ended has nothing more to record
        next(slots).page_link(
            "pages/rejection.py",
            label="Record a rejection",
            icon=":material/heart_broken:",
            query_params={"id": str(app_id)},
        )
    elif standing.outcome in ENDINGS_RECORDED and not reflected_on(app_id):
        # a "no" recorded by an import, an email or the event form: its reflection is still to come
        next(slots).page_link(
            "pages/rejection.py",
            label="Reflect on this “no”" if standing.outcome == "rejected" else "Reflect on the silence",
            icon=":material/heart_broken:",
            query_params={"id": str(app_id)},
        )
    next(slots).page_link(
        "pages/compose.py",
        label="Write a note",
        icon=":material/edit_note:",
        query_params={"app": str(app_id)},
    )
    left, right = st.columns([1, 1], gap="large")
    with right:
        view.event_form(app_id, events, standing)
    with left:
        view.timeline(app, events)
        email_timeline.kept_emails(app_id)  # the emails that recorded these events
        application_timeline(app_id)
        application_follow_up.notes_and_feedback(app_id)


layout.lazy_tabs(  # only the open tab is drawn; a save stays on it
    {
        "Timeline": _timeline,
        "Edit details": lambda: view.edit(app),
        "Re-application": lambda: view.reapply(app),
        "Delete": lambda: view.delete(app),
    },
    key="application_tab",
)
