"""Debrief an interview: the round, the people met, every question asked, how it went.

Opens for an application (?id=) or an earlier debrief to edit (?interview=), else asks which
application. Everything typed is kept as a draft in the database until saved.
"""

import datetime as dt

import streamlit as st
from pydantic import ValidationError

from lib.core.models import DebriefIn
from lib.reflect import questionnaires as qn
from lib.reflect.timeline import application_choices
from lib.store import applications as app_store
from lib.store import reflections as store
from lib.store.base import StoreError
from ui import conflicts, forms, layout, state
from ui.params import int_param
from ui.reflect import debrief as parts
from ui.reflect import questionnaire, reflections
from ui.text import md

BANK = qn.INTERVIEW


engine = state.engine()
interview_id = int_param("interview")
interview = store.get_interview(engine, interview_id) if interview_id is not None else None
app_id = interview["application_id"] if interview else int_param("id")
app = app_store.get_application(engine, app_id) if app_id is not None else None

if app is None:
    st.title("Debrief an interview")
    layout.demo_banner()
    if interview_id is not None or app_id is not None:
        st.info("That application or debrief was not found — it may have been deleted. Pick one below.")
    choices = state.from_log(application_choices, False, 500)
    if not choices:
        st.info(
            "No applications yet. Add the application first, then debrief each interview round right after it."
        )
        st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
        st.stop()
    reflections.pick_application(
        "Right after an interview, while it is fresh: which application was it for?",
        choices,
        key="debrief_pick",
    )
    unfinished = [d for d in store.drafts_like(engine, "debrief:")]
    if unfinished:
        st.markdown("**Unfinished drafts**")
        for draft in unfinished:
            _, target, which = (draft["key"].split(":") + ["", ""])[:3]
            params = {"interview": which} if target == "interview" else {"id": target}
            label = choices.get(int(target)) if target.isdigit() else f"Debrief #{which}"
            st.page_link(
                "pages/debrief.py",
                label=f"{label or 'A debrief'} — last change {draft['updated_at']:%d %b, %H:%M}",
                icon=":material/edit_note:",
                query_params=params,
            )
    st.stop()

prefix = f"debrief_{interview_id}" if interview else f"debrief_new_{app_id}"
draft_key = f"debrief:interview:{interview_id}" if interview else f"debrief:{app_id}:new"
draft = conflicts.load_draft(engine, draft_key, prefix)
contacts_frame = store.contacts_at(engine, app_id)
contacts = {int(r.id): f"{r.name} ({r.role})" for r in contacts_frame.itertuples()}

# Starting values: the draft if there is one, else the saved debrief, else a blank one for today.
if draft:
    payload = draft["payload"]
elif interview:
    payload = {
        "answers": {
            **qn.from_stored(BANK, interview["answers"]),
            **{c: interview[c] for c in ("round_type", "occurred_on", "format", "comfort")},
        },
        "questions": interview["questions"],
        "contact_ids": interview["contact_ids"],
        "people": [],
    }
else:
    payload = {"answers": {"occurred_on": dt.date.today()}, "questions": [], "contact_ids": [], "people": []}
questionnaire.seed(prefix, BANK, payload.get("answers") or {})
parts.seed_rows(prefix, "q", parts.QUESTION_FIELDS, payload.get("questions") or [], minimum=3)
parts.seed_rows(prefix, "p", parts.PERSON_FIELDS, payload.get("people") or [])
if parts.contact_ids_key(prefix) not in st.session_state:
    st.session_state[parts.contact_ids_key(prefix)] = [
        c for c in payload.get("contact_ids") or [] if c in contacts
    ]


def _save_draft() -> None:
    conflicts.save_draft(
        state.engine(),
        draft_key,
        prefix,
        {
            "answers": questionnaire.json_safe(questionnaire.collect(prefix, BANK)),
            "questions": parts.collect_rows(prefix, "q", parts.QUESTION_FIELDS),
            "people": parts.collect_rows(prefix, "p", parts.PERSON_FIELDS),
            "contact_ids": list(st.session_state.get(parts.contact_ids_key(prefix)) or []),
        },
    )


def _discard_draft() -> None:
    store.delete_draft(state.engine(), draft_key)
    questionnaire.forget(prefix)
    forms.clear_errors(prefix)


def _save() -> None:
    clean, errors = questionnaire.validate_bank(BANK, prefix, earliest=app["applied_on"])
    questions, people, known, row_errors = parts.validated_rows(prefix)
    errors.update(row_errors)
    if not errors:
        try:
            debrief = DebriefIn(
                application_id=app_id,
                round_type=clean["round_type"],
                occurred_on=clean["occurred_on"],
                format=clean["format"],
                comfort=clean["comfort"],
                bank_version=BANK.version,
                answers=qn.to_stored(BANK, clean),
                questions=questions,
                contact_ids=known,
                new_contacts=people,
            )
            store.save_interview(state.engine(), debrief, interview_id, draft_key=draft_key)
        except (ValidationError, StoreError) as exc:
            errors = forms.errors_from(exc)
    if errors:
        forms.set_errors(prefix, errors)
        st.rerun()
    forms.clear_errors(prefix)
    questionnaire.forget(prefix)
    forms.flash(
        f"Debrief saved: {len(questions)} question{'s' if len(questions) != 1 else ''} "
        "— find them again in the question library."
    )
    st.switch_page("pages/application.py", query_params={"id": str(app_id)})


head, action = st.columns([4, 1], vertical_alignment="bottom")
head.title(f"Debrief · {md(app['role'])} · {md(app['company'])}")
if action.button("Save debrief", type="primary", icon=":material/save:", key="save_debrief_top"):
    _save()
layout.demo_banner()
links = st.columns([2, 2, 3])
links[0].page_link(
    "pages/application.py",
    label="Back to the application",
    icon=":material/arrow_back:",
    query_params={"id": str(app_id)},
)
links[1].page_link("pages/questions.py", label="Question library", icon=":material/quiz:")
if interview:
    st.caption(f"Editing the debrief of {interview['occurred_on']:%d %b %Y}.")
questionnaire.draft_notice(draft, saved_before=interview is not None)
if draft:
    with st.popover("Discard the draft", icon=":material/delete_sweep:"):
        st.write("Throw away what was typed since the last save?")
        st.button("Discard", key="discard_debrief_draft", type="primary", on_click=_discard_draft)
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
questionnaire.question(BANK.by_id["round_type"], prefix, prefix, _save_draft)
date_col, format_col, _ = st.columns([1, 2, 2])
with date_col:
    questionnaire.question(BANK.by_id["occurred_on"], prefix, prefix, _save_draft)
with format_col:
    questionnaire.question(BANK.by_id["format"], prefix, prefix, _save_draft)

parts.people_block(prefix, prefix, contacts, _save_draft)
parts.questions_block(prefix, prefix, _save_draft)

questionnaire.section(BANK, "How it went", prefix, prefix, _save_draft)

if st.button("Save debrief", type="primary", icon=":material/save:", key="save_debrief"):
    _save()
