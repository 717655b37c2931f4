"""Cached loaders and small pieces shared by the composer, feedback and network pages."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core.db import Engine
from lib.core.models import NoteIn, max_chars
from lib.follow_up import notes, sending
from lib.follow_up.feedback import feedback_overview
from lib.store import contacts as contact_store
from lib.store import followups as store
from lib.store import reflections as reflection_store
from lib.store.base import Conflict, StoreError
from ui import conflicts, forms, state
from ui.text import address, md


@state.cached()
def application_choices(engine: Engine) -> pd.DataFrame:
    """The 300 most recently active applications (id, company, role, last_activity)."""
    return store.application_choices(engine)


@state.cached(shared=True)  # read-only on every page: the one cached frame, not a copy per rerun
def contacts(engine: Engine) -> pd.DataFrame:
    return contact_store.load_contacts(engine)


@state.cached()
def feedback(engine: Engine) -> pd.DataFrame:
    return store.load_feedback(engine)


@state.cached(shared=True)  # only read: a rerun takes it as it is
def feedback_page_overview(engine: Engine, today: dt.date, chase_after_days: int):
    """The Feedback page's counts and first rows (lib.follow_up.feedback), per revision and day."""
    return feedback_overview(feedback(), today, chase_after_days)


def application_options(choices: pd.DataFrame, wanted: int | None) -> tuple[list[int], dict[int, str]]:
    """Ids and labels for an application picker; `wanted` is added when it is older than the list."""
    labels = {int(r.id): f"{r.company} · {r.role}" for r in choices.itertuples()}
    if wanted is not None and wanted not in labels:
        app = store.compose_facts(state.engine(), wanted)
        if app:
            labels = {wanted: f"{app['company']} · {app['role']}"} | labels
    return list(labels), labels


# --- one note draft, per recipient ---------------------------------------------------------------

DRAFTS = "compose_drafts"
# Each draft's subject and note as its card last showed them. A card out of view (another kind of
# note shown) lets go of its boxes (`out_of_view`): Streamlit would keep the text they were first
# filled with and forget what was typed since, and bring that back. Filled again from here.
TEXTS = "compose_texts"


def _drafts_key(app_id: int | None) -> str:
    return f"compose:{app_id or 0}"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.item() if hasattr(value, "item") else value


def keep_drafts(app_id: int | None) -> None:
    """Keep this application's drafts (who, what, and the text as it stands) in the database, so a
    reload or another visit finds them again."""
    mine = [d for d in st.session_state.get(DRAFTS, []) if (d["application_id"] or 0) == (app_id or 0)]
    payload = {
        "drafts": [{k: _plain(v) for k, v in d.items()} for d in mine],
        "texts": {d["key"]: {field: _text(d["key"], field) for field in ("subject", "body")} for d in mine},
    }
    reflection_store.save_draft(state.engine(), _drafts_key(app_id), payload)


def _text(key: str, field: str) -> str:
    """A draft's subject or note: its box's, while on screen; else as its card last showed it."""
    box = f"{field}_{key}"
    if box in st.session_state:
        return st.session_state[box] or ""
    return (st.session_state.get(TEXTS) or {}).get(key, {}).get(field, "")


def _fill(key: str, text: dict[str, str]) -> None:
    """Fill a card's boxes (those not filled yet) and remember the text as its own."""
    for field in ("subject", "body"):
        st.session_state.setdefault(f"{field}_{key}", text.get(field, ""))
    st.session_state.setdefault(TEXTS, {})[key] = {
        f: st.session_state[f"{f}_{key}"] for f in ("subject", "body")
    }


def out_of_view(drafts: list[dict[str, Any]]) -> None:
    """The cards not drawn this run let go of their boxes (see TEXTS)."""
    for draft in drafts:
        for field in ("subject", "body"):
            st.session_state.pop(f"{field}_{draft['key']}", None)


def restored_drafts(app_id: int | None) -> list[dict[str, Any]]:
    """The drafts on screen; after a reload, the ones kept for this application."""
    current = st.session_state.get(DRAFTS) or []
    mine = [d for d in current if (d["application_id"] or 0) == (app_id or 0)]
    if mine:  # a card out of view let go of its boxes: filled again with its own last text
        for record in mine:
            _fill(record["key"], {f: _text(record["key"], f) for f in ("subject", "body")})
        return current
    kept = reflection_store.load_draft(state.engine(), _drafts_key(app_id))
    if not kept:
        return current
    restored = []
    for record in kept["payload"].get("drafts", []):
        if record.get("sent_on"):
            record["sent_on"] = dt.date.fromisoformat(record["sent_on"])
        _fill(record["key"], kept["payload"].get("texts", {}).get(record["key"], {}))
        restored.append(record)
    st.session_state[DRAFTS] = restored
    return restored


