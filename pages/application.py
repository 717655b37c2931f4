"""One application: its timeline, the next event, edit, re-application link, delete."""

import datetime as dt

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.db import DatabaseBusy
from lib.core.models import ApplicationIn, StageEventIn
from lib.learn import traction
from lib.store import applications as app_store
from lib.store.base import Conflict, StoreError
from ui import conflicts, forms, layout, state
from ui.params import int_param
from ui.reflect.reflections import application_timeline
from ui.search import application_form, event_date
from ui.text import md

EVENT_FORM = "record_event"


app_id = int_param("id") or st.session_state.get("open_application")
app = app_store.get_application(state.engine(), app_id) if app_id is not None else None
if app is None:
    st.title("Application")
    layout.demo_banner()
    st.info("That application was not found — it may have been deleted. Pick one from the log.")
    st.page_link("pages/applications.py", label="Go to the application log", icon=":material/list:")
    st.stop()

st.session_state["open_application"] = app_id
st.query_params["id"] = str(app_id)
events = app_store.events_for(state.engine(), app_id)
status = traction.application_status(pd.DataFrame({"id": [app_id]}), events).iloc[0]

st.page_link("pages/applications.py", label="Back to the log", icon=":material/arrow_back:")
st.title(f"{md(app['role'])} · {md(app['company'])}")
layout.demo_banner()
st.markdown(
    f"**Furthest stage:** {vocab.stage_label(status.furthest_stage)} · "
    f"**Outcome:** {vocab.stage_label(status.outcome)} · "
    f"**Applied:** {app['applied_on']:%d %b %Y} via {app['channel']}"
    + (f" ({md(app['source'])})" if app["source"] else "")
)

timeline_tab, edit_tab, reapply_tab, delete_tab = st.tabs(
    ["Timeline", "Edit details", "Re-application", "Delete"]
)

with timeline_tab:
    left, right = st.columns([1, 1], gap="large")
    with right:
        debrief_link, rejection_link, note_link = st.columns(3)
        debrief_link.page_link(
            "pages/debrief.py",
            label="Debrief an interview",
            icon=":material/rate_review:",
            query_params={"id": str(app_id)},
        )
        rejection_link.page_link(
            "pages/rejection.py",
            label="Record a rejection",
            icon=":material/heart_broken:",
            query_params={"id": str(app_id)},
        )
        note_link.page_link(
            "pages/compose.py",
            label="Write a follow-up",
            icon=":material/edit_note:",
            query_params={"app": str(app_id)},
        )
        st.markdown("#### Record what happened next")
        ended = status.outcome != vocab.OPEN
        if ended:
            st.info(
                f"This application ended ({vocab.stage_label(status.outcome).lower()}). "
                "Delete that event in the timeline to record more."
            )
        forms.form_error(EVENT_FORM)
        with st.form(EVENT_FORM, clear_on_submit=False):
            what_col, when_col = st.columns(2)
            kind = what_col.selectbox(
                "What happened",
                vocab.EVENT_KINDS,
                format_func=vocab.stage_label,
                key="event_kind",
                disabled=ended,
            )
            occurred_on = when_col.date_input(
                "When",
                value=dt.date.today(),
                max_value=dt.date.today(),
                key="event_date",
                format="DD/MM/YYYY",
                disabled=ended,
            )
            forms.field_error(EVENT_FORM, "kind", "What happened")
            forms.field_error(EVENT_FORM, "occurred_on", "The date")
            round_col, via_col = st.columns(2)
            round_label = round_col.text_input(
                "Round (for interviews)", key="event_round", placeholder="e.g. Technical", disabled=ended
            )
            via = via_col.selectbox(
                "How the news came",
                ("",) + vocab.NEWS_CHANNELS,
                format_func=lambda v: v or "—",
                key="event_via",
                disabled=ended,
                help="For endings: email, phone, portal, …",
            )
            note = st.text_input("Note", key="event_note", disabled=ended)
            forms.field_error(EVENT_FORM, "note")
            record = st.form_submit_button("Record", type="primary", icon=":material/add:", disabled=ended)
        if record:
            try:
                app_store.add_stage_event(
                    state.engine(),
                    StageEventIn(
                        application_id=app_id,
                        kind=kind,
                        occurred_on=occurred_on,
                        round_label=round_label,
                        via=via or None,
                        note=note,
                    ),
                )
            except (ValidationError, StoreError) as exc:
                forms.set_errors(EVENT_FORM, forms.errors_from(exc))
            else:
                forms.clear_errors(EVENT_FORM)
                for key in ("event_round", "event_note"):
                    st.session_state.pop(key, None)
                st.toast(f"Recorded: {vocab.stage_label(kind)}", icon=":material/check:")
            st.rerun()
    with left:
        st.markdown("#### Timeline")
        st.markdown(f"**{app['applied_on']:%d %b %Y}** — Applied")
        for event in events.itertuples():
            row = st.columns([6, 1])
            detail = " · ".join(str(x) for x in (event.round_label, event.via) if x)
            row[0].markdown(
                f"**{event_date.label(event)}** — {vocab.stage_label(event.kind)}"
                + (f" ({md(detail)})" if detail else "")
            )
            if event.note:
                row[0].caption(md(event.note))
            with row[0]:
                event_date.fix(event, app["applied_on"])
            with row[1].popover("", icon=":material/delete:", help="Delete this event"):
                st.write("Delete this event?")
                if st.button("Delete", key=f"delete_event_{event.id}", type="primary"):
                    app_store.delete_stage_event(state.engine(), event.id)
                    st.rerun()
        if events.empty:
            st.caption("No news yet. When they answer, record it on the right.")
        if app["notes"]:
            st.markdown("**Notes**")
            st.text(app["notes"])
        if app["job_url"]:
            st.link_button("Open the job posting", app["job_url"], icon=":material/open_in_new:")
        application_timeline(app_id)

