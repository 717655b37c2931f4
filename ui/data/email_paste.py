"""Paste an email (or drop an .eml): see what Rebound understood, correct it, record it in one click.

A rejection then opens the Record-a-rejection pause for its application. Used on Home and on
Record a rejection, one call each: `email_paste.render("home")`.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from lib.core import vocab
from lib.data.email import KINDS, Email, MessageError, Reading, from_pasted, read_bytes, understand
from lib.data.email.match import match
from lib.store import applications as app_store
from lib.store import emails as email_store
from lib.store.base import StoreError
from ui import forms, state
from ui.data.email_common import KIND_LABELS, NEW, STAGE_LABELS, choices, match_log, record
from ui.text import md


def _message(key: str, read: bool) -> Email | None:
    text = st.text_area(
        "The email, as copied from your mail client",
        key=f"{key}_text",
        height=80 if read else 140,  # once read, the preview below is what matters
        placeholder="Paste the whole email here — with its From: and Subject: lines if you copied them.",
    )
    # The box is read when it loses focus (or on Ctrl+Enter); a button says so to everyone, and
    # clicking it is what moves the focus.
    from_box = bool(text.strip()) and st.session_state.get(f"{key}_file") is None
    with st.container(horizontal=True, vertical_alignment="center"):
        pressed = st.button("Read it", icon=":material/mark_email_read:", key=f"{key}_read")
        if from_box:
            st.caption("To drop an .eml file instead, empty the box.")
        elif pressed and st.session_state.get(f"{key}_file") is None:  # nothing to read: say so
            st.caption("Paste an email in the box first, or drop its .eml file below.")
    if from_box:  # read from the box: the .eml drop is put away, so "Record it" stays in view
        return from_pasted(text)  # no day in it: None, and the preview says today is assumed
    upload = st.file_uploader("…or drop an .eml file", type=["eml"], key=f"{key}_file")
    if upload is not None:
        found = next(read_bytes(upload.name, upload.getvalue()), None)
        if isinstance(found, MessageError) or found is None:
            st.error(md(found.message if found else "This file holds no email."), icon=":material/error:")
            return None
        return found
    if text.strip():
        return from_pasted(text)  # no day in it: None, and the preview says today is assumed
    return None


def _understood(reading: Reading) -> None:
    said = KIND_LABELS[reading.kind]
    system = f" · sent through {md(reading.system)}" if reading.system else ""
    if reading.kind == "other":
        st.info(
            "This doesn't read like news about one of your applications. If it is, say what it is below.",
            icon=":material/help:",
        )
    else:
        sure = "" if reading.confident else " (a guess — check it)"
        st.markdown(
            f"Rebound read this as **{md(said.lower())}**{sure}{system}. Why: “{md(reading.reason[:300])}”"
        )
        return
    st.caption(f"Why: “{md(reading.reason[:300])}”")


def _save(reading: Reading, values: dict, where: str) -> None:
    message = reading.email
    item = record(
        message_id=message.message_id,
        kind=values["kind"],
        company=values["company"],
        role=values["role"],
        date=values["date"],
        stage=values["stage"],
        application_id=values["application_id"],
        sender=message.sender,
        subject=message.subject,
        text=message.text,
        system=reading.system,
        applied_on=values["applied_on"],
    )
    result = email_store.record(state.engine(), [item])
    if result.errors:
        st.error(md(next(iter(result.errors.values()))), icon=":material/error:")
        return
    app_id = result.application_ids.get(message.message_id) or values["application_id"]
    counter = f"paste_{where}_n"
    st.session_state[counter] = st.session_state.get(counter, 0) + 1  # the box starts empty again
    if result.duplicates:
        forms.flash("This email was already recorded — nothing was added twice.")
    elif values["kind"] == "rejection" and app_id:
        st.switch_page("pages/rejection.py", query_params={"id": str(app_id)})
    else:
        forms.flash(f"Recorded: {KIND_LABELS[values['kind']].lower()} — {values['company']}.")
    st.rerun()


def _ended(log, application_id: int | None) -> str | None:
    """What to say when the chosen application has already ended: its story is told, so the email
    has nothing to add (the stage history takes one ending)."""
    row = log[log["id"] == application_id] if application_id else log.iloc[0:0]
    if row.empty or row["outcome"].iloc[0] != "ended":
        return None
    how, day = str(row["ended_as"].iloc[0]), row["ended_on"].iloc[0]
    when = f" on {day:%d %b %Y}" if isinstance(day, dt.date) else " (its day unknown)"
    return (
        f"This one is already in your log as {vocab.stage_label(how).lower()}{when}: "
        "there is nothing more to record. To change how it ended, open the application."
    )


def _date_the_ending(log, application_id: int, kind: str, day: dt.date, where: str) -> None:
    """An imported rejection whose day is unknown, and the email that says it: offer its day (the
    response times and the 30-day counts then include it)."""
    row = log[log["id"] == application_id].iloc[0]
    if kind != "rejection" or row["ended_as"] != "rejected" or isinstance(row["ended_on"], dt.date):
        return
    if st.button(
        f"Date the rejection {day:%d %b %Y}, as the email says",
        icon=":material/event_available:",
        key=f"paste_{where}_date_ending",
    ):
        try:
            app_store.set_event_date(state.engine(), int(row["ended_event"]), day)
        except StoreError as exc:
            st.error(md(exc.message), icon=":material/error:")
            return
        st.session_state[f"paste_{where}_n"] = st.session_state.get(f"paste_{where}_n", 0) + 1
        forms.flash(f"The rejection from {row['company']} is now dated {day:%d %b %Y}.")
        st.rerun()


def render(where: str, expanded: bool = True) -> None:
    """The paste box and, once something is pasted, the preview and the Record button (folded away
    in an expander when not `expanded`)."""
    key = f"paste_{where}_{st.session_state.get(f'paste_{where}_n', 0)}"
    read = bool(str(st.session_state.get(f"{key}_text") or "").strip())
    if read:  # the next email pasted: "Recorded: … — Acme." above it read as said of this one
        forms.end_kept()
    forms.show_flash()
    box = (
        st.container(border=True)
        if expanded
        else st.expander("Paste an email that just came", icon=":material/mail:")
    )
    with box:
        if expanded:
            st.markdown("**Paste an email that just came**")
        if not read:
            st.caption("Rebound reads it here, on this computer, and shows what it understood before saving.")
        message = _message(key, read)
        if message is None:
            return
        reading = understand(message)
        _understood(reading)
        k = f"{key}_{hashlib.sha1(message.message_id.encode()).hexdigest()[:8]}"
        kind_col, company_col, role_col = st.columns([2, 2, 2])
        kind = kind_col.selectbox(
            "What it is", KINDS, index=KINDS.index(reading.kind), format_func=KIND_LABELS.get, key=f"{k}_kind"
        )
        company = company_col.text_input("Company", value=reading.company or "", key=f"{k}_company")
        role = role_col.text_input("Role", value=reading.role or "", key=f"{k}_role")
        date_col, stage_col, app_col = st.columns([1, 1, 2])
        date = forms.date_field("Date", f"{k}_date", reading.date or dt.date.today(), where=date_col)
        stages = list(STAGE_LABELS)
        stage = stage_col.selectbox(
            "Stage it came at" if kind == "rejection" else "Stage",
            stages,
            index=stages.index(reading.stage or ""),
            format_func=STAGE_LABELS.get,
            key=f"{k}_stage",
            disabled=kind in ("other", "offer"),
        )
        log = match_log()
        matched, note = match(kind, company or None, role or None, log)
        options = choices()
        if matched is not None and matched not in options:
            options[matched] = f"Application {matched}"
        application_id = app_col.selectbox(
            "Application",
            list(options),
            index=list(options).index(matched or NEW),
            format_func=options.get,
            key=f"{k}_app_{matched or NEW}",
        )
        if reading.date is None:  # pasted without its headers: today is a guess, and said to be one
            st.caption("No date in the email, so its Date is today: change it if it came another day.")
        applied_on = None
        if application_id == NEW and kind != "other":  # a new application: when was it sent?
            applied_col, why_col = st.columns([1, 3], vertical_alignment="bottom")
            applied_on = forms.date_field("Applied on", f"{k}_applied", date, where=applied_col)
            why_col.caption(
                (md(note) + " " if note else "")
                + "The email doesn't say when you applied: change the day if you know it."
            )
        elif note:
            st.caption(md(note))
        ended = _ended(log, application_id) if kind != "other" else None
        if ended:
            st.info(ended, icon=":material/task_alt:")
            _date_the_ending(log, application_id, kind, date, where)
            st.page_link(
                "pages/application.py",
                label="Open the application",
                icon=":material/description:",
                query_params={"id": str(application_id)},
            )
        again = bool(email_store.kept_ids(state.engine(), [message.message_id]))
        if again and not ended:
            st.info(
                "You recorded this email before: recording it again adds nothing.",
                icon=":material/task_alt:",
            )
        ready = kind != "other" and company.strip() and not ended and not again
        if st.button(
            "Record it", type="primary", icon=":material/task_alt:", disabled=not ready, key=f"{k}_record"
        ):
            _save(
                reading,
                {
                    "kind": kind,
                    "company": company,
                    "role": role,
                    "date": date,
                    "stage": stage,
                    "application_id": application_id or None,
                    "applied_on": applied_on,
                },
                where,
            )
        if kind == "other":
            st.caption("Nothing is saved for emails that are not about an application.")
