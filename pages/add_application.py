"""Add application: the form, a warning for a repeat of the same company and role."""

import datetime as dt

import streamlit as st

from lib.core.text import ended, plural
from lib.store import applications as app_store
from lib.store.base import StoreError
from ui import focus, forms, layout, state
from ui.search import application_form, company_picker
from ui.text import clipped, md

FORM = "add_application"
PENDING = "add_application__pending"  # a submitted application waiting for "add anyway"

st.title("Add an application")
layout.demo_banner()


def _save(app) -> None:
    try:
        new_id = app_store.add_application(state.engine(), app)
    except StoreError as exc:
        forms.set_errors(FORM, forms.errors_from(exc))
        st.rerun()
    st.session_state.pop(PENDING, None)
    st.session_state["last_added"] = {
        "id": new_id,
        "company": app.company,
        "role": app.role,
        "applied_on": app.applied_on,
    }
    forms.mark_saved(FORM, app)
    forms.renew(FORM)  # a fresh form for the next one
    focus.after_save(FORM, company_picker.input_key(forms.key(FORM, "company")))  # the next one starts there
    st.rerun()


# the last one saved, said above the form until this one is refused: "Saved: …" over "Nothing is
# saved yet" read as a contradiction (it is still in the log, and Home)
last = None if st.session_state.get(forms.errors_key(FORM)) else st.session_state.get("last_added")
if not last:
    st.caption(
        "Log it the day you apply: the company, the role, and how you got in. Fields with * are required."
    )
else:
    earlier = app_store.earlier_applications_at(state.engine(), last["company"], exclude_id=last["id"])
    before = (
        f" You applied there {({1: 'once', 2: 'twice'}).get(len(earlier), plural(len(earlier), 'time'))} before."
        if earlier
        else ""
    )
    # one line where the page's hint was: a box and a link under it (and a box about earlier
    # applications) pushed the form's button off a laptop's screen for every entry after the first
    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="last_added_line"):
        st.markdown(
            ended(
                f":material/check_circle: Saved: {md(clipped(last['role']))} at {md(clipped(last['company']))}"
            )
            + before,
            width="content",
        )
        st.page_link(
            "pages/application.py",
            # a re-application is linked on its page, with why this role fits better (another role
            # at the same company is not always one: offered, not said)
            label="Open it to link an earlier try" if earlier else "Open it to record its stages",
            icon=":material/arrow_forward:",
            # to link a try, its Re-application tab (it opened on the Timeline)
            query_params={"id": str(last["id"])} | ({"application_tab": "Re-application"} if earlier else {}),
        )
    if note := application_form.saved_note(
        last["applied_on"], dt.date.today(), state.settings()["ghost_days"]
    ):
        st.caption(note)

submitted = application_form.render(FORM, submit_label="Add application")
focus.show(FORM)
if submitted is not None and forms.already_saved(FORM, submitted, only_just=True):  # a double click
    forms.renew(FORM)  # saved once; typed again at once, emptied again (it stayed filled, unsaid)
    st.rerun()
if submitted is not None:  # later, the same again is asked about below ("You already applied …")
    st.session_state.pop("last_added", None)
    repeats = app_store.same_role_elsewhere(state.engine(), submitted.company, submitted.role)
    if repeats:
        st.session_state[PENDING] = submitted
        forms.clear_errors(FORM)  # the last try's errors were mended: the question is what is left
        # it sits under the form: brought into view, to answer; on Cancel, so one Enter adds no duplicate
        focus.after_save(FORM, "cancel_pending")
        st.rerun()
    else:
        _save(submitted)

if st.session_state.get(forms.errors_key(FORM)):  # a later try was refused: the question was about
    st.session_state.pop(PENDING, None)  # the one before it, and "Add it anyway" saved that one
pending = st.session_state.get(PENDING)
if pending is not None:
    repeats = app_store.same_role_elsewhere(state.engine(), pending.company, pending.role)
    with st.container(border=True):
        st.warning(
            f"You already applied to {md(pending.company)} for {md(pending.role)}:", icon=":material/warning:"
        )
        for repeat in repeats:
            st.page_link(
                "pages/application.py",
                label=f"{md(repeat['role'])}, applied {repeat['applied_on']:%d %b %Y}",
                icon=":material/open_in_new:",
                query_params={"id": str(repeat["id"])},
            )
        add_col, cancel_col = st.columns(2)
        if add_col.button("Add it anyway", key="add_anyway", type="primary"):
            _save(pending)
        if cancel_col.button("Cancel", key="cancel_pending"):
            st.session_state.pop(PENDING, None)
            st.rerun()
