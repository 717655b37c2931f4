"""The composer's parts (pages/compose.py draws them in order): what the note is about, the pause
guard, who it goes to and what it asks, the drafts, the history. Rules live in lib.follow_up.compose."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import ContactIn
from lib.core.text import plural
from lib.follow_up import compose, notes
from lib.reflect.rejection import looked_back
from lib.store import contacts as contact_store
from lib.store import followups as store
from lib.store.base import StoreError
from ui import focus, forms, layout, state
from ui.follow_up import followups
from ui.params import int_param
from ui.text import md

SETUP = "compose_setup"
OWN_QUESTION = "Write my own question…"
NO_APP = 0  # the "no application" choice: a check-in with a contact


def follow_link(choices: pd.DataFrame) -> None:
    """A link from a next action (?app=…&kind=…&contact=…) picks what the note is about, once."""
    link = (st.query_params.get("app"), st.query_params.get("kind"), st.query_params.get("contact"))
    if st.session_state.get("compose_link") == link:
        if "compose_app" not in st.session_state and int_param("app") is not None:
            # back on the page (Back, a sidebar link): the picker's state went when the page was left,
            # the address still names the application
            st.session_state["compose_app"] = int_param("app")
        return
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
        st.session_state["compose_kind_for"] = st.session_state["compose_app"]
    else:
        st.session_state.pop("compose_kind", None)


def pick_application(choices: pd.DataFrame, column) -> int | None:
    app_ids, labels = followups.application_options(choices, st.session_state.get("compose_app") or None)
    picked = column.selectbox(
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
    _remember(picked)
    return picked


def _remember(app_id: int | None) -> None:
    """The application picked stays in the address, so a reload comes back to it and its drafts
    (not to the most recent one). A link's kind and person belonged to the application it named."""
    if app_id is None or st.query_params.get("app") == str(app_id):
        return
    st.query_params["app"] = str(app_id)
    st.query_params.pop("kind", None)
    st.query_params.pop("contact", None)
    st.session_state["compose_link"] = (str(app_id), None, None)  # a choice made here, not a new link


def facts_for(app_id: int) -> dict[str, Any]:
    facts = store.compose_facts(state.engine(), app_id) if app_id != NO_APP else None
    return facts or dict(compose.NO_FACTS)


def pause_guard(app_id: int, facts: dict[str, Any]) -> None:
    """The pause the person set after the rejection comes first, gently (they may go on anyway).
    Once they have looked back, they have chosen to pick things up: the note is not held back."""
    pause_until = facts.get("pause_until")
    left = notes.time_left(pause_until, dt.datetime.now()) if pause_until else None
    if left and looked_back(facts.get("reflection_answers")):  # drafting now is their choice
        st.caption(
            f"Your pause runs until {pause_until:%A %d %B, %H:%M}. Draft it now if you like; a note "
            "read again after a night's sleep is one you'll be glad you sent."
        )
        return
    if not left or st.session_state.get(f"pause_ok_{app_id}"):
        return
    st.info(
        f"You gave yourself until **{pause_until:%A %d %B, %H:%M}** before following up: {left} left. "
        "There is no rush; a note written after a breather reads calmer. You can still write it now.",
        icon=":material/self_improvement:",
    )
    if st.button("Go on anyway", key="pause_go_on"):
        st.session_state[f"pause_ok_{app_id}"] = True
        st.rerun()
    layout.end_page()


def pick_kind(app_id: int, facts: dict[str, Any], column) -> str:
    """The kind that suits where the application stands, picked afresh for each application (a
    thank-you after a rejection must not carry over to one still open)."""
    kinds = notes.kinds_for(facts.get("outcome"), bool(facts.get("interview_on") or facts.get("interviewed")))
    kept = st.session_state.get("compose_kind_kept")  # the box's own state goes when the page is left
    if "compose_kind" not in st.session_state and st.session_state.get("compose_kind_for") == app_id:
        st.session_state["compose_kind"] = kept  # back on the page: the kind it was on (it reset)
    if (
        st.session_state.get("compose_kind_for") != app_id
        or st.session_state.get("compose_kind") not in kinds
    ):
        st.session_state["compose_kind"] = kinds[0]
        st.session_state["compose_kind_for"] = app_id
    kind = column.selectbox("Kind of note", kinds, key="compose_kind")
    st.session_state["compose_kind_kept"] = kind
    return kind


