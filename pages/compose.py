"""Write a follow-up note: one draft per recipient, filled from the debrief and reflection answers."""

import datetime as dt

import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import ContactIn
from lib.follow_up import notes
from lib.store import contacts as contact_store
from lib.store import followups as store
from lib.store.base import StoreError
from ui import forms, layout, state
from ui.follow_up import followups
from ui.params import int_param
from ui.text import md

SETUP = "compose_setup"
OWN_QUESTION = "Write my own question…"
ASKS_FEEDBACK = {"feedback request"}
NO_APP = 0  # the "no application" choice: a check-in with a contact

st.title("Write a follow-up")
layout.demo_banner()

today = dt.date.today()
engine = state.engine()
choices = followups.application_choices()
people = followups.contacts()
if choices.empty and people.empty:
    st.info(
        "Nothing to follow up yet. Log an application and record its interview or its answer; "
        "then come back here to thank the people you met.",
        icon=":material/edit_note:",
    )
    st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
    st.stop()

# A link from a next action (?app=…&kind=…&contact=…) picks what it is about, once.
link = (st.query_params.get("app"), st.query_params.get("kind"), st.query_params.get("contact"))
if st.session_state.get("compose_link") != link:
    st.session_state["compose_link"] = link
    st.session_state.pop("compose_drafts", None)
    linked_app, linked_contact = int_param("app"), int_param("contact")
    most_recent = int(choices["id"].iloc[0]) if not choices.empty else NO_APP
    st.session_state["compose_app"] = (
        linked_app if linked_app is not None else (NO_APP if linked_contact else most_recent)
    )
    st.session_state["compose_linked_contact"] = linked_contact
    if link[1] in vocab.NOTE_KINDS:
        st.session_state["compose_kind"] = link[1]
    else:
        st.session_state.pop("compose_kind", None)

app_ids, labels = followups.application_options(choices, st.session_state.get("compose_app") or None)
pick_app, pick_kind = st.columns(2)
app_id = pick_app.selectbox(
    "About",
    [NO_APP, *app_ids],
    key="compose_app",
    index=None,
    placeholder="Pick an application",
    format_func=lambda i: (
        "No application: a check-in with someone" if i == NO_APP else labels.get(i, f"#{i}")
    ),
    help="The 300 most recently active applications; type to search.",
)
if app_id is None:
    st.caption("Pick the application the note is about. Each recipient gets a note of their own.")
    st.stop()

facts = store.compose_facts(engine, app_id) if app_id != NO_APP else None
facts = facts or {
    "company": None,
    "company_id": None,
    "outcome": None,
    "interview_answers": {},
    "reflection_answers": {},
    "pause_until": None,
    "interview_on": None,
    "ended_on": None,
}

# Pause guard: the pause the user set after the rejection comes first, gently.
pause_until = facts.get("pause_until")
left = notes.time_left(pause_until, dt.datetime.now()) if pause_until else None
if left and not st.session_state.get(f"pause_ok_{app_id}"):
    st.info(
        f"You gave yourself until **{pause_until:%A %d %B, %H:%M}** before following up: {left} left. "
        "There is no rush; a note written after a breather reads calmer. You can still write it now.",
        icon=":material/self_improvement:",
    )
    if st.button("Go on anyway", key="pause_go_on"):
        st.session_state[f"pause_ok_{app_id}"] = True
        st.rerun()
    st.stop()

# Timeliness: how long since the interview and the answer.
since = []
if facts.get("interview_on"):
    since.append(f"Interview: {notes.since_text(facts['interview_on'], today)}")
if facts.get("ended_on"):
    since.append(f"{vocab.stage_label(facts['outcome'])}: {notes.since_text(facts['ended_on'], today)}")
if since:
    late = facts.get("ended_on") or facts.get("interview_on")
    tip = " A thank-you reads best within a day or two." if (today - late).days >= 1 else ""
    st.caption(" · ".join(since) + "." + tip)

kinds = notes.kinds_for(facts.get("outcome"), bool(facts.get("interview_on")))
if st.session_state.get("compose_kind") not in kinds:
    st.session_state["compose_kind"] = kinds[0]
kind = pick_kind.selectbox("Kind of note", kinds, key="compose_kind")

if app_id == NO_APP:
    recipients = people.head(500)
else:
    recipients = people[people["company_id"] == facts["company_id"]]
person_ids = [int(i) for i in recipients["id"]]
person = {int(r.id): r._asdict() for r in recipients.itertuples()}
linked = st.session_state.get("compose_linked_contact")
if linked in person_ids:
    default_to = [linked]
elif kind.startswith("thank-you") or kind in ("feedback request", "keep the door open"):
    default_to = [i for i in person_ids if person[i]["role"] in ("recruiter", "hiring manager")]
else:
    default_to = []

