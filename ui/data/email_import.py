"""Import mail: .eml, .mbox (Takeout, Thunderbird, Apple Mail) and .msg files read as a stream with a
progress bar; the job emails in a review list (guess, why, hiring system); accept, edit or skip
each, or accept every confident one; then one transaction. Everything else is never stored."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import streamlit as st

from lib.core.text import plural
from lib.data.email.match import match
from lib.data.email.scan import (
    OUTREACH_KEPT,
    REPLY_REASON,
    FileScan,
    is_email_file,
    join_threads,
    mailbox_file,
    scan_path,
    scan_stream,
)
from lib.data.importers.binary import known_kind
from lib.store import emails as email_store
from ui import state
from ui.data.email_common import KIND_LABELS, STAGE_LABELS, choices, match_log, record
from ui.text import clipped, md

SCAN = "mail_scan"  # the review list, kept while the person reviews it
DONE = "mail_done"
COLUMNS = [
    "accept",
    "kind",
    "company",
    "role",
    "date",
    "applied",
    "stage",
    "application",
    "why",
    "system",
    "subject",
]
WHY_SHOWN = 400  # characters of a reason: it stopped mid-word at 200
NEW_APPLICATION_DAY = (
    " A new application: the email doesn't say when you applied, so the log keeps it as applied by this"
    " email's day. Type the day you applied if you know it."
)


def _rows(scans: list[FileScan], recorded: set[str]) -> tuple[pd.DataFrame, list[dict]]:
    """The review table; `recorded`: the message ids recorded before, left unticked and said so
    (importing the same mail again looked all new until Record said "0 emails")."""
    labels = choices()
    rows, messages = [], []
    # a company whose application email is in the batch: that email dates the new application
    receipts = {
        (r.company or "").strip().casefold() for s in scans for r in s.readings if r.kind == "application"
    }
    for scan in scans:
        for r in scan.readings:
            before = r.email.message_id in recorded
            why = _why(r.kind, r.company, r.application_id, r.date, before, receipts, r.reason, r.confident)
            rows.append(
                {
                    # no day: typed first; recorded before: nothing to add
                    "accept": bool(r.confident and r.company and r.date and not before),
                    "kind": r.kind,
                    "company": r.company or "",
                    "role": r.role or "",
                    "date": r.date,
                    "applied": None,
                    "stage": r.stage or "",
                    "application": labels.get(r.application_id, "New application")
                    if r.application_id
                    else "New application",
                    "why": why,
                    "system": r.system or "",
                    "subject": r.email.subject,
                }
            )
            messages.append(
                {
                    "message_id": r.email.message_id,
                    "sender": r.email.sender,
                    "subject": r.email.subject,
                    "text": r.email.text,
                    "system": r.system,
                    "application_id": r.application_id,
                    "kind": r.kind,  # what "Goes to" was matched for: an edit matches again
                    "company": r.company or "",
                    "role": r.role or "",
                    "before": before,
                    "reason": r.reason,  # the match's own words, for the Why matched again
                    "guess": not r.confident,  # the reading's own doubt, said first in the Why
                    # "Accept all confident ones" leaves an undated one unticked too
                    "confident": bool(r.confident and r.company and r.date and not before),
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS), messages


def _why(
    kind, company, application_id, day, before: bool, receipts: set[str], reason: str, confident: bool = True
) -> str:
    """The review table's "Why": what the person must know first (a guess, left unticked; no day; a
    new application dated by the email), then the reason, which is what a long line loses."""
    if before:
        return "Recorded before: importing it again adds nothing."
    if reason.startswith(REPLY_REASON):  # first: after "A guess…" it was cut off, three rows alike
        undated = (
            "" if day is not None and not pd.isna(day) else " No date in the email: type the day it came."
        )
        return clipped(reason + undated, WHY_SHOWN)
    said = "" if confident else "A guess, so not ticked: tick it if it's right. "
    said += "" if day is not None and not pd.isna(day) else "No date in the email: type the day it came. "
    starts_one = not application_id and (company or "").strip().casefold() not in receipts
    if starts_one and kind != "application":  # the day is said, and can be typed
        said += NEW_APPLICATION_DAY.strip() + " "
    return clipped(said + reason, WHY_SHOWN)


def _not_mail(name: str, data: bytes) -> str | None:
    """Why an upload is no mail, in words that say where it goes; None for mail. (A CSV got
    Streamlit's "text/csv files are not allowed", a PNG named .mbox "This message has no headers".)"""
    if (kind := known_kind(data)) is not None:
        return f"This file is {kind}, not mail: Rebound reads .eml, .mbox and .msg files."
    if not is_email_file(name, data[:64]):
        return (
            "This isn't a mail file (.eml, .mbox, .msg). A spreadsheet or a LinkedIn archive is imported "
            "on the Import tab."
        )
    return None


def _scan(uploads, path: str) -> None:
    bar = st.progress(0.0, text="Reading the mail…")
    log, scans, refused = match_log(), [], []
    sources = []
    for upload in uploads or []:
        data = upload.getvalue()
        if (why := _not_mail(upload.name, data)) is None:
            sources.append((upload.name, io.BytesIO(data)))
        else:
            refused.append({"file": upload.name, "message": 0, "problem": why})
    for i, (name, stream) in enumerate(sources):
        scans.append(
            scan_stream(
                name,
                stream,
                log,
                lambda f, t, i=i: bar.progress(min((i + f) / (len(sources) + bool(path)), 1.0), text=t),
            )
        )
    if path:
        file = mailbox_file(path)
        if not file.is_file():
            bar.empty()  # "Reading the mail…" stayed on above the error
            said = "is a folder with no mailbox file (mbox) in it" if file.is_dir() else "is no file"
            st.error(f"{md(str(file))} {said}: give the path of the mailbox file.", icon=":material/error:")
            return
        scans.append(
            scan_path(
                file,
                log,
                lambda f, t: bar.progress(min((len(sources) + f) / (len(sources) + 1), 1.0), text=t),
            )
        )
    join_threads(scans, log)  # a reply and the email it answers in two files (one .eml each)
    recorded = email_store.kept_ids(state.engine(), [r.email.message_id for s in scans for r in s.readings])
    table, messages = _rows(scans, recorded)
    st.session_state.pop("mail_undated_asked", None)
    st.session_state[SCAN] = {
        "table": table,
        "messages": messages,
        "read": sum(s.rows for s in scans),
        "others": sum(s.others for s in scans),
        "outreach": [found for s in scans for found in s.outreach][:OUTREACH_KEPT],
        "recorded_before": len(recorded),
        "errors": refused
        + [{"file": s.path, "message": e.position, "problem": e.message} for s in scans for e in s.errors],
    }
    st.session_state["mail_editor_n"] = st.session_state.get("mail_editor_n", 0) + 1
    st.rerun()


def rematched(
    edited: pd.DataFrame, messages: list[dict], log: pd.DataFrame, labels: dict[int, str]
) -> pd.DataFrame | None:
    """The review table with "Goes to" and "Why" matched again for each row whose kind, company or
    role the person edited (and its message set to that match, which Record then uses); None when
    nothing was edited. Before, "Goes to" kept the first guess until Record matched again unseen."""
    table = edited.copy()
    rows = list(zip(edited.itertuples(index=False), messages))
    edits = [
        i
        for i, (row, message) in enumerate(rows)
        if (row.kind, str(row.company or ""), str(row.role or ""))
        != (message["kind"], message["company"], message["role"])
    ]
    if not edits:
        return None
    for i in edits:
        row, message = rows[i]
        kind, company, role = row.kind, str(row.company or ""), str(row.role or "")
        app_id, reason = match(kind, company.strip() or None, role.strip() or None, log)
        message.update(kind=kind, company=company, role=role, application_id=app_id, reason=reason)
        table.iloc[i, table.columns.get_loc("application")] = (
            labels.get(app_id, "New application") if app_id else "New application"
        )
    # every row's Why again, from the table as it now reads: an application email renamed changes
    # whether another row of that company starts a new application
    receipts = {m["company"].strip().casefold() for m in messages if m["kind"] == "application"}
    for i, (row, message) in enumerate(rows):
        why = _why(
            message["kind"],
            message["company"].strip(),
            message["application_id"],
            _day(row.date),
            message.get("before", False),
            receipts,
            message.get("reason", ""),
            not message.get("guess", False),
        )
        table.iloc[i, table.columns.get_loc("why")] = why
    return table


def _undated(edited: pd.DataFrame) -> int:
    """Emails ticked to record that have no day: nothing is recorded until each has one."""
    recorded = (
        edited["accept"].astype(bool)
        & (edited["kind"] != "other")
        & edited["company"].astype(str).str.strip().ne("")
    )
    return int((recorded & pd.to_datetime(edited["date"], errors="coerce").isna()).sum())


def _day(value) -> dt.date | None:
    day = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(day) else day.date()


def _record(edited: pd.DataFrame, messages: list[dict]) -> None:
    items = []
    for row, message in zip(edited.itertuples(index=False), messages):
        if not row.accept or row.kind == "other" or not str(row.company).strip():
            continue
        same = row.company == message["company"] and row.role == message["role"]
        items.append(
            record(
                message_id=message["message_id"],
                kind=row.kind,
                company=str(row.company),
                role=str(row.role),
                date=pd.Timestamp(row.date).date(),
                stage=row.stage or None,
                application_id=message["application_id"] if same else None,
                sender=message["sender"],
                subject=message["subject"],
                text=message["text"],
                system=message["system"],
                applied_on=_day(row.applied),
            )
        )
    result = email_store.record(state.engine(), items)
    st.session_state[DONE] = result
    st.session_state.pop(SCAN, None)
    st.rerun()


def _done() -> None:
    result = st.session_state.pop(DONE, None)
    if result is None:
        return
    st.success(
        f"Recorded {plural(result.emails, 'email')}: {plural(result.applications, 'new application')}, "
        f"{plural(result.stage_events, 'stage event')}; {result.duplicates:,} already recorded.",
        icon=":material/check_circle:",
    )
    for why in list(result.errors.values())[:10]:
        st.warning(md(why), icon=":material/warning:")
    st.page_link("pages/applications.py", label="See them in the log", icon=":material/work:")


def _summary(scan: dict) -> None:
    """What was read, in counts that add up: a file that isn't mail is not "a message"; and the
    recruiters who reached out, named (left out, yet one may become an application)."""
    bad_messages = sum(1 for e in scan["errors"] if e["message"])
    bad_files = len(scan["errors"]) - bad_messages
    unread = [
        f"{plural(n, what)} that couldn't be read"
        for n, what in ((bad_messages, "message"), (bad_files, "file"))
        if n
    ]
    st.write(
        f"Read {plural(scan['read'], 'message')}: {len(scan['table']):,} about applications"
        + (f" ({scan['recorded_before']:,} recorded before)" if scan.get("recorded_before") else "")
        + f", {scan['others']:,} not (never stored)"
        + "".join(f", {part}" for part in unread)
        + "."
    )
    outreach = scan.get("outreach") or []
    if outreach:
        with st.expander(
            f"{plural(len(outreach), 'recruiter')} reaching out, among those left out"
            + (f" (the first {OUTREACH_KEPT})" if len(outreach) >= OUTREACH_KEPT else ""),
            icon=":material/person_search:",
        ):
            st.caption(
                "Not an application until you apply. When you do, add it on **Add an application** with "
                "the channel “recruiter”."
            )
            st.dataframe(
                pd.DataFrame(outreach, columns=["Date", "From", "Subject"]),
                hide_index=True,
                column_config={"Date": st.column_config.DateColumn(format="DD MMM YYYY")},
                placeholder="",
            )
            st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")


def render() -> None:
    _done()
    if state.is_demo():
        st.info(
            "Importing goes into your own data: switch to **My data** (beside the demo banner, or in the sidebar) first."
        )
        return
    st.markdown("**Rejections, invitations and receipts from your mail**")
    st.caption(
        "Only emails about your applications are kept, with what they recorded; the rest is never stored."
    )
    uploads = st.file_uploader(
        "Mail files: .eml, .mbox or .msg",
        accept_multiple_files=True,  # any file: one that isn't mail is said why, not Streamlit's "not allowed"
        key="mail_files",
    )
    path = st.text_input(
        "…or the path of a large mailbox on this computer (a Google Takeout .mbox)",
        key="mail_path",
        placeholder="/Users/me/Downloads/Takeout/Mail/All mail.mbox",
    )
    if st.button("Read the mail", icon=":material/mail:", key="mail_read", disabled=not (uploads or path)):
        _scan(uploads, path.strip())
    scan = st.session_state.get(SCAN)
    if not scan:
        return
    _summary(scan)
    if scan["errors"]:
        errors = scan["errors"][:200]
        st.dataframe(
            pd.DataFrame(errors, columns=["file", "message", "problem"]),
            hide_index=True,
            height=min(38 + 35 * len(errors), 300),  # as tall as its rows: no blank rows under them
            column_config={
                "file": "File",
                "message": st.column_config.NumberColumn(
                    "Message", help="Its place in the file (1 for the first message).", format="%d"
                ),
                "problem": st.column_config.TextColumn("Problem", width="large"),
            },
            placeholder="",
        )
    if scan["table"].empty:
        return
    left, right = st.columns(2)
    if left.button("Accept all confident ones", key="mail_accept_confident"):
        scan["table"]["accept"] = [m["confident"] for m in scan["messages"]]
        st.session_state["mail_editor_n"] = st.session_state.get("mail_editor_n", 0) + 1
    edited = st.data_editor(
        scan["table"],
        hide_index=True,
        key=f"mail_review_{st.session_state.get('mail_editor_n', 0)}",
        disabled=["application", "why", "system", "subject"],
        # in view at 1,280 px: what it is, the company, its day (typed here when the email has none)
        # and which application it goes to, the columns to check; the role and the rest after Why
        column_order=[
            "accept",
            "kind",
            "company",
            "date",
            "application",
            "why",
            "role",
            "applied",
            "stage",
            "system",
            "subject",
        ],
        column_config={
            "accept": st.column_config.CheckboxColumn("Record", width="small"),
            "kind": st.column_config.SelectboxColumn(
                "What it is",
                options=list(KIND_LABELS),
                required=True,
                format_func=KIND_LABELS.get,
                width=175,  # "An interview invitation" whole
            ),
            "company": st.column_config.TextColumn("Company"),
            "role": st.column_config.TextColumn("Role"),
            "application": st.column_config.TextColumn("Goes to", width="medium"),
            "stage": st.column_config.SelectboxColumn(
                "Stage", options=list(STAGE_LABELS), format_func=lambda stage: STAGE_LABELS.get(stage or "")
            ),
            "date": st.column_config.DateColumn("Date", format="DD MMM YYYY"),
            "applied": st.column_config.DateColumn(
                "Applied on",
                format="DD MMM YYYY",
                help="For an email that starts a new application: the day you applied, if you know it.",
            ),
            "why": st.column_config.TextColumn("Why Rebound thinks so", width="large"),
            "system": "Hiring system",
            "subject": "Subject",
        },
        placeholder="",
    )
    if (updated := rematched(edited, scan["messages"], match_log(), choices())) is not None:
        scan["table"] = updated  # the edits kept, as the grid's new start
        st.session_state["mail_editor_n"] = st.session_state.get("mail_editor_n", 0) + 1
        st.rerun()
    count, undated = int(edited["accept"].sum()), _undated(edited)
    if right.button(
        f"Record {plural(count, 'email')}",
        type="primary",
        icon=":material/download_done:",
        disabled=not count,
        key="mail_record",
    ):
        if not undated:
            _record(edited, scan["messages"])
        st.session_state["mail_undated_asked"] = True
    if undated and st.session_state.get("mail_undated_asked"):  # said by the button that needs it
        if count and st.session_state.get("mail_record"):  # this click: in view, the grid is tall
            st.toast("Nothing recorded yet: a ticked email has no date.", icon=":material/event_busy:")
        st.error(
            f"{plural(undated, 'ticked email')} {'has' if undated == 1 else 'have'} no date, so nothing "
            "was recorded yet: type the day each came in the Date column (or untick it), then record again.",
            icon=":material/event_busy:",
        )