def _asks(kind: str, app_id: int, facts: dict[str, Any]) -> dict[str, Any]:
    """The kind's own questions (reply goal, feedback question, …) as template fill-ins."""
    extras: dict[str, Any] = {}
    if kind == "thank-you after rejection":
        extras["reply_goal"] = st.multiselect(
            "What I want from their reply",
            notes.REPLY_GOALS,
            default=compose.reply_goals(facts["reflection_answers"]),
            key=f"compose_goals_{app_id}",
            select_all=False,  # "Select all" would ask for everything and "nothing" at once
            help="From your reflection when you set it; it decides what the note asks for.",
        ) or ["nothing"]
    if kind in compose.WITH_QUESTION:
        with st.expander("My own question, an open question"):
            extras["own_question"] = st.text_input(
                "My own feedback question",
                key="compose_own_question",
                placeholder="Used when “Write my own question…” is picked below",
            )
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
        extras["introduction_to"] = st.text_input("Someone I'd like to be introduced to", key="compose_intro")
    if kind == "contact check-in":
        extras["news"] = st.text_area("My news, in a sentence or two", key="compose_news", height=90)
    if kind == "re-application intro":
        extras["reapply_reason"] = st.text_area(
            "Why this role fits me better",
            value=facts.get("reapply_reason") or "",
            key="compose_reapply",
            height=90,
        )
    return extras


def _feedback_question(own: str) -> str:
    """The form's full width: the suggested questions are long sentences, and a half-width box
    cut them mid-word ("…to be a stro")."""
    question = st.selectbox(
        "Feedback question",
        [*notes.FEEDBACK_QUESTIONS, OWN_QUESTION],
        key="compose_question",
        help="A specific question gets a specific answer.",
    )
    return own if question == OWN_QUESTION else question


def _fresh(key: str) -> str:
    """Who the note goes to starts afresh after each "Write the drafts" (new widgets: the browser
    keeps a widget's last value whatever the session holds)."""
    writes = st.session_state.get("compose_writes", 0)
    return key + (f"_{writes}" if writes else "")


def setup(app_id: int, kind: str, facts: dict[str, Any], people: pd.DataFrame, folded: bool = False) -> None:
    """Who to write to and what to ask; "Write the drafts" writes one draft per person. `folded` once
    drafts are on screen: they are what matters then, and their Mark sent stays in view."""
    errors = bool(st.session_state.get(forms.errors_key(SETUP)))
    # A key per write: after each "Write the drafts" the fold starts closed again.
    box = (
        st.container()
        if not folded
        else st.expander(
            "Who to write to, and what to ask",
            icon=":material/edit_note:",
            expanded=errors,
            key=f"compose_fold_{st.session_state.get('compose_writes', 0)}_{errors}",
        )
    )
    with box:
        _setup_form(app_id, kind, facts, people)


