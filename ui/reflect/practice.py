"""The practices on shared pages: this week on Home, "your plan for this moment" when a no comes,
the setback note before a final round; and the cached loaders the practice pages share."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from lib.core.db import Engine
from lib.learn import plan as wp
from lib.reflect import practice
from lib.reflect.evidence import WHY
from lib.reflect.timeline import pause_left
from lib.store import plans as plan_store
from lib.store import practice as practice_store
from lib.store import settings as settings_store
from lib.store.base import StoreError
from ui import forms, state
from ui.reflect import reflections
from ui.text import md


@state.cached()
def plans(engine: Engine) -> pd.DataFrame:
    return plan_store.load_plans(engine)


@state.cached(shared=True)  # Home reads it on every rerun: worked out once per day and data revision
def _progress(engine: Engine, today: dt.date) -> wp.WeekProgress:
    activity = plan_store.week_activity(engine, wp.week_start(today))
    return wp.week_progress(
        plan_store.load_plans(engine),
        activity["applied_on"],
        activity["notes_sent_on"],
        activity["practised_at"],
        today,
        settings_store.get_setting(engine, "weekly_goal"),
    )


@state.cached()
def cards(engine: Engine) -> pd.DataFrame:
    """Every practice card (new weak questions get theirs first; cards of deleted questions go)."""
    practice_store.sync_cards(engine)
    return practice_store.load_cards(engine)


@state.cached()
def next_interview(engine: Engine, today: dt.date) -> dt.date | None:
    return practice_store.next_interview(engine, today)


@state.cached()
def setback_note(engine: Engine, application_id: int) -> str | None:
    return plan_store.get_setback(engine, application_id)


def due_now(today: dt.date | None = None) -> pd.DataFrame:
    today = today or dt.date.today()
    # Worked out once a minute (and after every write): a card due within the minute counts as due.
    minute = practice.utcnow().replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return _due(today, minute)


@state.cached(max_entries=8)
def _due(engine: Engine, today: dt.date, now: dt.datetime) -> pd.DataFrame:
    return practice.queue(cards(), now, next_interview(today))


def this_week(today: dt.date | None = None) -> wp.WeekProgress:
    return _progress(today or dt.date.today())


def if_then_box(plan: dict[str, Any] | None, moment: str, heading: str = "Your plan for this moment") -> None:
    rows = wp.if_then_for(plan, moment)
    if rows:
        with st.container(border=True):
            st.markdown(f"**{heading}**")
            for row in rows:
                st.markdown(f"If {md(row['when'])}, then {md(row['then'])}.")


def home_section() -> None:
    """Home: this week against the plan, any if-then for now, and practice cards due. Never nags."""
    pause = reflections.latest_pause()
    if pause and pause_left(pause["pause_until"], dt.datetime.now()):
        return  # a pause runs: no progress, no counts — only what cannot wait
    today = dt.date.today()
    progress = this_week(today)
    due = len(due_now(today))
    with st.container(border=True):
        text, link = st.columns([4, 1], vertical_alignment="center")
        if progress.plan is None:
            text.markdown(md(progress.sentence()))
            link.page_link(
                "pages/strategy.py",
                label="Make a plan",
                icon=":material/flag:",
                query_params={"strategy_tab": "Plan the week"},
            )
        else:
            text.markdown(f"**This week** (from {progress.monday:%a %d %b}), against your plan")
            if due:
                link.page_link("pages/practice.py", label=f"Practise ({due})", icon=":material/school:")
        if progress.plan is not None:
            cols = st.columns(3)
            planned = progress.planned
            cols[0].metric(
                "Applications", f"{progress.applications} of {planned}" if planned else progress.applications
            )
            cols[1].metric("Follow-ups sent", progress.follow_ups)
            cols[2].metric("Questions practised", progress.practice)
            if planned == 0:
                st.caption("Your plan has no applications this week — that's a choice, and fine.")
            moments = ("week", "other") if today.weekday() == 0 else ("other",)
            for moment in moments:
                for row in wp.if_then_for(progress.plan, moment):
                    st.caption(f"Your plan: if {md(row['when'])}, then {md(row['then'])}.")
        if due:
            st.caption(f"{due} interview question{'s' if due != 1 else ''} ready to practise, when you like.")


def at_rejection(application_id: int) -> None:
    """When a no is recorded: the if-then plan for this moment and the setback note written before.
    (The writing space is offered under the pause, not above it: a study's numbers are no first
    read on a bad day.)"""
    plan = wp.plan_for(plans(), dt.date.today())
    if_then_box(plan, "rejection")
    note = setback_note(application_id)
    if note:
        with st.container(border=True):
            st.markdown("**Before the final round, you wrote: if it's a no, I will …**")
            st.text(note)


def _save_setback(application_id: int, form: str) -> None:
    try:
        plan_store.save_setback(state.engine(), application_id, st.session_state.get(f"{form}_text", ""))
    except StoreError as exc:
        forms.set_errors(form, forms.errors_from(exc))
        return
    forms.clear_errors(form)
    forms.flash("Saved. It will be here for you if the no comes — and we hope it doesn't.")


def setback_form(application_id: int, company: str) -> None:
    """ "If it's a no, I will …": optional, written before a final round, shown back if the no comes."""
    form = f"setback_{application_id}"
    note = setback_note(application_id)
    # true before any round, and after one (it named a final round an application never had)
    st.markdown(f"#### In case it's a no from {md(company)}")
    st.caption(WHY["setback"])
    if_then_box(wp.plan_for(plans(), dt.date.today()), "final", "Your plan for a final round")
    st.session_state.setdefault(f"{form}_text", note or "")
    with st.form(form, clear_on_submit=False, border=True):
        st.text_area(
            "If it's a no, I will …",
            key=f"{form}_text",
            placeholder="Give myself the evening off, call Sam on Thursday, send two applications on Monday …",
        )
        forms.field_error(form, "text", "Your note")
        st.form_submit_button(
            "Save my setback plan",
            icon=":material/save:",
            on_click=_save_setback,
            args=(application_id, form),
        )
