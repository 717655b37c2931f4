"""Debrief an interview: the round, the people met, every question asked, how it went.

Opens for an application (?id=) or an earlier debrief to edit (?interview=), else asks which
application. Everything typed is kept as a draft in the database until saved.
"""

import streamlit as st

from lib.reflect import questionnaires as qn
from lib.store import reflections as store
from lib.store.base import StoreError
from ui import conflicts, focus, forms, layout, state
from ui.params import int_param
from ui.reflect import debrief as parts
from ui.reflect import debrief_start as start
from ui.reflect import questionnaire, reflections
from ui.text import clipped, md

BANK = qn.INTERVIEW


engine = state.engine()
interview_id = int_param("interview")
found = start.opened(interview_id, int_param("id"))
interview, app_id, app = found["interview"], found["app_id"], found["app"]

if app is None:
    start.choose_application(engine, missing=interview_id is not None or app_id is not None)
start.pin_address(interview_id if interview else None, app_id)

prefix = f"debrief_{interview_id}" if interview else f"debrief_new_{app_id}"
draft_key = f"debrief:interview:{interview_id}" if interview else f"debrief:{app_id}:new"
draft = conflicts.load_draft(engine, draft_key, prefix)
contacts, rounds = found["contacts"], found["rounds"]

payload = start.starting_payload(BANK, draft, interview, rounds)
start.seed(prefix, BANK, payload, contacts, rounds)


def _save_draft() -> None:
    conflicts.save_draft(state.engine(), draft_key, prefix, start.draft_payload(prefix, BANK))


def _discard_draft() -> None:
    store.delete_draft(state.engine(), draft_key)
    questionnaire.forget(prefix)
    forms.clear_errors(prefix)


def _save() -> None:
    known = store.contacts_at(state.engine(), app_id)  # read now: who is already in the network
    debrief, errors = start.collect(prefix, BANK, app, known, rounds)
    if debrief is not None:
        try:
            store.save_interview(state.engine(), debrief, interview_id, draft_key=draft_key)
        except StoreError as exc:
            errors = forms.errors_from(exc)
            st.session_state[start.DEBRIEFED_KEY] = getattr(exc, "interview_id", None)
    if errors:
        forms.set_errors(prefix, errors)
        st.rerun()
    forms.clear_errors(prefix)
    questionnaire.forget(prefix)
    start.after_saving(app_id, len(debrief.questions), debrief.occurred_on)
    st.switch_page("pages/application.py", query_params={"id": str(app_id)})


head, action = st.columns([4, 1], vertical_alignment="bottom")
head.title(f"Debrief · {md(clipped(app['role']))} · {md(clipped(app['company']))}")
if action.button("Save debrief", type="primary", icon=":material/save:", key="save_debrief_top"):
    _save()
layout.demo_banner()
start.links(app_id, interview)
questionnaire.draft_notice(
    draft, saved_before=interview is not None, discard=_discard_draft, discard_key="discard_debrief_draft"
)
forms.form_error(prefix)
conflicts.choose_draft(
    engine,
    draft_key,
    prefix,
    conflicts.labels_for(BANK, questions="Questions", people="People"),
    questionnaire.forget,
)

st.markdown("#### The interview")
st.caption(dict(BANK.sections)["The interview"])
if reflections.just_picked(start.PICK_KEY):  # the keyboard on the first question, as on Record a rejection
    focus.now(start.round_key(prefix) if rounds else questionnaire.key(prefix, "round_type"))
if not interview:
    start.round_choice(prefix, rounds, _save_draft, found["ended"])
questionnaire.question(BANK.by_id["round_type"], prefix, prefix, _save_draft)
date_col, format_col, _ = st.columns([1, 2, 2])
with date_col:
    questionnaire.question(BANK.by_id["occurred_on"], prefix, prefix, _save_draft)
with format_col:
    questionnaire.question(BANK.by_id["format"], prefix, prefix, _save_draft)


start.offer_same_round(prefix)  # a second debrief of one round: open the first

parts.people_block(prefix, prefix, contacts, _save_draft)
parts.questions_block(prefix, prefix, _save_draft)
focus.show(parts.rows_focus(prefix))  # after "Add a question" (or someone new): in the new row

questionnaire.section(BANK, "How it went", prefix, prefix, _save_draft)

forms.errors_here(prefix)  # also beside the lower button: the top of the page is out of view
if st.button("Save debrief", type="primary", icon=":material/save:", key="save_debrief"):
    _save()
