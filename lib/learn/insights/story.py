"""Insights on what the "no"s say, mood beside momentum, and why you went for each job."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib.core import vocab
from lib.learn.claims import averages_differ, rate_text, share_text, wilson_interval
from lib.learn.insights.base import (
    MIN_POINTS,
    MOOD_WEEKS,
    TRACTION_RANK,
    Insight,
    _as_list,
    _comfort_by_application,
    _not_enough,
    _plural,
    _stage_rank,
    reflection_frame,
)
from lib.reflect.questionnaires import MOTIVATIONS
from lib.search.filters import applied_known

# --- 4. what the "no"s say -------------------------------------------------------------------


def what_the_nos_say(
    log: pd.DataFrame, feedback: pd.DataFrame, reflections: pd.DataFrame, recent_limit: int = 8
) -> Insight:
    """Feedback themes (overall and by month), "why I think I wasn't chosen", skills to bolster."""
    received = feedback[feedback["received_on"].notna()].copy()
    received["themes"] = received["themes"].map(_as_list)
    themes = received[["received_on", "themes"]].explode("themes").dropna(subset=["themes"])
    counts = themes["themes"].value_counts().rename_axis("theme").reset_index(name="count")
    themes["month"] = pd.to_datetime(themes["received_on"]).dt.to_period("M").dt.to_timestamp()
    by_month = (
        themes.groupby(["month", "themes"])
        .size()
        .reset_index(name="count")
        .rename(columns={"themes": "theme"})
    )

    refl = reflection_frame(reflections)
    companies = log.set_index("id")["company"]
    why = refl.dropna(subset=["why_not_chosen"]).sort_values("created_at", ascending=False)
    why = (
        pd.DataFrame(
            {
                "date": pd.to_datetime(why["created_at"]).dt.date,
                "company": why["application_id"].map(companies),
                "why_not_chosen": why["why_not_chosen"],
            }
        )
        .head(recent_limit)
        .reset_index(drop=True)
    )

    skills = refl[["skills_to_bolster"]].explode("skills_to_bolster").dropna()
    skills["key"] = skills["skills_to_bolster"].str.casefold()
    skill_counts = (
        skills.groupby("key")
        .agg(skill=("skills_to_bolster", "first"), count=("key", "size"))
        .sort_values(["count", "skill"], ascending=[False, True])
        .reset_index(drop=True)
    )
    n_reflections_with_skills = int(refl["skills_to_bolster"].map(bool).sum()) if not refl.empty else 0

    n_feedback = len(received)
    said, counted = [], []
    if n_feedback >= MIN_POINTS and not counts.empty:
        top = _most(counts, "theme")
        counted += [top.count] if top.claimed else []
        said.append(
            f"across {_plural(n_feedback, 'piece')} of feedback, "
            + (
                f"{top.names} {'comes' if top.single else 'come'} up most ({_plural(top.count, 'time')}"
                f"{'' if top.single else ' each'})"
                if top.claimed
                else f"no theme comes up {MIN_POINTS} times yet, so none is called the most common"
            )
        )
    if n_reflections_with_skills >= MIN_POINTS and not skill_counts.empty:
        top = _most(skill_counts, "skill")
        counted += [top.count] if top.claimed else []
        said.append(
            (
                f"the skill you name most often to bolster {'is' if top.single else 'are'} {top.names} "
                f"({top.count} of {n_reflections_with_skills} reflections{'' if top.single else ' each'})"
            )
            if top.claimed
            else f"no skill to bolster is named {MIN_POINTS} times yet, so none is called the most named"
        )
    n = n_feedback + n_reflections_with_skills
    if said:
        sentence = "; ".join(said)
        sentence = sentence[0].upper() + sentence[1:] + "."
        if n_feedback < MIN_POINTS:
            sentence += f" Feedback themes: not enough yet ({n_feedback} received)."
    else:
        sentence = (
            f"Not enough data yet: {_plural(n_feedback, 'piece')} of feedback received and "
            f"{_plural(n_reflections_with_skills, 'reflection')} naming skills; a finding needs {MIN_POINTS}."
        )
    rests_on = (
        tuple(k for k in (n_feedback, n_reflections_with_skills) if k >= MIN_POINTS) + tuple(counted)
        if said
        else ()
    )
    return Insight(
        "nos",
        "What the “no”s say",
        sentence,
        n,
        counts,
        {"by_month": by_month, "why_not_chosen": why, "skills": skill_counts[["skill", "count"]]},
        rests_on=rests_on,
    )


@dataclass(frozen=True)
class _Most:
    names: str  # "technical depth", or "technical depth and communication" for a tie
    count: int
    single: bool
    claimed: bool  # "comes up most" only from MIN_POINTS mentions: 4 against 3 is no finding


def _most(counts: pd.DataFrame, column: str) -> _Most:
    """The most counted of `counts` (sorted, most first), ties named together."""
    count = int(counts["count"].iloc[0])
    tied = counts.loc[counts["count"] == count, column].astype(str).tolist()
    return _Most(" and ".join(tied), count, len(tied) == 1, count >= MIN_POINTS)


# --- 5. mood and momentum --------------------------------------------------------------------


def _week(series: pd.Series) -> pd.Series:
    days = pd.to_datetime(series).dt.normalize()
    return days - pd.to_timedelta(days.dt.weekday, unit="D")


def mood_and_momentum(
    log: pd.DataFrame, events: pd.DataFrame, moods: pd.DataFrame, reflections: pd.DataFrame, today: dt.date
) -> Insight:
    """Weekly mood beside applications sent and steps closer to yes (interview or later); pauses."""
    end = pd.Timestamp(today) - pd.Timedelta(days=today.weekday())
    start = end - pd.Timedelta(weeks=MOOD_WEEKS - 1)
    weeks = pd.DataFrame({"week": pd.date_range(start, end, freq="7D")})
    mood = (
        moods.assign(week=_week(moods["recorded_at"]))
        .groupby("week")["score"]
        .agg(mood="mean", checkins="size")
    )
    # a stand-in day applied (an import with none) says "by then", not the week it was sent
    applied = log["applied_on"].where(applied_known(log))
    sent = _week(applied).value_counts().rename("applications")
    closer = events[events["kind"].map(vocab.STAGE_RANK).fillna(-1) >= TRACTION_RANK]
    steps = _week(closer["occurred_on"]).value_counts().rename("closer_to_yes")
    frame = weeks.set_index("week").join(mood).join(sent).join(steps).reset_index()
    for column in ("checkins", "applications", "closer_to_yes"):
        frame[column] = frame[column].fillna(0).astype(int)
    frame["mood"] = frame["mood"].astype(float).round(2)
    first_activity = frame.index[(frame[["checkins", "applications", "closer_to_yes"]].sum(axis=1) > 0)]
    frame = frame.loc[first_activity.min() :] if len(first_activity) else frame.iloc[0:0]
    frame = frame.reset_index(drop=True)

    refl = reflection_frame(reflections)
    pauses = int(refl["pause_until"].notna().sum())
    n = int(frame["checkins"].sum())
    rests_on: tuple[int, ...] = ()
    if n < MIN_POINTS:
        sentence = _not_enough(n, "mood check-in")
    else:
        rated = frame.dropna(subset=["mood"])
        average = (rated["mood"] * rated["checkins"]).sum() / rated["checkins"].sum()
        sentence = (
            f"Over {_plural(n, 'check-in')} in the last {MOOD_WEEKS} weeks your mood averaged "
            f"{average:.1f} of 5."
        )
        rests_on = (n,)
        with_step, without = rated[rated["closer_to_yes"] > 0], rated[rated["closer_to_yes"] == 0]
        if len(with_step) >= MIN_POINTS and len(without) >= MIN_POINTS:
            rests_on = (n, len(with_step), len(without))
            a, b = with_step["mood"], without["mood"]
            apart = averages_differ(a.mean(), a.std(), len(a), b.mean(), b.std(), len(b))
            sentence += (  # weeks with a check-in only, each week's own average: the bases said
                # "averaged 3.1 a week" read as a count of steps; it is the mood, of 5
                f" Of the {len(rated)} weeks with a check-in, those with a step closer to yes had a mood "
                f"of {a.mean():.1f} of 5 on average ({_plural(len(a), 'week')}), the others {b.mean():.1f} "
                f"({_plural(len(b), 'week')})"
                + (
                    ": a difference beyond what chance easily gives (it goes with the steps; it need "
                    "not come from them)."
                    if apart
                    else ": about the same, within what chance gives."
                )
            )
    sentence += f" Pauses taken after a rejection: {pauses:,}."
    return Insight(
        "mood",
        "Mood and momentum",
        sentence,
        n,
        frame,
        {"pauses": pd.DataFrame({"pauses": [pauses]})},
        rests_on=rests_on,
    )


# --- 6. was it for me ------------------------------------------------------------------------


def was_it_for_me(log: pd.DataFrame, reflections: pd.DataFrame, interviews: pd.DataFrame) -> Insight:
    """How far applications got and how comfortable you were, by why you went for the job."""
    refl = reflection_frame(reflections)
    refl["stage_rank"] = refl["application_id"].map(_stage_rank(log))
    refl["comfort"] = refl["application_id"].map(_comfort_by_application(interviews))
    with_motive = refl.dropna(subset=["motivation"])
    final = vocab.STAGE_RANK["final"]
    frame = (
        with_motive.assign(reached_final=with_motive["stage_rank"] >= final)
        .groupby("motivation")
        .agg(
            n=("application_id", "size"), reached_final=("reached_final", "sum"), comfort=("comfort", "mean")
        )
        .reset_index()
    )
    frame["reached_final"] = frame["reached_final"].astype(int)
    frame["share_final"] = (frame["reached_final"] / frame["n"]).round(2)
    frame["comfort"] = frame["comfort"].round(2)
    frame["enough"] = frame["n"] >= MIN_POINTS
    known = {m: i for i, m in enumerate(MOTIVATIONS)}
    frame = frame.sort_values("motivation", key=lambda s: s.map(known).fillna(len(known))).reset_index(
        drop=True
    )

    answered = refl["still_interested"].dropna()
    not_retry = int((answered == False).sum())  # noqa: E712 (True/False/NaN column)
    n = len(with_motive)
    rests_on: tuple[int, ...] = ()
    enough = frame[frame["enough"]]
    if n < MIN_POINTS:
        sentence = _not_enough(n, "reflection naming a motivation", "reflections naming a motivation")
    elif enough.empty:
        sentence = f"{_plural(n, 'reflection')} with a motivation; no motivation has {MIN_POINTS} yet."
    else:
        rests_on = tuple(int(v) for v in enough["n"])
        shares = "; ".join(
            f"“{r.motivation}” {share_text(r.reached_final, r.n)}" for r in enough.itertuples()
        )
        sentence = (
            f"Across the {_plural(n, 'rejection')} you reflected on, this is how often each reason you "
            f"went for the job led to a final round: {shares}."
        )
        ranked = enough.sort_values("share_final", ascending=False)
        if len(enough) == 1:
            sentence += f" No other motivation has {MIN_POINTS} reflections yet to compare."
        elif ranked["share_final"].iloc[0] == ranked["share_final"].iloc[1]:
            sentence += " No motivation stands out."
        else:  # as Traction says a lead: only when its interval clears the runner-up's
            top, runner = ranked.iloc[0], ranked.iloc[1]
            low, _ = wilson_interval(int(top["reached_final"]), int(top["n"]))
            _, high = wilson_interval(int(runner["reached_final"]), int(runner["n"]))
            sentence += (
                f" Most often when you went for it as “{top['motivation']}”."
                if low > high
                else f" “{top['motivation']}” leads, but the intervals overlap, so the lead may not hold."
            )
    if len(answered) >= MIN_POINTS:
        rests_on = (*rests_on, len(answered))
        sentence += (
            f" Of the {len(answered)} rejections where you answered “Am I still interested in this "
            f"company?”, you said no to {not_retry}: {rate_text(not_retry, len(answered))}."
        )
    return Insight(
        "motivation",
        "Was it for me",
        sentence,
        n,
        frame,
        {"retry": pd.DataFrame({"would_not_retry": [not_retry], "answered": [len(answered)]})},
        rests_on=rests_on,
    )
