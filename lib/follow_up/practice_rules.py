"""Next-action rules of the practices: the week's planned slots, don't coast while an interview
process runs, and a setback plan before a final round. Registered with `@rule`; the frames they
read ("plan", "coasting", "finals") come from lib.store.plans.action_facts.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.follow_up.next_actions import Action, Facts, rule
from lib.learn.plan import if_then_for, slot_dates, week_start

COAST_AFTER_DAYS = 7  # an interview process running and no new application for this long
SLOT_HORIZON_DAYS = 7  # slots from today to a week ahead are listed (and go in the calendar)


def _frame(facts: Facts, name: str) -> pd.DataFrame:
    frame = facts.get(name)
    return frame if frame is not None else pd.DataFrame()


def _day(value) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


@rule
def planned_slots(facts: Facts, today: dt.date) -> list[Action]:
    """The slots of the plan holding now, from today to a week ahead (the plan repeats weekly)."""
    plans = _frame(facts, "plan")
    if plans.empty:
        return []
    plan = plans.iloc[0].to_dict()
    if _day(plan["week_start"]) > today + dt.timedelta(days=SLOT_HORIZON_DAYS):
        return []
    ifs = if_then_for(plan, "slot")
    detail = "Your own plan for this time." + (f" If {ifs[0]['when']}, then {ifs[0]['then']}." if ifs else "")
    actions = []
    for monday in (week_start(today), week_start(today) + dt.timedelta(days=7)):
        if monday < _day(plan["week_start"]):
            continue
        for when, slot in slot_dates(plan.get("slots") or [], monday):
            if not today <= when.date() < today + dt.timedelta(days=SLOT_HORIZON_DAYS):
                continue
            actions.append(
                Action(
                    rule_key=f"plan-slot:{plan['id']}:{when:%Y-%m-%dT%H:%M}",
                    kind="slot",
                    title=f"Search time: {when:%a %d %b, %H:%M}"
                    + (f" — {slot['what']}" if slot.get("what") else ""),
                    detail=detail,
                    due_on=when.date(),
                    target="strategy",
                    params={  # its time for the calendar; the link opens the plan it comes from
                        "time": f"{when:%H:%M}",
                        "minutes": str(slot.get("minutes") or 60),
                        "strategy_tab": "Plan the week",
                    },
                )
            )
    return actions


def coasting_action(last_applied: dt.date | None, running: int, today: dt.date) -> Action | None:
    """An interview process running and no new application for COAST_AFTER_DAYS days or more."""
    if not running or last_applied is None or (today - last_applied).days < COAST_AFTER_DAYS:
        return None
    processes = "an interview process is" if running == 1 else f"{running} interview processes are"
    return Action(
        rule_key=f"keep-going:{last_applied.isoformat()}",
        kind="keep-going",
        title="Keep one more door opening",
        detail=(
            f"{processes.capitalize()} running — well done. Your last new application was "
            f"{(today - last_applied).days} days ago; one more keeps your options open whatever happens."
        ),
        due_on=last_applied + dt.timedelta(days=COAST_AFTER_DAYS),
        target="add_application",
    )


@rule
def dont_coast(facts: Facts, today: dt.date) -> list[Action]:
    coasting = _frame(facts, "coasting")
    if coasting.empty:
        return []
    row = coasting.iloc[0]
    action = coasting_action(_day(row["last_applied_on"]), int(row["running"] or 0), today)
    return [action] if action else []


@rule
def setback_plans(facts: Facts, today: dt.date) -> list[Action]:
    """A final round recorded (application still open, no setback note yet): offer, once, to write
    what you'd do if it's a no."""
    finals = _frame(facts, "finals")
    actions = []
    for row in finals.itertuples():
        actions.append(
            Action(
                rule_key=f"setback-plan:{row.application_id}",
                kind="setback",
                title=f"A final round at {row.company} — well done",
                detail="If you like: a few words now on what you'd do if it's a no. Optional, and kind to future you.",
                due_on=_day(row.final_on) or today,
                application_id=int(row.application_id),
                target="practice",
                params={"setback": str(row.application_id)},
            )
        )
    return actions
