"""The step after the strategy review (its own tab): the search-quality self-check (with its trend), a broadening
hint when the search is narrow, and a concrete plan for the week with up to three if-then plans."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib.core import vocab
from lib.core.db import Engine
from lib.core.models import max_chars
from lib.learn import plan as wp
from lib.learn.breadth import narrow_search
from lib.reflect.evidence import WHY
from lib.search.role_families import role_families
from lib.store import plans as plan_store
from lib.store import strategy as strategy_store
from lib.store.base import StoreError
from ui import forms, state
from ui.reflect import practice as shared
from ui.setting_input import as_typed, whole_number_input
from ui.text import md

CHECK, PLAN = "search_check", "week_plan"
SCALE = [1, 2, 3, 4, 5]
SLOT_ROWS = 4
EXAMPLES = (  # (moment, "if" placeholder, "then" placeholder), one per if-then row
    ("rejection", "a “no” comes in", "I take the evening off, and rest"),
    ("slot", "it is Monday 9:00", "I send two applications to my target list"),
    ("other", "I feel stuck", "I call a friend and go for a walk"),
)


@state.cached()
def _checks(engine: Engine) -> pd.DataFrame:
    return plan_store.load_checks(engine)


def _save_check() -> None:
    scores = {area: st.session_state.get(forms.key(CHECK, area)) for area, _ in wp.AREAS}
    try:
        plan_store.save_check(state.engine(), scores)
    except StoreError as exc:
        forms.set_errors(CHECK, forms.errors_from(exc))
        return
    forms.clear_errors(CHECK)
    # fresh keys: popped ones stayed ticked in the browser, and a second click saved it twice
    forms.renew(CHECK)
    forms.flash("Your self-check is saved.")
    st.toast("Your self-check is saved.", icon=":material/check_circle:")  # in view, where you are


def self_check() -> None:
    st.markdown("#### How well am I searching?")
    st.caption("A short self-check over four areas. " + WHY["quality"])
    forms.form_error(CHECK)
    with st.form(forms.form_key(CHECK), border=True):
        for area, prompt in wp.AREAS:
            st.radio(prompt, SCALE, index=None, horizontal=True, key=forms.key(CHECK, area))
        st.caption("1 not at all · 5 fully")
        st.form_submit_button("Save my self-check", icon=":material/save:", on_click=_save_check)
    long, sentence = wp.check_trend(_checks())
    if not long.empty:  # what was answered (the form starts afresh after a save)
        when = long["created_at"].max()
        latest = long[long["created_at"] == when]
        st.caption(
            f"Your last self-check ({pd.Timestamp(when):%d %b %Y}): "
            + " · ".join(f"{row.area} {int(row.score)} of 5" for row in latest.itertuples())
            + "."
        )
    if sentence:
        st.caption(md(sentence))
    if long["created_at"].nunique() >= 2:
        wide = long.pivot_table(index="created_at", columns="area", values="score")
        st.line_chart(wide, height=200, y_label="1–5", x_label="Review")


def breadth_hint() -> None:
    found = state.from_log(narrow_search)  # once per data revision: it reads every role
    if found is not None:
        with st.container(border=True):
            st.markdown("**Broaden a little?**")
            st.write(found.sentence)
            st.caption(WHY["breadth"])


def _plan_input() -> dict:
    get = st.session_state.get
    days = {name: i for i, name in enumerate(wp.DAYS)}
    return {
        "week_start": get(f"{PLAN}_week") or dt.date.today(),
        "applications": as_typed(get(f"{PLAN}_applications")) or 0,
        "companies": get(f"{PLAN}_companies") or [],
        "role_families": get(f"{PLAN}_families") or [],
        "channels": get(f"{PLAN}_channels") or [],
        "slots": [
            {
                "day": days.get(get(f"{PLAN}_day_{i}")),
                "time": (get(f"{PLAN}_time_{i}") or "").strip(),
                "minutes": as_typed(get(f"{PLAN}_minutes_{i}")) or 60,
                "what": get(f"{PLAN}_what_{i}"),
            }
            for i in range(SLOT_ROWS)
            if get(f"{PLAN}_day_{i}") or (get(f"{PLAN}_time_{i}") or "").strip()
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


def _save_plan() -> None:
    plan, errors = wp.validate_plan(_plan_input())
    if plan is None:
        forms.set_errors(PLAN, errors)
        return
    plan_store.save_plan(state.engine(), plan)
    forms.clear_errors(PLAN)
    slots = wp.slot_dates([slot.model_dump() for slot in plan.slots], plan.week_start)
    past = [when for when, _ in slots if when < dt.datetime.now()]
    st.toast(f"Your plan for the week of {plan.week_start:%d %b} is saved.", icon=":material/check_circle:")
    forms.flash(  # the toast is in view by the button; this stays at the top
        f"Your plan for the week of {plan.week_start:%d %b} is saved: its slots are on Home."
        + (  # saved as asked, but said: a slot already behind you won't come round this week
            f" {' and '.join(f'{when:%a %d %b, %H:%M}' for when in past[:3])}"
            f"{' …' if len(past) > 3 else ''} {'has' if len(past) == 1 else 'have'} already passed: "
            f"choose next week above to plan {'it' if len(past) == 1 else 'them'} ahead."
            if past
            else ""
        )
    )


def _families(log: pd.DataFrame) -> list[str]:
    return sorted(set(role_families(log["role"]))) if not log.empty else []


def plan_form(targets: list[str]) -> None:
    st.markdown("#### A plan for the week")
    st.caption(WHY["plan"])
    today = dt.date.today()
    monday = wp.week_start(today)
    families = state.from_log(_families)
    forms.form_error(PLAN)
    with st.form(PLAN, border=True):
        week_col, count_col = st.columns(2)
        week_col.selectbox(
            "For the week of",
            [monday, monday + dt.timedelta(days=7)],
            format_func=lambda d: f"{d:%a %d %b}" + (" (this week)" if d == monday else " (next week)"),
            key=f"{PLAN}_week",
        )
        # no min/max on these boxes: the browser would hold 600 back and Save send the old value
        # without a word; out of range, the plan's own check says so beside the box
        whole_number_input(
            "Applications I'll send",
            state.settings()["weekly_goal"],  # the goal you set, to keep or change for this week
            f"{PLAN}_applications",
            where=count_col,
            help=f"From 0 to {wp.MAX_APPLICATIONS}.",
        )
        forms.field_error(PLAN, "applications", "Applications")
        st.multiselect(  # no "Select all": a plan picks a few targets
            "Target companies", targets, key=f"{PLAN}_companies", accept_new_options=True, select_all=False
        )
        st.multiselect(
            "Role families", families, key=f"{PLAN}_families", accept_new_options=True, select_all=False
        )
        st.multiselect("Channels", vocab.CHANNELS, key=f"{PLAN}_channels", select_all=False)
        st.markdown("**When** — day and time slots for your search (they show on Home and in your calendar)")
        for i in range(SLOT_ROWS):
            day, at, minutes, what = st.columns([2, 1, 1, 3])
            hide = "collapsed" if i else "visible"
            day.selectbox(
                "Day", wp.DAYS, index=None, key=f"{PLAN}_day_{i}", label_visibility=hide, placeholder="Day"
            )
            at.text_input(
                "Time", key=f"{PLAN}_time_{i}", max_chars=5, label_visibility=hide, placeholder="hh:mm"
            )
            whole_number_input(
                "Minutes",
                60,
                f"{PLAN}_minutes_{i}",
                step=15,
                where=minutes,
                label_visibility=hide,
                help="From 5 to 480." if not i else None,
            )
            what.text_input(
                "What",
                key=f"{PLAN}_what_{i}",
                max_chars=max_chars(wp.Slot, "what"),
                label_visibility=hide,
                placeholder="apply to two target companies",
            )
        errors = st.session_state.get(forms.errors_key(PLAN), {})
        for message in sorted({m for k, m in errors.items() if k.startswith("slots")}):
            st.error(message if message[0].isupper() else f"A slot {message}.", icon=":material/error:")
        st.markdown("**If-then plans** (up to three) — “If it is Monday 9:00, then I …”")
        st.caption("Each comes back when its moment does; plans for “another moment” wait on Home.")
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
                "If …",
                key=f"{PLAN}_if_{i}",
                max_chars=max_chars(wp.IfThen, "when"),
                label_visibility=hide,
                placeholder=example_if,
            )
            then.text_input(
                "then I …",
                key=f"{PLAN}_then_{i}",
                max_chars=max_chars(wp.IfThen, "then"),
                label_visibility=hide,
                placeholder=example_then,
            )
            forms.field_error(PLAN, f"if_then.{i}")
        st.form_submit_button(
            "Save my plan",
            type="primary",
            icon=":material/save:",
            on_click=_save_plan,
        )
    _current(today)


def plan_beside_goal(goal: int, today: dt.date) -> None:
    """Said under "Am I on track" when this week's plan asks another number than the standing goal:
    Home counts the week against the plan, and the two numbers read as a contradiction."""
    now = wp.plan_for(shared.plans(), today)
    if now is not None and int(now["applications"]) != goal:
        st.caption(
            f"This week's plan says {int(now['applications'])} applications, and Home counts this week "
            f"against it; the goal here ({goal} a week) is the standing one, set in a review or in Settings."
        )


def _current(today: dt.date) -> None:
    """The plan in force this week, and next week's when one is saved already (it was saved out of
    sight: the form empties, and only this week's plan was shown)."""
    monday = wp.week_start(today)
    plans = shared.plans()
    now = wp.plan_for(plans, today)
    if now is not None:
        _shown(now, "Your plan now", monday)
    ahead = wp.plan_for(plans, monday + dt.timedelta(days=7))
    if ahead is not None and pd.Timestamp(ahead["week_start"]).date() > monday:
        _shown(ahead, "Your plan for next week", monday + dt.timedelta(days=7))


def _shown(plan: dict, heading: str, monday: dt.date) -> None:
    with st.container(border=True):
        st.markdown(f"**{heading}** (from the week of {pd.Timestamp(plan['week_start']):%d %b})")
        parts = [f"{plan['applications']} applications a week"]
        for label, key in (
            ("companies", "companies"),
            ("role families", "role_families"),
            ("channels", "channels"),
        ):
            if plan.get(key):
                parts.append(f"{label}: {', '.join(plan[key])}")
        st.text(" · ".join(parts))
        for when, slot in wp.slot_dates(plan.get("slots") or [], monday):
            st.caption(md(wp.slot_label(when, slot)))
        for row in plan.get("if_then") or []:
            st.caption(f"If {md(row['when'])}, then {md(row['then'])}.")


@state.cached()
def _targets(engine: Engine) -> list[str]:
    return strategy_store.load_targets(engine)["name"].tolist()


def render() -> None:
    """The step after the review (its own tab on pages/strategy.py)."""
    self_check()
    breadth_hint()
    # the target list first, then every company in the log ("Acme" offered "Add: Acme", not the
    # logged "Acme Analytics")
    plan_form(list(dict.fromkeys([*_targets(), *state.company_names()])))