with edit_tab:
    edit_form = f"edit_application_{app_id}"
    opened = conflicts.opened_version(edit_form, app["version"])  # two tabs: a save names its version
    edited = application_form.render(edit_form, app, submit_label="Save changes")
    if choice := conflicts.choose(edit_form, application_form.LABELS):
        if choice == "theirs":
            application_form.forget(edit_form)
            conflicts.saved(edit_form, app["version"])
            st.rerun()
        pending = conflicts.pending(edit_form)
        edited, opened = ApplicationIn(**pending["mine"]), pending["version"]
    if edited is not None:
        try:
            conflicts.saved(edit_form, app_store.update_application(state.engine(), app_id, edited, opened))
        except Conflict as exc:
            conflicts.remember(edit_form, exc, edited.model_dump(), app)
        except (StoreError, DatabaseBusy) as exc:
            forms.set_errors(edit_form, forms.errors_from(exc))
        else:
            forms.clear_errors(edit_form)
            st.toast("Saved.", icon=":material/check:")
        st.rerun()

with reapply_tab:
    earlier = [
        a
        for a in app_store.earlier_applications_at(state.engine(), app["company"], exclude_id=app_id)
        if a["applied_on"] <= app["applied_on"]
    ]
    if not earlier:
        st.info(f"No earlier application at {md(app['company'])} to link to.")
    else:
        st.write(
            f"Is this a new try at {md(app['company'])}? Link the earlier application and say why "
            "this role fits better — you will want that sentence in your cover note."
        )
        options = [a["id"] for a in earlier]
        labels = {a["id"]: f"{a['role']} (applied {a['applied_on']:%d %b %Y})" for a in earlier}
        with st.form("reapply_form"):
            link = st.selectbox(
                "Earlier application",
                [None] + options,
                index=([None] + options).index(app["reapplication_of"])
                if app["reapplication_of"] in options
                else 0,
                format_func=lambda i: "— not a re-application —" if i is None else labels[i],
            )
            reason = st.text_area(
                "Why this role fits better than the last", value=app["reapply_reason"] or ""
            )
            forms.field_error("reapply_form", "reapply_reason", "The reason")
            if st.form_submit_button("Save link", type="primary"):
                values = {k: app[k] for k in ApplicationIn.model_fields if k in app}
                values.update(company=app["company"], reapplication_of=link, reapply_reason=reason)
                try:
                    app_store.update_application(state.engine(), app_id, ApplicationIn(**values))
                except (ValidationError, StoreError) as exc:
                    forms.set_errors("reapply_form", forms.errors_from(exc))
                else:
                    forms.clear_errors("reapply_form")
                    st.toast("Linked.", icon=":material/link:")
                st.rerun()
    if app["reapplication_of"]:
        st.page_link(
            "pages/application.py",
            label="Open the earlier application",
            icon=":material/history:",
            query_params={"id": str(app["reapplication_of"])},
        )

with delete_tab:
    st.warning(
        "Deleting removes this application with its stage history, debriefs, reflections and notes. "
        "This can't be undone.",
        icon=":material/warning:",
    )
    confirm = st.checkbox(f"Yes, delete “{md(app['role'])}” at {md(app['company'])}", key="confirm_delete")
    if st.button("Delete application", type="primary", disabled=not confirm, icon=":material/delete:"):
        app_store.delete_application(state.engine(), app_id)
        st.session_state.pop("open_application", None)
        st.query_params.pop("id", None)
        st.switch_page("pages/applications.py")
