"""This week's plan as lines of (what, text): the plan made at the last strategy review (lib.learn
.plan) with its progress, or, without one, the weekly goal and what has gone out since Monday.
Used by the report and by the assistant's `this_week_plan` tool."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd

from lib.core.text import plural
from lib.learn import plan as plans

IF = "If {moment}, then {then}"


def _listed(values: Any, name: Callable[[str], str]) -> str:
    return ", ".join(name(str(v)) for v in values or [])


def week_lines(
    plan_frame: pd.DataFrame,
    applied_on: pd.Series,
    today: dt.date,
    weekly_goal: int | None,
    name: Callable[[str], str] = str,
) -> list[tuple[str, str]]:
    """`name` masks company names when the report asks for it."""
    monday = plans.week_start(today)
    sent = int(((pd.to_datetime(applied_on) >= pd.Timestamp(monday)).fillna(False)).sum())
    lines = [("Week of", f"{monday:%d %b %Y}")]
    plan = plans.plan_for(plan_frame, today) if not plan_frame.empty else None
    if plan is None:
        # The standing goal of Settings, not a plan: Home says "No plan yet" beside it. The report is
        # read by someone without the app, so it doesn't point to a page of it.
        if weekly_goal:
            lines.append(
                (
                    "Weekly goal",
                    f"{weekly_goal} applications a week; {sent} sent so far this week. "
                    "No plan made for this week yet.",
                )
            )
        else:
            lines.append(
                ("Sent so far", f"{plural(sent, 'application')} since Monday (no plan or weekly goal yet)")
            )
        return lines
    planned = int(plan.get("applications") or 0)
    lines.append(("Applications", f"{planned} planned; {sent} sent so far"))
    for key, label, masker in (
        ("companies", "Target companies", name),
        ("role_families", "Role families", str),
        ("channels", "Channels", str),
    ):
        if plan.get(key):
            lines.append((label, _listed(plan[key], masker)))
    slots = plans.slot_dates(plan.get("slots") or [], monday)
    if slots:
        lines.append(("When", "\n".join(plans.slot_label(when, slot) for when, slot in slots)))
    for row in plan.get("if_then") or []:
        if row.get("then"):
            moment = row.get("when") or plans.MOMENTS.get(row.get("moment", ""), "a moment comes")
            lines.append(("If-then plan", IF.format(moment=moment, then=row["then"])))
    return lines