def draft_card(draft: dict[str, Any], today: dt.date) -> None:
    """A recipient's draft: edit it, copy it, open it in the mail app, download it, save or mark it sent."""
    key = draft["key"]
    form = f"note_{key}"
    with st.container(border=True):
        who = draft["name"] or "someone"
        st.markdown(
            f"**To {md(who)}**"
            + (f" · {md(draft['role'])}" if draft.get("role") else "")
            + (f" · {address(draft['email'])}" if draft.get("email") else " · *no email*")
        )
        if draft.get("problem"):
            st.warning(draft["problem"], icon=":material/warning:")
        if draft.get("network_note"):  # renamed or deleted in Network since it was written
            st.info(md(draft["network_note"]), icon=":material/person_edit:")
        if draft.get("reopened") and not draft.get("sent_on"):
            st.caption("The draft you saved for them before, to go on with.")
        _settle_conflict(draft, form)  # before the boxes: the other tab's text may go into them
        forms.form_error(form)
        keep = (keep_drafts, (draft.get("application_id"),))
        subject = st.text_input(
            "Subject",
            key=f"subject_{key}",
            on_change=keep[0],
            args=keep[1],
            max_chars=max_chars(NoteIn, "subject"),
        )
        forms.field_error(form, "subject", "Subject")
        body = st.text_area(
            "Note",
            key=f"body_{key}",
            height=250,  # about ten lines: the note, its Sent on and Mark sent fit a 900 px window
            help="Edit freely. Anything in [add: …] still needs your words. Kept as you type.",
            on_change=keep[0],
            args=keep[1],
        )
        forms.field_error(form, "body", "The note")
        st.session_state.setdefault(TEXTS, {})[key] = {"subject": subject, "body": body}
        markers = notes.Draft(subject, body).markers
        if markers:
            st.caption("Still to fill in: " + ", ".join(md(m) for m in dict.fromkeys(markers)))
        sent = draft.get("sent_on")
        if sent:
            st.success(
                f"Sent on {draft['sent_on']:%d %b %Y}. {md(_kept_where(draft))}",
                icon=":material/mark_email_read:",
            )
        if not sent:  # once sent, its day is said above: no greyed-out date box (faint, unreadable)
            date_col, sent_col = st.columns(2, vertical_alignment="bottom")
            sent_on = forms.date_field("Sent on", f"sent_on_{key}", today, where=date_col)
            if sent_col.button(
                "Mark sent", key=f"mark_sent_{key}", type="primary", icon=":material/send:", width="stretch"
            ):
                # what was sent had the person's words there, so the kept copy should too
                _save(draft, subject, body, sent_on, unfilled=bool(markers))
            forms.field_error(form, "sent_on", "Sent on")
        link, reason = sending.mail_link(draft.get("email"), subject, body)
        # One row that wraps: each button as wide as its label, so no label is ever cut.
        with st.container(horizontal=True):
            # A sent note's edits are saved as sent: a "draft" would quietly un-send it.
            if st.button("Save changes" if sent else "Save draft", key=f"save_{key}", icon=":material/save:"):
                _save(draft, subject, body, sent)
            if link is not None:  # none: the reason is said under the row (a greyed button failed contrast)
                st.link_button(
                    "Open in mail app",
                    link,
                    icon=":material/mail:",
                    help="Opens a new message in your mail app with this subject and note.",
                )
            st.download_button(
                "Download .txt",
                sending.as_text_file(subject, body, draft["name"], draft.get("email")),
                file_name=f"note-{key}.txt",
                mime="text/plain",
                key=f"download_{key}",
                icon=":material/download:",
                on_click="ignore",
            )
        if reason:
            st.caption(reason)
        with st.expander("Copy the text"):  # each with its own copy button: the subject went into the body
            st.caption("Subject")
            st.code(subject or "", language=None, wrap_lines=True)
            st.caption("Note")
            st.code(body or "", language=None, wrap_lines=True)
        what = "note" if sent else "draft"
        forms.ask_before_deleting(
            f"draft_{key}",
            # sent, it is kept already: only edits not saved since go ("draft" and "Save draft" misled)
            f"Put away the sent note to {who}? {_kept_where(draft)} Changes not saved since go with it."
            if sent
            else f"Put away the draft to {who}? What is not saved goes with it: Save draft keeps a copy in "
            "this application's notes.",
            partial(_put_away, key, draft.get("application_id")),
            f"The {what} to {who} is put away.",
            label="Put away…",
            confirm="Put away",
        )