WITH_QUESTION = ("thank-you after rejection", "feedback request")
signature = store.get_signature(engine)
forms.form_error(SETUP)
with st.form(SETUP, border=True):
    who_col, what_col = st.columns(2, gap="large")
    with who_col:
        to = st.multiselect(
            "To",
            person_ids,
            default=default_to,
            key=f"compose_to_{app_id}_{kind}",
            format_func=lambda i: f"{person[i]['name']} ({person[i]['role']})",
            placeholder="Pick the people to write to" if person_ids else "No one saved yet: name them below",
        )
        with st.expander("Someone not in your network", expanded=not person_ids):
            one_name = st.text_input("Their name", key="compose_one_name")
            forms.field_error(SETUP, "name", "Their name")
            one_role = st.selectbox("Their role", vocab.CONTACT_ROLES, key="compose_one_role")
            one_email = st.text_input("Their email", key="compose_one_email", placeholder="name@example.com")
            forms.field_error(SETUP, "email", "Their email")
            one_save = st.checkbox("Add them to my network", value=True, key="compose_one_save")
        my_name = st.text_input(
            "Sign as", value=signature, key="compose_my_name", help="Kept for your next notes."
        )
    with what_col:
        extras: dict = {}
        asks_feedback = kind in ASKS_FEEDBACK
        if kind == "thank-you after rejection":
            goals = facts["reflection_answers"].get("reply_goal") or list(notes.DEFAULT_GOALS)
            goals = [g for g in ([goals] if isinstance(goals, str) else goals) if g in notes.REPLY_GOALS]
            extras["reply_goal"] = st.multiselect(
                "What I want from their reply",
                notes.REPLY_GOALS,
                default=goals,
                key=f"compose_goals_{app_id}",
                help="From your reflection when you set it; it decides what the note asks for.",
            ) or ["nothing"]
            asks_feedback = "feedback" in extras["reply_goal"]
        if kind in WITH_QUESTION:
            question = st.selectbox(
                "Feedback question",
                [*notes.FEEDBACK_QUESTIONS, OWN_QUESTION],
                key="compose_question",
                help="A specific question gets a specific answer.",
            )
            with st.expander("My own question, an open question"):
                own = st.text_input(
                    "My own feedback question",
                    key="compose_own_question",
                    placeholder="Used when “Write my own question…” is picked above",
                )
                extras["feedback_question"] = own if question == OWN_QUESTION else question
                if kind == "thank-you after rejection":
                    extras["open_question"] = st.text_input(
                        "An open question I still have",
                        key="compose_open_question",
                        help="Asked when the reply goal includes it.",
                    )
        if kind == "influence letter":
            extras["skills_fit"] = st.text_area(
                "How my skills fit what they need", key="compose_skills_fit", height=90
            )
        if kind == "keep the door open":
            extras["introduction_to"] = st.text_input(
                "Someone I'd like to be introduced to", key="compose_intro"
            )
        if kind == "contact check-in":
            extras["news"] = st.text_area("My news, in a sentence or two", key="compose_news", height=90)
        if kind == "re-application intro":
            extras["reapply_reason"] = st.text_area(
                "Why this role fits me better",
                value=facts.get("reapply_reason") or "",
                key="compose_reapply",
                height=90,
            )
    write = st.form_submit_button("Write the drafts", type="primary", icon=":material/edit_note:")

if write:
    chosen = [dict(person[i]) for i in to]
    try:
        if one_name.strip() or one_email.strip():
            one = ContactIn(name=one_name, role=one_role, email=one_email, company=facts.get("company"))
            entry = one.model_dump() | {"id": None}
            if one_save:
                entry["id"] = contact_store.add_contact(engine, one)
            chosen.append(entry)
    except (ValidationError, StoreError) as exc:
        forms.set_errors(SETUP, forms.errors_from(exc))
        st.rerun()
    if not chosen:
        forms.set_errors(
            SETUP, {"form": "Pick at least one person to write to, or name someone below the list."}
        )
        st.rerun()
    forms.clear_errors(SETUP)
    if my_name.strip() != store.get_signature(engine):
        store.set_signature(engine, my_name)
    drafts = []
    for n, recipient in enumerate(chosen):
        context = notes.note_context(facts, recipient, extras | {"my_name": my_name}, today)
        draft = notes.render_note(kind, context)
        key = f"{app_id}_{recipient['id'] or 'new'}_{n}_{len(st.session_state.get('compose_drafts', []))}"
        drafts.append(
            {
                "key": key,
                "kind": kind,
                "application_id": app_id or None,
                "contact_id": recipient["id"],
                "name": recipient["name"],
                "role": recipient.get("role"),
                "email": recipient.get("email"),
                "problem": draft.problem,
                "asks_feedback": asks_feedback,
                "note_id": None,
                "sent_on": None,
            }
        )
        st.session_state[f"subject_{key}"] = draft.subject
        st.session_state[f"body_{key}"] = draft.body
    st.session_state["compose_drafts"] = drafts
    st.rerun()

drafts = [d for d in st.session_state.get("compose_drafts", []) if d["application_id"] == (app_id or None)]
if not drafts:
    st.caption(
        "Pick who to write to and what you want from the reply, then **Write the drafts**: one note per "
        "person. What Rebound doesn't know yet shows as [add: …] so you can fill it in."
    )
for row in range(0, len(drafts), 2):
    for column, draft in zip(st.columns(2, gap="medium"), drafts[row : row + 2]):
        with column:
            followups.draft_card(draft, today)

if app_id != NO_APP:
    history = store.notes_for(engine, app_id)
    st.markdown(f"#### Notes for {md(facts['company'])} · {md(facts['role'])}")
    if history.empty:
        st.caption("No notes saved for this application yet.")
    for note in history.itertuples():
        status = f"sent {note.sent_on:%d %b %Y}" if note.sent_on else "draft, not sent"
        with st.expander(f"{md(note.kind)} to {md(note.recipient_name or 'someone')} · {status}"):
            st.text(f"Subject: {note.subject or ''}\n\n{note.body}")
            mark, delete = st.columns(2)
            if not note.sent_on and mark.button(
                "Mark sent today", key=f"history_sent_{note.id}", icon=":material/send:"
            ):
                store.mark_note_sent(engine, note.id, today, asked_feedback=note.kind in ASKS_FEEDBACK)
                st.rerun()
            with delete.popover("Delete", icon=":material/delete:"):
                st.write("Delete this note from the history?")
                if st.button("Delete", key=f"history_delete_{note.id}", type="primary"):
                    store.delete_note(engine, note.id)
                    st.rerun()
