"""The application form, shared by "Add application" and the edit view of one application."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import ApplicationIn
from ui import forms, state

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


def forget(form: str) -> None:
    """Drop the form's typed values, so it shows the stored application again."""
    for field in FIELDS:
        st.session_state.pop(f"{form}_{field}", None)


def render(
    form: str, current: dict[str, Any] | None = None, submit_label: str = "Save"
) -> ApplicationIn | None:
    """Draw the form; return the validated application when submitted without errors."""
    current = current or {}
    names = state.company_names()
    company_options = sorted(set(names) | ({current["company"]} if current.get("company") else set()))
    forms.form_error(form)
    with st.form(form, clear_on_submit=False, border=True):
        left, right = st.columns(2)
        with left:
            company = st.selectbox(
                "Company *",
                company_options,
                index=company_options.index(current["company"]) if current.get("company") else None,
                accept_new_options=True,
                placeholder="Type to find or add a company",
                key=f"{form}_company",
            )
            forms.field_error(form, "company")
            role = st.text_input(
                "Role *",
                value=current.get("role") or "",
                key=f"{form}_role",
                placeholder="e.g. Senior Data Analyst",
            )
            forms.field_error(form, "role")
            applied_on = st.date_input(
                "Date applied *",
                value=current.get("applied_on") or dt.date.today(),
                max_value=dt.date.today(),
                key=f"{form}_applied_on",
                format="DD/MM/YYYY",
            )
            forms.field_error(form, "applied_on", "Date applied")
            channel = st.selectbox(
                "Channel *",
                vocab.CHANNELS,
                index=vocab.CHANNELS.index(current.get("channel") or "job board"),
                format_func=lambda c: f"{c} — {vocab.CHANNEL_HELP[c]}",
                key=f"{form}_channel",
            )
            source = st.text_input(
                "Board or ATS name",
                value=current.get("source") or "",
                key=f"{form}_source",
                placeholder="LinkedIn, Greenhouse, …",
            )
            forms.field_error(form, "source", "Board or ATS name")
        with right:
            job_url = st.text_input(
                "Job link", value=current.get("job_url") or "", key=f"{form}_job_url", placeholder="https://…"
            )
            forms.field_error(form, "job_url", "Job link")
            resume_version = st.text_input(
                "Résumé version",
                value=current.get("resume_version") or "",
                key=f"{form}_resume_version",
                placeholder="e.g. v4-product",
            )
            location = st.text_input("Location", value=current.get("location") or "", key=f"{form}_location")
            modes = ("",) + vocab.WORK_MODES
            work_mode = st.selectbox(
                "Work mode",
                modes,
                index=modes.index(current.get("work_mode") or ""),
                format_func=lambda m: m or "—",
                key=f"{form}_work_mode",
            )
            notes = st.text_area("Notes", value=current.get("notes") or "", key=f"{form}_notes", height=100)
            forms.field_error(form, "notes")
        submitted = st.form_submit_button(submit_label, type="primary", icon=":material/save:")
    if not submitted:
        return None
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