NOTE_LABELS = {"subject": "Subject", "body": "Note", "sent_on": "Sent on"}


def _settle_conflict(draft: dict[str, Any], form: str) -> None:
    """Another tab saved this note since this one did: both texts are shown, and the person keeps
    one. A note the other tab marked sent stays sent either way."""
    conflict = conflicts.pending(form)
    choice = conflicts.choose(form, NOTE_LABELS)
    if choice is None:
        return
    theirs, key = conflict["theirs"], draft["key"]
    draft["stamp"] = theirs["stamp"]
    sent = conflict["mine"].get("sent_on") or draft.get("sent_on") or theirs.get("sent_on")  # sent stays sent
    conflicts.settled(form)
    if choice == "mine":
        _save(draft, conflict["mine"]["subject"], conflict["mine"]["body"], sent)  # ends this run
        return
    st.session_state[f"subject_{key}"] = theirs.get("subject") or ""
    st.session_state[f"body_{key}"] = theirs.get("body") or ""
    draft["sent_on"] = sent
    keep_drafts(draft.get("application_id"))
    st.rerun()


def put_away_note(note_id: int, app_id: int | None) -> None:
    """A note deleted from the history: its card goes too (left, it looked alive, and Save draft
    on it saved nothing)."""
    for draft in st.session_state.get(DRAFTS, []):
        if draft.get("note_id") == note_id:
            _put_away(draft["key"], app_id)


def _put_away(key: str, app_id: int | None) -> None:
    """Take one draft off the screen (and out of the kept drafts); the others stay as they are."""
    st.session_state[DRAFTS] = [d for d in st.session_state.get(DRAFTS, []) if d["key"] != key]
    keep_drafts(app_id)


_UNFILLED = (
    "This note still has [add: …] parts. Put your own words there (or delete them), then mark it sent."
)


def _kept_where(draft: dict[str, Any]) -> str:
    """Where a sent note can be found again (plain text): a check-in about no application has no
    history."""
    if draft.get("application_id"):
        return "It is kept in this application's history."
    if draft.get("contact_id"):
        return f"It counts as your last contact with {draft['name']}."
    return ""


def _save(
    draft: dict[str, Any], subject: str, body: str, sent_on: dt.date | None, *, unfilled: bool = False
) -> None:
    """Save the note; `unfilled` (an [add: …] still in it) refuses, with every other error at once."""
    form = f"note_{draft['key']}"
    errors: dict[str, str] = {}
    try:
        note = NoteIn(
            kind=draft["kind"],
            application_id=draft.get("application_id"),
            contact_id=draft.get("contact_id"),
            recipient_role=draft.get("role"),
            recipient_name=draft["name"],
            recipient_email=draft.get("email") if sending.mail_link(draft.get("email"), "", "")[0] else None,
            subject=subject,
            body=body or "",
            sent_on=sent_on,
        )
        if unfilled:
            store.check_note(state.engine(), note)
        else:
            draft["note_id"] = store.save_note(
                state.engine(),
                note,
                draft.get("note_id"),
                asked_feedback=draft.get("asks_feedback", False),
                seen=draft.get("stamp") if draft.get("note_id") else None,  # another tab's save is not undone
            )
            draft["stamp"] = store.note_stamp(state.engine(), draft["note_id"])
    except Conflict as exc:
        saved = exc.saved
        conflicts.remember(form, exc, {"subject": subject, "body": body, "sent_on": sent_on}, saved)
        # said where the person is looking too: the choice is drawn at the top of the card
        st.toast(
            f"Another tab saved the note to {md(draft['name'] or 'them')} since: choose which text to keep, "
            "at the top of its card.",
            icon=":material/tab_duplicate:",
        )
        st.rerun()
    except (ValidationError, StoreError) as exc:
        errors = forms.errors_from(exc)
    if unfilled:
        errors.setdefault("body", _UNFILLED)
    if errors:
        forms.set_errors(form, errors)
        st.rerun()
    forms.clear_errors(form)
    newly_sent = sent_on and not draft.get("sent_on")
    draft["sent_on"] = sent_on
    keep_drafts(draft.get("application_id"))
    st.toast(
        "Marked sent." if newly_sent else "Saved." if sent_on else "Draft saved.", icon=":material/check:"
    )
    st.rerun()
