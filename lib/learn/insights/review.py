"""Numbers for the strategy review: on track against the weekly goal, where the most traction is."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.core import vocab
from lib.core.text import others
from lib.learn.claims import share_text, wilson_interval
from lib.learn.insights.base import (
    COMPANIES_SHOWN,
    MIN_POINTS,
    TRACTION_RANK,
    Insight,
    _not_enough,
    _plural,
)
from lib.learn.insights.story import _week
from lib.learn.traction.table import CHANNEL_PHRASES
from lib.search.role_families import known_role_families

# --- for the strategy review -----------------------------------------------------------------


def on_track(
    log: pd.DataFrame, events: pd.DataFrame, weekly_goal: int, today: dt.date, weeks: int = 4
) -> Insight:
    """Applications and stage progress per week over the last `weeks` weeks against the weekly goal,
    from the week of the first application on: weeks before the search began are not weeks behind
    (with none logged, nothing is judged and nothing charted)."""
    end = pd.Timestamp(today) - pd.Timedelta(days=today.weekday())
    frame = pd.DataFrame({"week": pd.date_range(end - pd.Timedelta(weeks=weeks - 1), end, freq="7D")})
    started = _week(log["applied_on"]).min() if not log.empty else pd.NaT
    if pd.isna(started):
        goal = f" The weekly goal is {weekly_goal} (Settings)." if weekly_goal > 0 else ""
        return Insight(
            "on_track",
            "Am I on track",
            "No applications logged yet, so nothing to measure: your weeks show here once you add them."
            + goal,
            0,
            frame.iloc[0:0].assign(applications=0, stage_progress=0, goal=weekly_goal),
        )
    frame = frame[frame["week"] >= started].reset_index(drop=True)
    sent = _week(log["applied_on"]).value_counts()
    moved = events[events["kind"].map(vocab.STAGE_RANK).fillna(-1) >= vocab.STAGE_RANK["screen"]]
    progress = _week(moved["occurred_on"]).value_counts()
    frame["applications"] = frame["week"].map(sent).fillna(0).astype(int)
    frame["stage_progress"] = frame["week"].map(progress).fillna(0).astype(int)
    frame["goal"] = weekly_goal
    # The current week is not over: judge on the full weeks before it.
    full = frame.iloc[:-1]
    total = int(frame["applications"].sum())
    steps = int(frame["stage_progress"].sum())
    n = int(full["applications"].sum())
    per_week = full["applications"].mean() if len(full) else 0.0
    pace = f"{per_week:.1f} a week over the last {_plural(len(full), 'full week')}"
    if full.empty:  # the search began this week: no full week to judge yet
        goal = f", against the weekly goal of {weekly_goal} (Settings)" if weekly_goal > 0 else ""
        sentence = (
            f"Your search began this week: {_plural(total, 'application')} sent so far{goal}. "
            "A full week is needed before anything is judged."
        )
        return Insight("on_track", "Am I on track", sentence, n, frame)
    if weekly_goal <= 0:
        sentence = f"You sent {pace}. Set a weekly goal to see whether you are on track."
    elif per_week >= weekly_goal:
        sentence = f"On track: {pace}, against the weekly goal of {weekly_goal}."
    else:
        sentence = (
            # "the", not "your": true too of the default nobody chose (it is changed in Settings)
            f"The weekly goal is {weekly_goal} (Settings); so far {pace}. Every application counts, "
            "and so does rest."
        )
    # the weeks by the day they start: "the last 4 weeks" read as 28 days, and disagreed with Home's
    # 30-day count ("1 sent" here, "3 sent" there, of the same three)
    span = (
        f"{weeks} weeks from Mon {frame['week'].iloc[0]:%d %b}"
        if len(frame) == weeks
        else f"{_plural(len(frame), 'week')} since your first application"
    )
    sentence += (
        f" In the {span}: {_plural(total, 'application')} sent, "
        f"and {_plural(steps, 'step')} forward (a screen, an interview or further) across all your "
        "applications, older ones included."
    )
    return Insight("on_track", "Am I on track", sentence, n, frame)


def most_traction(log: pd.DataFrame) -> Insight:
    """Traction rate (reached an interview or later) by channel and by role family (as Home, Traction
    and the report group roles: "Jr. Data Scientist" is a Data Scientist role), groups of 5 or more."""
    ranked = log.assign(
        traction=log["furthest_stage"].map(vocab.STAGE_RANK) >= TRACTION_RANK,
        role_family=known_role_families(log["role"]).to_numpy() if len(log) else [],
    )
    parts = []
    for dimension, label in (("channel", "Channel"), ("role_family", "Role")):
        grouped = (
            ranked.dropna(subset=[dimension])
            .groupby(dimension)["traction"]
            .agg(n="size", traction="sum")
            .reset_index()
            .rename(columns={dimension: "value"})
        )
        grouped.insert(0, "dimension", label)
        parts.append(grouped.sort_values("n", ascending=False).head(COMPANIES_SHOWN))
    frame = pd.concat(parts, ignore_index=True)
    frame["traction"] = frame["traction"].astype(int)
    frame["rate"] = (frame["traction"] / frame["n"]).round(2)
    frame["enough"] = frame["n"] >= MIN_POINTS
    enough = frame[frame["enough"]]
    n = len(log)
    picks, rests_on, all_hold = [], [], True
    for label, word in (("Channel", "{}"), ("Role", "{} roles")):
        part = enough[enough["dimension"] == label]
        if len(part) < 2 or not part["traction"].any():  # "most" compares: two groups of MIN_POINTS
            continue
        low, high = wilson_interval(part["traction"], part["n"])
        ranked_part = part.assign(low=low, high=high).sort_values(["low", "n"], ascending=False)
        best, runner = ranked_part.iloc[0], ranked_part.iloc[1]
        if best["traction"] < MIN_POINTS:  # the lead rests on its interviews: one in 300 is one case
            continue
        rests_on += [int(v) for v in part["n"]]
        value = CHANNEL_PHRASES.get(best["value"], best["value"]) if label == "Channel" else best["value"]
        # as Home says it: a lead whose interval overlaps the next one's may not hold
        holds = best["low"] > runner["high"]
        all_hold = all_hold and bool(holds)
        picks.append(
            f"{word.format(value)}: {share_text(int(best['traction']), int(best['n']))} reached an "
            f"interview (against {others(len(part) - 1, label.lower())} with {MIN_POINTS} applications or more"
            + ("" if holds else "; the intervals overlap, so the lead may not hold")
            + ")"
        )
    if n < MIN_POINTS:
        sentence = _not_enough(n, "application")
    elif not picks:
        sentence = (  # as Home says it (this one read as a garbled list)
            f"Too few yet to tell where traction is strongest: that needs two channels or roles with "
            f"{MIN_POINTS} applications each, and {MIN_POINTS} interviews in the leading one "
            f"(so far {_plural(n, 'application')})."
        )
    else:
        # "Most traction" above "the lead may not hold" said it and took it back: as Home, "so far"
        sentence = ("Most traction: " if all_hold else "Highest so far: ") + "; ".join(picks) + "."
    return Insight("traction", "Where I had the most traction", sentence, n, frame, rests_on=tuple(rests_on))
