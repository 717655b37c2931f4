"""A plan for the week: what it holds, whether it is valid, and this week's progress against it.

Pure Python and pandas. Weeks run Monday to Sunday on the calendar date alone (no time zones: a
date is the day the person lived it). A plan holds from the Monday it starts until a newer plan.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import pandas as pd
from pydantic import Field, ValidationError, field_validator, model_validator

from lib.core import vocab
from lib.core.models import MAX_SHORT_TEXT, Model, field_errors
from lib.core.text import plural

MAX_IF_THEN = 3
MAX_SLOTS = 14
MAX_LIST = 30
MAX_APPLICATIONS = 100
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The moments an if-then plan can name, and where each is shown back.
MOMENTS: dict[str, str] = {
    "rejection": "I get a “no”",
    "final": "I reach a final round",
    "slot": "a planned slot comes",
    "week": "a new week starts",
    "other": "another moment",
}
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

# The search-quality self-check: four areas in Rebound's own words (not a validated scale).
AREAS: tuple[tuple[str, str], ...] = (
    ("planning", "I set myself goals and planned when to search"),
    ("preparation", "I prepared each application and interview well"),
    ("persistence", "I looked after how I feel and kept going after setbacks"),
    ("learning", "I learned from what happened and changed something"),
)
AREA_NAMES = {
    "planning": "Goals and planning",
    "preparation": "Preparation",
    "persistence": "Feelings and keeping on",
    "learning": "Learning and improving",
}


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week `day` falls in."""
    return day - dt.timedelta(days=day.weekday())


class Slot(Model):
    day: Annotated[int, Field(ge=0, le=6)]
    time: str
    minutes: Annotated[int, Field(ge=5, le=480)] = 60
    what: Annotated[str | None, Field(default=None, max_length=MAX_SHORT_TEXT)] = None

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, value: Any) -> str:
        if isinstance(value, dt.time):
            return f"{value:%H:%M}"
        match = _TIME.match(str(value or "").strip())
        if not match:
            raise ValueError("must be a time like 09:00")
        return f"{int(match.group(1)):02d}:{match.group(2)}"


class IfThen(Model):
    moment: Literal[tuple(MOMENTS)] = "other"  # type: ignore[valid-type]
    when: Annotated[str | None, Field(default=None, max_length=MAX_SHORT_TEXT)] = None  # "If …"
    then: Annotated[str | None, Field(default=None, max_length=MAX_SHORT_TEXT)] = None  # "then I …"

    @field_validator("when", "then", mode="after")
    @classmethod
    def _without_the_frame(cls, value: str | None, info) -> str | None:
        """The words the plan is shown in are not doubled: following the example, "If it is Monday
        9:00," and "then I open …" came back as "If If it is Monday 9:00, then then I open …"."""
        if not value:
            return value
        word = "if" if info.field_name == "when" else "then"
        value = re.sub(rf"^\s*{word}\b[\s,:…]*", "", value, flags=re.IGNORECASE).strip()
        if info.field_name == "when":
            value = value.rstrip(" ,…").strip()
        return value or None

    @model_validator(mode="after")
    def _both(self) -> IfThen:
        if self.when and not self.then:
            raise ValueError("needs a “then”: what will you do at that moment?")
        if self.then and not self.when:
            raise ValueError("needs an “if”: the moment it is for")
        return self


class PlanIn(Model):
    week_start: dt.date
    applications: Annotated[int, Field(ge=0, le=MAX_APPLICATIONS)] = 0
    companies: Annotated[
        list[Annotated[str, Field(max_length=MAX_SHORT_TEXT)]], Field(max_length=MAX_LIST)
    ] = []
    role_families: Annotated[
        list[Annotated[str, Field(max_length=MAX_SHORT_TEXT)]], Field(max_length=MAX_LIST)
    ] = []
    channels: list[Literal[vocab.CHANNELS]] = []  # type: ignore[valid-type]
    slots: Annotated[list[Slot], Field(max_length=MAX_SLOTS)] = []
    if_then: Annotated[list[IfThen], Field(max_length=MAX_IF_THEN)] = []

    @field_validator("week_start")
    @classmethod
    def _monday(cls, value: dt.date) -> dt.date:
        return week_start(value)

    @field_validator("companies", "role_families", mode="before")
    @classmethod
    def _names(cls, value: Any) -> list[str]:
        seen, out = set(), []
        for name in value or []:
            name = " ".join(str(name).split())
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
        return out

    def is_empty(self) -> bool:
        return not (self.applications or self.companies or self.role_families or self.channels or self.slots)


