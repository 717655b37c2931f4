"""The end of the strategy review: the search-quality self-check (with its trend), a broadening
hint when the search is narrow, and a concrete plan for the week with up to three if-then plans."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib.core import vocab
from lib.core.db import Engine
from lib.learn import plan as wp
from lib.learn.breadth import narrow_search
from lib.reflect.evidence import WHY
from lib.search.role_families import role_families
from lib.store import plans as plan_store
from lib.store import strategy as strategy_store
from lib.store.base import StoreError
from ui import forms, state
from ui.reflect import practice as shared
from ui.text import md

CHECK, PLAN = "search_check", "week_plan"
SCALE = [1, 2, 3, 4, 5]
SLOT_ROWS = 5
EXAMPLES = (  # (moment, "if" placeholder, "then" placeholder), one per if-then row
    ("rejection", "a “no” comes in", "I take the evening off, and the next morning I …"),
    ("slot", "it is Monday 9:00", "I send two applications to my target list"),
    ("other", "I feel stuck", "I call a friend and go for a walk"),
)


@state.cached()
def _checks(engine: Engine) -> pd.DataFrame:
    return plan_store.load_checks(engine)


def _save_check() -> None:
    scores = {area: st.session_state.get(f"{CHECK}_{area}") for area, _ in wp.AREAS}
    try:
        plan_store.save_check(state.engine(), scores)
    except StoreError as exc:
        forms.set_errors(CHECK, forms.errors_from(exc))
        return
    forms.clear_errors(CHECK)
    for area, _ in wp.AREAS:
        st.session_state.pop(f"{CHECK}_{area}", None)
    forms.flash("Your self-check is saved.")


def self_check() -> None:
    st.markdown("#### How well am I searching?")
    st.caption("A short self-check over four areas. " + WHY["quality"])
    forms.form_error(CHECK)
    with st.form(CHECK, border=True):
        for area, prompt in wp.AREAS:
            st.radio(prompt, SCALE, index=None, horizontal=True, key=f"{CHECK}_{area}")
        st.caption("1 not at all · 5 fully")
        st.form_submit_button("Save my self-check", icon=":material/save:", on_click=_save_check)
    long, sentence = wp.check_trend(_checks())
    if sentence:
        st.caption(md(sentence))
    if long["created_at"].nunique() >= 2:
        wide = long.pivot_table(index="created_at", columns="area", values="score")
        st.line_chart(wide, height=200, y_label="1–5", x_label="Review")


def breadth_hint(log: pd.DataFrame) -> None:
    found = narrow_search(log)
    if found is not None:
        with st.container(border=True):
            st.markdown("**Broaden a little?**")
            st.write(found.sentence)
            st.caption(WHY["breadth"])


def _plan_input() -> dict:
    get = st.session_state.get
    slots = get(f"{PLAN}_slots_value")
    rows = slots.to_dict("records") if isinstance(slots, pd.DataFrame) else []
    days = {name: i for i, name in enumerate(wp.DAYS)}
    return {
        "week_start": get(f"{PLAN}_week") or dt.date.today(),
        "applications": get(f"{PLAN}_applications") or 0,
        "companies": get(f"{PLAN}_companies") or [],
        "role_families": get(f"{PLAN}_families") or [],
        "channels": get(f"{PLAN}_channels") or [],
        "slots": [
            {
                "day": days.get(r.get("day")),
                "time": r.get("time"),
                "minutes": r.get("minutes") or 60,
                "what": r.get("what"),
            }
            for r in rows
            if r.get("day") or r.get("time")
        ],
        "if_then": [
            {
                "moment": get(f"{PLAN}_moment_{i}") or "other",
                "when": get(f"{PLAN}_if_{i}"),
                "then": get(f"{PLAN}_then_{i}"),
            }
            for i in range(wp.MAX_IF_THEN)
        ],
    }


def _save_plan(slot_editor_state_key: str) -> None:
    st.session_state[f"{PLAN}_slots_value"] = _editor_rows(slot_editor_state_key)
    plan, errors = wp.validate_plan(_plan_input())
    if plan is None:
        forms.set_errors(PLAN, errors)
        return
    plan_store.save_plan(state.engine(), plan)
    forms.clear_errors(PLAN)
    forms.flash(f"Your plan for the week of {plan.week_start:%d %b} is saved: its slots are on Home.")


def _blank_slots() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "day": [None] * SLOT_ROWS,
            "time": [None] * SLOT_ROWS,
            "minutes": [60] * SLOT_ROWS,
            "what": [None] * SLOT_ROWS,
        }
    )


def _editor_rows(key: str) -> pd.DataFrame:
    frame = _blank_slots()
    for index, changes in (st.session_state.get(key) or {}).get("edited_rows", {}).items():
        for column, value in changes.items():
            frame.loc[int(index), column] = value
    return frame


def plan_form(log: pd.DataFrame, targets: list[str]) -> None:
    st.markdown("#### A plan for the week")
    st.caption(WHY["plan"])
    today = dt.date.today()
    monday = wp.week_start(today)
    families = sorted(set(role_families(log["role"]))) if not log.empty else []
    forms.form_error(PLAN)
    with st.form(PLAN, border=True):
        week_col, count_col = st.columns(2)
        week_col.selectbox(
            "For the week of",
            [monday, monday + dt.timedelta(days=7)],
            format_func=lambda d: f"{d:%a %d %b}" + (" (this week)" if d == monday else " (next week)"),
            key=f"{PLAN}_week",
        )
        count_col.number_input(
            "Applications I'll send",
            min_value=0,
            max_value=wp.MAX_APPLICATIONS,
            step=1,
            key=f"{PLAN}_applications",
        )
        forms.field_error(PLAN, "applications", "Applications")
        st.multiselect("Target companies", targets, key=f"{PLAN}_companies", accept_new_options=True)
        st.multiselect("Role families", families, key=f"{PLAN}_families", accept_new_options=True)
        st.multiselect("Channels", vocab.CHANNELS, key=f"{PLAN}_channels")
        st.markdown("**When** — day and time slots for your search (they show on Home and in your calendar)")
        st.data_editor(
            _blank_slots(),
            key=f"{PLAN}_slots",
            hide_index=True,
            width="stretch",
            column_config={
                "day": st.column_config.SelectboxColumn("Day", options=list(wp.DAYS)),
                "time": st.column_config.TextColumn("Time (HH:MM)", max_chars=5),
                "minutes": st.column_config.NumberColumn("Minutes", min_value=5, max_value=480, step=5),
                "what": st.column_config.TextColumn("What", max_chars=200),
            },
        )
        errors = st.session_state.get(forms.errors_key(PLAN), {})
        slot_errors = sorted({m for k, m in errors.items() if k.startswith("slots")})
        for message in slot_errors:
            st.error(f"A slot's time {message}.", icon=":material/error:")
        st.markdown("**If-then plans** (up to three) — “If it is Monday 9:00, then I …”")
        for i, (moment_key, example_if, example_then) in enumerate(EXAMPLES):
            moment, when, then = st.columns([2, 3, 3])
            hide = "collapsed" if i else "visible"
            moment.selectbox(
                "The moment",
                list(wp.MOMENTS),
                index=list(wp.MOMENTS).index(moment_key),
                format_func=wp.MOMENTS.get,
                key=f"{PLAN}_moment_{i}",
                label_visibility=hide,
            )
            when.text_input(
                "If …", key=f"{PLAN}_if_{i}", max_chars=200, label_visibility=hide, placeholder=example_if
            )
            then.text_input(
                "then I …",
                key=f"{PLAN}_then_{i}",
                max_chars=200,
                label_visibility=hide,
                placeholder=example_then,
            )
            forms.field_error(PLAN, f"if_then.{i}")
        st.form_submit_button(
            "Save my plan",
            type="primary",
            icon=":material/save:",
            on_click=_save_plan,
            args=(f"{PLAN}_slots",),
        )
    _current(today)


def _current(today: dt.date) -> None:
    plan = wp.plan_for(shared.plans(), today)
    if plan is None:
        return
    with st.container(border=True):
        st.markdown(f"**Your plan now** (from the week of {pd.Timestamp(plan['week_start']):%d %b})")
        parts = [f"{plan['applications']} applications a week"]
        for label, key in (
            ("companies", "companies"),
            ("role families", "role_families"),
            ("channels", "channels"),
        ):
            if plan.get(key):
                parts.append(f"{label}: {', '.join(plan[key])}")
        st.text(" · ".join(parts))
        for when, slot in wp.slot_dates(plan.get("slots") or [], wp.week_start(today)):
            st.caption(md(wp.slot_label(when, slot)))
        for row in plan.get("if_then") or []:
            st.caption(f"If {md(row['when'])}, then {md(row['then'])}.")


@state.cached()
def _targets(engine: Engine) -> list[str]:
    return strategy_store.load_targets(engine)["name"].tolist()


def render() -> None:
    """The end of the review (one call from pages/strategy.py)."""
    log, targets = state.applications(), _targets()
    st.divider()
    self_check()
    breadth_hint(log)
    plan_form(log, targets)
