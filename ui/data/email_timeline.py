"""The emails kept for an application, in its timeline: each one as it came, to read again."""

from __future__ import annotations

import streamlit as st

from lib.store import emails as email_store
from ui import state
from ui.data.email_common import KIND_LABELS
from ui.text import md


@state.cached()  # once per data revision
def _emails_for(engine, application_id: int):
    return email_store.emails_for(engine, application_id)


def kept_emails(application_id: int) -> None:
    emails = _emails_for(application_id)
    if emails.empty:
        return
    st.markdown("**Emails**")
    for row in emails.itertuples():
        when = f"{row.sent_on:%d %b %Y} — " if row.sent_on is not None else ""
        with st.expander(
            f"{when}{KIND_LABELS.get(row.kind, row.kind)}: {md(row.subject or '(no subject)')}",
            icon=":material/mail:",
        ):
            if row.sender:
                st.caption(f"From {md(row.sender)}")
            st.text(row.text or "")