def validate_plan(raw: dict[str, Any]) -> tuple[PlanIn | None, dict[str, str]]:
    """(plan, {field: message}). Blank if-then rows and blank slots are dropped first; an if-then
    with only one half is an error beside that row (`if_then.<n>`)."""
    data = dict(raw)
    data["if_then"] = [
        row
        for row in data.get("if_then") or []
        if (row.get("when") or "").strip() or (row.get("then") or "").strip()
    ]
    data["slots"] = [row for row in data.get("slots") or [] if row.get("day") is not None or row.get("time")]
    errors: dict[str, str] = {}
    for row in data["slots"]:
        if row.get("day") is None or not row.get("time") or not _TIME.match(str(row["time"]).strip()):
            errors["slots"] = "A slot needs a day and a time like 09:00."
    if errors:
        return None, errors
    if len(data["if_then"]) > MAX_IF_THEN:
        errors["if_then"] = f"Keep it to {MAX_IF_THEN} if-then plans: the ones that matter most."
    try:
        plan = PlanIn(**data)
    except ValidationError as exc:
        errors.update(field_errors(exc))
        for error in exc.errors():
            loc = error["loc"]
            if loc and loc[0] == "if_then" and len(loc) >= 2:
                errors[f"if_then.{loc[1]}"] = "This plan " + str(error["msg"]).removeprefix("Value error, ")
            elif loc and loc[0] == "slots" and loc[-1] == "minutes":
                errors["slots"] = "A slot's minutes must be between 5 and 480."
        return None, errors
    if errors:
        return None, errors
    if plan.is_empty() and not plan.if_then:
        return None, {"form": "The plan is empty: add a number of applications, a slot, or an if-then plan."}
    return plan, {}


def slot_dates(slots: list[dict[str, Any]], monday: dt.date) -> list[tuple[dt.datetime, dict[str, Any]]]:
    """Each slot on its day of the week starting `monday`, in time order."""
    out = []
    for slot in slots or []:
        hours, minutes = (int(x) for x in str(slot["time"]).split(":"))
        day = monday + dt.timedelta(days=int(slot["day"]))
        out.append((dt.datetime.combine(day, dt.time(hours, minutes)), slot))
    return sorted(out, key=lambda pair: pair[0])


def slot_label(when: dt.datetime, slot: dict[str, Any]) -> str:
    what = f" — {slot['what']}" if slot.get("what") else ""
    return f"{when:%a %d %b, %H:%M}{what}"


@dataclass(frozen=True)
class WeekProgress:
    monday: dt.date
    plan: dict[str, Any] | None
    applications: int
    follow_ups: int
    practice: int
    goal: int = 0  # the standing weekly goal of Settings (0: none), said while no plan holds

    @property
    def planned(self) -> int:
        return int(self.plan["applications"]) if self.plan else 0

    def sentence(self) -> str:
        """This week in one calm sentence."""
        week = f"This week (from {self.monday:%a %d %b})"
        done = (
            f"{self.applications} application{'s' if self.applications != 1 else ''} sent, "
            f"{self.follow_ups} follow-up{'s' if self.follow_ups != 1 else ''}, "
            f"{self.practice} question{'s' if self.practice != 1 else ''} practised"
        )
        # a row of zeros, read the week of a "no", scolds: said in words, the goal beside it; and
        # not "nothing logged", the week an interview and its debrief were
        quiet = not (self.applications or self.follow_ups or self.practice)
        none_yet = "no application, follow-up or practice yet"
        if self.plan is None and self.goal:
            if quiet:
                return (
                    f"{week}: {none_yet}; you aim for {self.goal} applications a week (Settings). "
                    "No plan yet — the strategy review ends with one."
                )
            sent, rest = done.split(", ", 1)
            aim = f"{sent} of the {self.goal} a week you aim for (Settings)"
            return f"{week}: {aim}, {rest}. No plan yet — the strategy review ends with one."
        if self.plan is None:
            done = none_yet if quiet else done
            return f"{week}: {done}. No plan yet — the strategy review ends with one."
        if self.planned == 0:
            return f"{week}: {done}. Your plan has no applications this week; that's a choice, and fine."
        return f"{week}: {self.applications} of {plural(self.planned, 'planned application')} sent; {done.split(', ', 1)[1]}."


