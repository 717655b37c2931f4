"""The application form, shared by "Add application" and the edit view of one application."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import EARLIEST_EXPECTED_DAY, ApplicationIn
from ui import forms, state
from ui.search import company_picker

FIELDS = (
    "company",
    "role",
    "applied_on",
    "channel",
    "source",
    "job_url",
    "resume_version",
    "location",
    "work_mode",
    "notes",
)
LABELS = {
    "notes": "Notes",
    "role": "Role",
    "company": "Company",
    "applied_on": "Date applied",
    "channel": "Channel",
    "source": "Board or ATS name",
    "job_url": "Job link",
    "resume_version": "Résumé version",
    "location": "Location",
    "work_mode": "Work mode",
}
# An imported row without a date applied: its status date stands in until the real day is typed.
STAND_IN_HELP = (
    "The imported file or email gave no date applied, so a later day stands in (and no response "
    "time is counted from it). Type the day you applied to set it right, or tick below if it is this one."
)


def _years_between(earlier: dt.date, later: dt.date) -> int:
    """Whole years: 01 Dec 1990 is 35 years before 06 Jan 2026, not 36."""
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


def saved_note(applied_on: dt.date, today: dt.date, ghost_days: int) -> str | None:
    """Said under "Saved: …" rather than found out in the log: a day so long ago that the year
    may have slipped (1990 for 2026 was saved without a word); else a silence the log counts as
    ghosted."""
    if applied_on < EARLIEST_EXPECTED_DAY:
        return (
            f"Dated {applied_on:%d %b %Y}, {_years_between(applied_on, today):,} years ago: if the year slipped, "
            "open it and change the date under Edit details."
        )
    silent = (today - applied_on).days
    if silent >= ghost_days:
        return (
            f"Sent {silent:,} days ago with no word yet: the log counts it as *Ghosted* after {ghost_days} "
            "days of silence. When they answer, record it on its page and it is open again."
        )
    return None


def confirmed_key(form: str) -> str:
    """The tick that says a stand-in day applied is the real one."""
    return forms.key(form, "applied_confirmed")


def forget(form: str) -> None:
    """Drop the form's typed values, so it shows the stored application again."""
    for field in FIELDS:
        st.session_state.pop(forms.key(form, field), None)
    company_picker.clear(forms.key(form, "company"))


def render(
    form: str, current: dict[str, Any] | None = None, submit_label: str = "Save"
) -> ApplicationIn | None:
    """Draw the form; return the validated application when submitted without errors.

    The company is picked above the fields (company_picker: it proposes what is already in the log
    while typing, which fields inside an st.form can't do)."""
    current = current or {}
    # said once the fields are drawn: a company picked since the refusal takes its note away, and
    # "a field below needs a look" stayed with no note under any field
    summary = st.empty()
    with st.container(border=True):
        company_key = forms.key(form, "company")
        company = company_picker.pick(
            company_key,
            state.company_names(),
            current=current.get("company"),
            note_below="company" in st.session_state.get(forms.errors_key(form), {}),
        )
        forms.field_error(form, "company", answered=company is not None)
        # Enter in one box saved the whole form (the job link, all else empty): saved by its button
        with st.form(forms.form_key(form), border=False, enter_to_submit=False):
            left, right = st.columns(2)
            with left:
                role = forms.text_field(
                    form, ApplicationIn, "role", "Role *", current, placeholder="e.g. Senior Data Analyst"
                )
                stand_in = not current.get("applied_known", True)
                # the tick beside the day, not under it: a fifth row pushed the save under 800 px
                day, tick = st.columns(2, vertical_alignment="center") if stand_in else (left, None)
                with day:
                    applied_on = forms.date_field(
                        "Date applied *",
                        forms.key(form, "applied_on"),
                        current.get("applied_on") or dt.date.today(),
                        help=STAND_IN_HELP if stand_in else None,
                    )
                    forms.field_error(form, "applied_on", "Date applied")
                if tick is not None:
                    tick.checkbox(
                        "It's the real day",
                        key=confirmed_key(form),
                        help="Tick it if you applied on this very day: it then counts as the day "
                        "you applied, and the time to each answer is counted from it.",
                    )
                channel = st.selectbox(
                    "Channel *",
                    vocab.CHANNELS,
                    index=vocab.CHANNELS.index(current.get("channel") or "job board"),
                    format_func=lambda c: f"{c} — {vocab.CHANNEL_HELP[c]}",
                    key=forms.key(form, "channel"),
                )
                source = forms.text_field(
                    form,
                    ApplicationIn,
                    "source",
                    "Board or ATS name",
                    current,
                    placeholder="LinkedIn, Greenhouse, …",
                )
            # four rows a side, location and work mode sharing one: the save stays in view at
            # 1,280 x 800 under the demo's banner, and under a note after a save
            with right:
                job_url = forms.text_field(
                    form, ApplicationIn, "job_url", "Job link", current, placeholder="https://…"
                )
                resume_version = forms.text_field(
                    form,
                    ApplicationIn,
                    "resume_version",
                    "Résumé version",
                    current,
                    placeholder="e.g. v4-product",
                )
                place, mode = st.columns(2)
                with place:
                    location = forms.text_field(form, ApplicationIn, "location", "Location", current)
                modes = ("",) + vocab.WORK_MODES
                work_mode = mode.selectbox(
                    "Work mode",
                    modes,
                    index=modes.index(current.get("work_mode") or ""),
                    format_func=lambda m: m or "—",
                    key=forms.key(form, "work_mode"),
                )
                notes = forms.text_field(form, ApplicationIn, "notes", "Notes", current, area=True, height=68)
            submitted = st.form_submit_button(submit_label, type="primary", icon=":material/save:")
    with summary.container():
        forms.form_error(form)
    if not submitted:
        return None
    if not company and not (role or "").strip() and not current and forms.just_saved(form):
        return (
            None  # the second of two presses, on the emptied form: "Company is required" said the save failed
        )
    if company is None and company_picker.waiting(company_key):
        forms.set_errors(form, {"company": company_picker.UNANSWERED})
        st.rerun()
    values = {
        "company": company or "",
        "role": role,
        "applied_on": applied_on,
        "channel": channel,
        "source": source,
        "job_url": job_url,
        "resume_version": resume_version,
        "location": location,
        "work_mode": work_mode or None,
        "notes": notes,
        "reapplication_of": current.get("reapplication_of"),
        "reapply_reason": current.get("reapply_reason"),
    }
    try:
        app = ApplicationIn(**values)
    except ValidationError as exc:
        forms.set_errors(form, forms.errors_from(exc))
        st.rerun()
    forms.clear_errors(form)
    return app
