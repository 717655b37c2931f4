"""The Feedback page's parts: log what was asked (and what came back), record an answer to what is
waiting, the whole log with its themes. Rules live in lib.follow_up.feedback."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import FeedbackIn
from lib.follow_up import feedback
from lib.follow_up.feedback import FeedbackOverview
from lib.store import followups as store
from lib.store.base import StoreError
from ui import forms, layout, state, tables
from ui.follow_up import followups
from ui.params import int_param
from ui.text import md

READ_ROWS = 20  # entries read whole at the top; the rest in the grid, drawn when opened

NEW, ANSWER = "feedback_new", "feedback_answer"


def log_form(choices: pd.DataFrame, people: pd.DataFrame, today: dt.date) -> None:
    """Log feedback asked for (and, when it came, what it said)."""
    engine = state.engine()
    st.markdown("#### Log feedback")
    wanted = int_param("app")
    app_ids, labels = followups.application_options(choices, wanted)
    app_id = st.selectbox(
        "Application",
        app_ids,
        index=app_ids.index(wanted) if wanted in app_ids else 0,
        format_func=lambda i: labels[i],
        key="feedback_app",
        help="The 300 most recently active applications; type to search.",
    )
    company_id = store.compose_facts(engine, app_id)["company_id"]
    person_labels = {
        int(r.id): f"{r.name} ({r.role})" for r in people[people["company_id"] == company_id].itertuples()
    }
    forms.form_error(NEW)
    with st.form(forms.form_key(NEW), border=True):  # a fresh form after each save
        # who and how on one row, the two days on the next: three in a row cut the days at 1,280 px
        from_col, via_col = st.columns([3, 2])
        contact = from_col.selectbox(
            "From",
            [None, *person_labels],
            format_func=lambda i: "—" if i is None else person_labels[i],
            key=forms.key(NEW, "contact"),
        )
        asked_via = via_col.selectbox("How", feedback.ASKED_VIA, key=forms.key(NEW, "via"))
        asked_col, got_col = st.columns(2)
        asked_on = forms.date_field("Asked on", forms.key(NEW, "asked_on"), today, where=asked_col)
        forms.field_error(NEW, "asked_on", "Asked on")
        received_on = forms.date_field(
            "Answer on",
            forms.key(NEW, "received_on"),
            None,
            where=got_col,
            help="Leave empty while you wait.",
        )
        forms.field_error(NEW, "received_on", "Answer on")
        text = st.text_area("What they said", key=forms.key(NEW, "text"), height=100)
        forms.field_error(NEW, "text", "What they said")
        themes = st.multiselect(
            "Themes",
            vocab.FEEDBACK_THEMES,
            key=forms.key(NEW, "themes"),
            accept_new_options=True,
            select_all=False,  # every theme at once says nothing (one click tagged all 9)
            help="Pick from the list or type your own.",
        )
        forms.field_error(NEW, "themes", "Themes")
        save = st.form_submit_button("Save feedback", type="primary", icon=":material/save:")
    if not save:
        return
    try:
        item = FeedbackIn(
            application_id=app_id,
            contact_id=contact,
            asked_on=asked_on,
            asked_via=asked_via,
            received_on=received_on,
            text=text,
            themes=themes,
        )
        if not forms.already_saved(NEW, item):  # a double click saves once
            store.add_feedback(engine, item)
    except (ValidationError, StoreError) as exc:
        forms.set_errors(NEW, forms.errors_from(exc))
    else:
        forms.mark_saved(NEW, item)
        forms.renew(NEW)  # the form ends cleanly: the next feedback starts empty
        st.toast("Feedback saved.", icon=":material/check:")
    st.rerun()


def answer_form(overview: FeedbackOverview, today: dt.date, chase_after_days: int) -> None:
    """What is still waiting for an answer, and a form to record one."""
    st.markdown(f"#### Waiting for an answer ({overview.waiting_count})")
    waiting = overview.waiting
    if waiting.empty:
        st.caption("Nothing pending. When you ask for feedback (or send a note that asks), it waits here.")
        return
    if overview.late_count:
        st.caption(
            f"{overview.late_count} asked more than {chase_after_days} days ago: one polite "
            "reminder is fine. No answer costs you nothing."
        )
    pending = overview.waiting_labels
    forms.form_error(ANSWER)
    with st.form(ANSWER, border=True):
        which = st.selectbox("Which one", list(pending), format_func=lambda i: pending[i], key="answer_which")
        got_on = forms.date_field("Answer on", "answer_on", today)
        forms.field_error(ANSWER, "received_on", "Answer on")
        said = st.text_area("What they said", key="answer_text", height=100)
        forms.field_error(ANSWER, "text", "What they said")
        tags = st.multiselect(
            "Themes", vocab.FEEDBACK_THEMES, key="answer_themes", accept_new_options=True, select_all=False
        )
        record = st.form_submit_button("Record the answer", type="primary", icon=":material/mark_email_read:")
    if not record:
        return
    if not (said or "").strip() and not tags:  # an answer with nothing in it stops the chase for nothing
        forms.set_errors(ANSWER, {"text": "is empty: write a few words of what they said, or pick a theme"})
        st.rerun()
    try:
        store.update_feedback(state.engine(), which, feedback.answered(waiting, which, got_on, said, tags))
    except (ValidationError, StoreError) as exc:
        forms.set_errors(ANSWER, forms.errors_from(exc))
    else:
        forms.clear_errors(ANSWER)
        for key in ("answer_text", "answer_themes"):
            st.session_state.pop(key, None)
        st.toast("Answer recorded.", icon=":material/check:")
    st.rerun()


def all_feedback(overview: FeedbackOverview) -> None:
    """Every entry, its themes counted, and a way to delete one."""
    st.markdown(f"#### All feedback ({overview.total})")
    if not overview.total:
        st.caption("Nothing logged yet.")
        return
    counts = overview.theme_counts
    if not counts.empty:
        st.caption(
            "Themes so far: " + " · ".join(f"{md(theme)} ({n})" for theme, n in counts.head(12).items())
        )
    # The latest as a table whose sentences wrap: in a grid, what they said ran past its column.
    recent = overview.shown.head(READ_ROWS).assign(
        received_on=lambda f: pd.to_datetime(f["received_on"]).dt.date
    )
    recent["text"] = [_said(row) for row in recent.itertuples()]  # a waiting one was blank cells
    tables.reading_table(
        recent,
        {
            "company": "Company",
            "role": "Role",
            "contact_name": "From",
            "text": "What they said",
            "themes": "Themes",
            "received_on": "Answer",
        },
    )
    if overview.total > READ_ROWS:
        st.caption(f"The {READ_ROWS} most recent of {overview.total:,}; every entry is in the table below.")
    if grid := layout.lazy_expander(
        "Every entry as a table: who it came from, when you asked and how", key="feedback_grid_open"
    ):
        with grid:
            _grid(overview)
    deleting = layout.lazy_expander("Delete an entry", key="feedback_delete_open")
    if not deleting:  # its picker lists every entry: drawn when opened
        return
    with deleting:
        labels_all = overview.recent_labels
        gone = st.selectbox(
            "Entry", list(labels_all), format_func=lambda i: labels_all[i], key="feedback_delete_which"
        )
        sure = st.checkbox("Yes, delete this entry", key="feedback_delete_sure")
        st.button(
            "Delete",
            type="primary",
            disabled=not sure,
            icon=":material/delete:",
            key="feedback_delete",
            on_click=_delete,
            args=(gone,),
        )


def _said(row) -> str | None:
    """What they said; for a request with no answer yet, that it waits and since when."""
    if not pd.isna(row.received_on) or (isinstance(row.text, str) and row.text.strip()):
        return row.text
    asked = pd.to_datetime(row.asked_on)
    return "Waiting for an answer" + (f" (asked {asked:%d %b %Y})" if not pd.isna(asked) else "")


def _grid(overview: FeedbackOverview) -> None:
    st.dataframe(
        overview.shown,
        hide_index=True,
        # what its drawer's title promises first: who, when asked and how (after the long text,
        # they were off to the right at 1,280 px)
        column_order=[
            "company",
            "role",
            "contact_name",
            "asked_on",
            "asked_via",
            "received_on",
            "text",
            "themes",
        ],
        column_config={
            "company": "Company",
            "role": "Role",
            "contact_name": "From",
            "asked_on": st.column_config.DateColumn("Asked", format="DD MMM YYYY"),
            "asked_via": "How",
            "received_on": st.column_config.DateColumn("Answer", format="DD MMM YYYY"),
            "themes": st.column_config.TextColumn("Themes", width="medium"),
            "text": st.column_config.TextColumn("What they said", width="large"),
        },
        placeholder="",
    )
    if overview.total > len(overview.shown):
        st.caption(f"Showing the {len(overview.shown):,} most recent of {overview.total:,}.")


def _delete(entry_id: int) -> None:
    """Before the rerun, so the "yes" box is clear for the next one."""
    store.delete_feedback(state.engine(), entry_id)
    st.session_state.pop("feedback_delete_sure", None)
    st.toast("Entry deleted.", icon=":material/check:")