def plan_for(plans: pd.DataFrame, day: dt.date) -> dict[str, Any] | None:
    """The plan holding on `day`: the newest one whose week starts on or before `day`'s Monday."""
    if plans.empty:
        return None
    monday = pd.Timestamp(week_start(day))
    starts = pd.to_datetime(plans["week_start"])
    holding = plans[starts <= monday]
    if holding.empty:
        return None
    holding = holding.assign(_s=pd.to_datetime(holding["week_start"])).sort_values(["_s", "created_at", "id"])
    return holding.drop(columns="_s").iloc[-1].to_dict()


def _in_week(values: pd.Series, monday: dt.date) -> int:
    days = pd.to_datetime(values, errors="coerce").dt.normalize()
    start = pd.Timestamp(monday)
    return int(((days >= start) & (days < start + pd.Timedelta(days=7))).sum())


def week_progress(
    plans: pd.DataFrame,
    applied_on: pd.Series,
    notes_sent_on: pd.Series,
    practised_at: pd.Series,
    day: dt.date,
    goal: int = 0,
) -> WeekProgress:
    """Progress in the week `day` falls in, against the plan holding then, else the weekly `goal`
    (counts by calendar date)."""
    monday = week_start(day)
    return WeekProgress(
        monday=monday,
        plan=plan_for(plans, day),
        applications=_in_week(applied_on, monday),
        follow_ups=_in_week(notes_sent_on, monday),
        practice=_in_week(practised_at, monday),
        goal=goal,
    )


def if_then_for(plan: dict[str, Any] | None, moment: str) -> list[dict[str, str]]:
    """The if-then plans naming `moment` in the plan holding now."""
    if not plan:
        return []
    return [row for row in plan.get("if_then") or [] if row.get("moment") == moment and row.get("then")]


def check_trend(checks: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """The self-check over reviews as a long frame (date, area, score) and one sentence comparing
    the latest check with the one before (None with fewer than two)."""
    columns = ["created_at", "area", "score"]
    if checks.empty:
        return pd.DataFrame(columns=columns), None
    long = checks.melt(
        id_vars=["created_at"], value_vars=[a for a, _ in AREAS], var_name="area", value_name="score"
    )
    long = long.dropna(subset=["score"]).assign(area=lambda f: f["area"].map(AREA_NAMES))
    if len(checks) < 2:
        return long[columns], None
    ordered = checks.sort_values("created_at")
    last, before = ordered.iloc[-1], ordered.iloc[-2]
    ups = [
        AREA_NAMES[a] for a, _ in AREAS if pd.notna(last[a]) and pd.notna(before[a]) and last[a] > before[a]
    ]
    downs = [
        AREA_NAMES[a] for a, _ in AREAS if pd.notna(last[a]) and pd.notna(before[a]) and last[a] < before[a]
    ]
    if not ups and not downs:
        sentence = "Your self-check is the same as last time."
    else:
        parts = []
        if ups:
            parts.append("higher on " + ", ".join(ups).lower())
        if downs:
            parts.append("lower on " + ", ".join(downs).lower() + " — worth a thought, not a worry")
        sentence = "Since your last check you rate yourself " + "; ".join(parts) + "."
    return long[columns], sentence