def _setup_form(app_id: int, kind: str, facts: dict[str, Any], people: pd.DataFrame) -> None:
    engine = state.engine()
    focus.show(SETUP)  # after "Write the drafts": in the first new draft's text, not the page's body
    recipients = people.head(500) if app_id == NO_APP else people[people["company_id"] == facts["company_id"]]
    person = {int(r.id): r._asdict() for r in recipients.itertuples()}
    person_ids = list(person)
    on_screen = st.session_state.get("compose_drafts", [])
    drafted = {  # of this kind: a thank-you drafted for someone doesn't stop a feedback request to them
        d["contact_id"]
        for d in on_screen
        if (d["application_id"] or 0) == (app_id or 0) and d.get("kind", kind) == kind
    }
    default_to = [  # those with a draft on screen already are not written to again unless picked
        i
        for i in compose.default_recipients(
            kind, person.values(), st.session_state.get("compose_linked_contact"), at_company=app_id != NO_APP
        )
        if i not in drafted
    ]
    with st.form(SETUP, border=True):
        who_col, what_col = st.columns([4, 3], gap="medium")  # two names in view at 1,280 px
        with who_col:
            to = st.multiselect(
                "To",
                person_ids,
                default=default_to,
                key=_fresh(f"compose_to_{app_id}_{kind}"),
                format_func=lambda i: f"{person[i]['name']} ({person[i]['role']})",
                placeholder="Pick the people to write to"
                if person_ids
                else "No one saved yet: name them below",
            )
            with st.expander("Someone not in your network", expanded=not person_ids):
                # Two to a row: open, the fold keeps "Write the drafts" in view at 1,280 × 900.
                name_col, role_col = st.columns(2)
                with name_col:
                    # no max_chars: a longer paste was dropped without a word; the save says
                    one_name = st.text_input("Their name", key=_fresh("compose_one_name"))
                    forms.field_error(SETUP, "name", "Their name")
                one_role = role_col.selectbox(
                    "Their role", vocab.CONTACT_ROLES, key=_fresh("compose_one_role")
                )
                one_email = st.text_input(
                    "Their email",
                    key=_fresh("compose_one_email"),
                    placeholder="name@example.com",
                )
                forms.field_error(SETUP, "email", "Their email")
                one_save = st.checkbox("Add them to my network", value=True, key=_fresh("compose_one_save"))
        with what_col:
            extras = _asks(kind, app_id, facts)
            my_name = st.text_input(
                "Sign as",
                value=store.get_signature(engine),
                key="compose_my_name",
                help="Kept for your next notes.",
            )
        if kind in compose.WITH_QUESTION:
            extras["feedback_question"] = _feedback_question(extras.pop("own_question"))
        forms.form_error(SETUP)  # beside the button just clicked: the form is taller than a window
        write = st.form_submit_button("Write the drafts", type="primary", icon=":material/edit_note:")
    if not write:
        return
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
    # Numbered past every draft on screen (kept ones included): keys never repeat.
    writes = max(
        [st.session_state.get("compose_writes", 0)] + [int(d["key"].rsplit("_", 1)[1]) + 1 for d in on_screen]
    )
    written = compose.drafts_for(
        kind,
        app_id,
        facts,
        chosen,
        extras | {"my_name": my_name},
        dt.date.today(),
        numbered_from=writes,
    )
    # Added to the drafts already on screen: none of their text is lost (Put away removes one).
    earlier = [
        d for d in st.session_state.get("compose_drafts", []) if (d["application_id"] or 0) == (app_id or 0)
    ]
    open_notes = {d.get("note_id") for d in earlier if d.get("note_id")}
    added = []
    for record, draft in written:
        subject, body = draft.subject, draft.body
        saved = store.unsent_note(
            engine, None if app_id == NO_APP else app_id, record.get("contact_id"), kind
        )
        if saved and saved["id"] in open_notes:
            continue  # its card is on screen already: a second card on the same note would clash
        if saved:  # a draft saved for them before opens again: a second one would go beside it
            record.update(note_id=saved["id"], stamp=saved["stamp"], reopened=True)
            subject, body = saved["subject"], saved["body"]
        st.session_state[f"subject_{record['key']}"] = subject
        st.session_state[f"body_{record['key']}"] = body
        added.append(record)
    st.session_state["compose_drafts"] = earlier + added
    st.session_state["compose_writes"] = writes + 1
    if added:
        focus.after_save(SETUP, f"body_{added[0]['key']}", at_start=True)  # to read from "Dear …"
    followups.keep_drafts(app_id)
    st.rerun()


def kept_drafts(app_id: int) -> list[dict[str, Any]]:
    """This application's drafts (kept ones come back after a reload): read once per run. An unsent
    draft takes its person's email as Network has it now (one added there after the draft was
    written stayed "no email" on it, the page's own advice followed in vain)."""
    kept = [d for d in followups.restored_drafts(app_id) if d["application_id"] == (app_id or None)]
    people = followups.contacts()
    emails = dict(zip(people["id"], people["email"])) if not people.empty else {}
    names = dict(zip(people["id"], people["name"])) if not people.empty else {}
    for draft in kept:
        draft["network_note"] = None if draft.get("sent_on") else _since_written(draft, names)
        now = emails.get(draft.get("contact_id"))
        if not draft.get("sent_on") and isinstance(now, str) and now.strip():
            draft["email"] = now.strip()
    return kept


def _since_written(draft: dict[str, Any], names: dict) -> str | None:
    """What changed in Network since the draft was written, said on it: a person renamed (the note
    still greeted the old spelling) or deleted (it is kept, to their name as written)."""
    person = draft.get("contact_id")
    if person is None:
        return None
    if person not in names:
        return "They were deleted from Network since: the note is kept, with their name as written."
    if draft.get("name") and names[person] != draft["name"]:
        return f"Their name in Network is now {names[person]}: the note may still say {draft['name']}."
    return None


def of_kind(kept: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The drafts of `kind`. Drafts of another kind stay kept but out of view: a thank-you beside
    a feedback request was easy to send by mistake."""
    return [d for d in kept if d.get("kind", kind) == kind]


def other_kinds(kept: list[dict[str, Any]], kind: str) -> None:
    """Say which unsent drafts of other kinds are kept for this application, and how to see them."""
    others = [d["kind"] for d in kept if d.get("kind", kind) != kind and not d.get("sent_on")]
    if others:
        counts = ", ".join(f"{plural(others.count(k), 'draft')} ({md(k)})" for k in dict.fromkeys(others))
        them = "it" if len(others) == 1 else "them"
        st.caption(f"Also kept for this application: {counts}. Pick that kind of note to see {them}.")


def drafts(shown: list[dict[str, Any]], today: dt.date) -> None:
    if not shown:
        st.caption(
            "Pick who to write to and what you want from the reply, then **Write the drafts**: one note per "
            "person. What Rebound doesn't know yet shows as [add: …] so you can fill it in."
        )
    for row in range(0, len(shown), 2):
        for column, draft in zip(st.columns(2, gap="medium"), shown[row : row + 2]):
            with column:
                followups.draft_card(draft, today)


def history(app_id: int, facts: dict[str, Any], today: dt.date) -> None:
    """The notes saved for this application: mark one sent, or delete it."""
    engine = state.engine()
    saved = store.notes_for(engine, app_id)
    st.markdown(f"#### Notes for {md(facts['company'])} · {md(facts['role'])}")
    if saved.empty:
        st.caption("No notes saved for this application yet.")
    for note in saved.itertuples():
        status = f"sent {note.sent_on:%d %b %Y}" if note.sent_on else "draft, not sent"
        with st.expander(f"{md(note.kind)} to {md(note.recipient_name or 'someone')} · {status}"):
            st.text(f"Subject: {note.subject or ''}\n\n{note.body}")
            mark, delete = st.columns(2)
            if not note.sent_on and mark.button(
                "Mark sent today", key=f"history_sent_{note.id}", icon=":material/send:"
            ):
                store.mark_note_sent(
                    engine, note.id, today, asked_feedback=note.kind in compose.ASKS_FEEDBACK
                )
                st.rerun()
            with delete.popover("Delete", icon=":material/delete:"):
                st.write("Delete this note from the history?")
                if st.button("Delete", key=f"history_delete_{note.id}", type="primary"):
                    store.delete_note(engine, note.id)
                    followups.put_away_note(note.id, app_id)
                    st.rerun()
