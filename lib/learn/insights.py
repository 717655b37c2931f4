"""What a person's own reflections say about their search: pure pandas, no Streamlit.

Each insight is an `Insight`: one plain sentence (with its sample size) and the small, already
aggregated frame its chart draws. Honest numbers (issue 7):
- nothing is claimed from fewer than `MIN_POINTS` data points; such groups stay in the frames
  with `enough = False` so a chart can show them faded, but no sentence uses them;
- a rank correlation is only stated from `MIN_CORRELATION` data points on;
- the wording is "tends to go with", never "causes".

Inputs are the frames from lib.store.insight_data (reflections, interviews, questions, feedback,
mood check-ins, contacts, notes, companies) and the log with status (lib.traction.with_status).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from lib.core import vocab
from lib.core.text import squash
from lib.reflect.questionnaires import MOTIVATIONS  # the rejection bank's choices, in its order

MIN_POINTS = 5
MIN_CORRELATION = 10
SILENT_TRIES = 3  # applications with no reply before a target is suggested for dropping
TRACTION_RANK = vocab.STAGE_RANK["interview"]
MOOD_WEEKS = 52
COMPANIES_SHOWN = 12

RATINGS: dict[str, str] = {
    "comfort": "Comfort in the interview",
    "prepared": "Fully prepared",
    "qualified": "Qualified",
    "heart_in_it": "Heart in it",
    "presented_well": "Presented myself well",
    "dressed_right": "Dressed right",
    "team_fit": "Fit the team",
}
ANSWER_RATINGS = [key for key in RATINGS if key != "comfort"]  # comfort comes from the interviews


@dataclass(frozen=True)
class Insight:
    key: str
    title: str
    sentence: str
    n: int  # the sample size the sentence speaks from
    frame: pd.DataFrame  # what the chart draws (aggregated)
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)
    rows: int | None = None  # rows of the frame before `top` kept the first ones

    @property
    def enough(self) -> bool:
        return self.n >= MIN_POINTS

    @property
    def total_rows(self) -> int:
        return len(self.frame) if self.rows is None else self.rows

    def top(self, limit: int) -> Insight:
        """The same insight keeping only the first `limit` rows of its frame (a page shows no more)."""
        return replace(self, frame=self.frame.head(limit), rows=self.total_rows)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _not_enough(n: int, what: str, many: str | None = None, need: int = MIN_POINTS) -> str:
    return f"Not enough data yet: {_plural(n, what, many)} so far; a finding needs at least {need}."


# --- shaping the inputs ----------------------------------------------------------------------


def reflection_frame(reflections: pd.DataFrame) -> pd.DataFrame:
    """Rejection reflections with their answers as columns (latest one per application).

    Ratings become numbers (NaN when missing), `still_interested` True/False/NaN, lists stay lists.
    A frame already shaped by this function is returned as it is (so callers may shape it once).
    """
    columns = [
        "application_id",
        "created_at",
        "pause_until",
        *ANSWER_RATINGS,
        "motivation",
        "still_interested",
        "why_not_chosen",
        "skills_to_bolster",
    ]
    if "answers" not in reflections.columns and set(columns) <= set(reflections.columns):
        return reflections.copy()
    if reflections.empty:
        return pd.DataFrame(columns=columns)
    rows = reflections.sort_values("created_at").drop_duplicates("application_id", keep="last")
    answers = pd.DataFrame([a if isinstance(a, dict) else {} for a in rows["answers"]], index=rows.index)
    out = rows[["application_id", "created_at", "pause_until"]].copy()
    for key in ANSWER_RATINGS:
        out[key] = pd.to_numeric(answers.get(key), errors="coerce") if key in answers else np.nan
        out.loc[(out[key] < 1) | (out[key] > 5), key] = np.nan
    for key in ("motivation", "why_not_chosen"):
        values = answers[key] if key in answers else pd.Series(None, index=rows.index, dtype=object)
        out[key] = values.where(values.map(lambda v: isinstance(v, str) and bool(v.strip())), None)
    interested = (
        answers["still_interested"] if "still_interested" in answers else pd.Series(None, index=rows.index)
    )
    out["still_interested"] = interested.map(lambda v: v if isinstance(v, bool) else np.nan)
    skills = (
        answers["skills_to_bolster"] if "skills_to_bolster" in answers else pd.Series(None, index=rows.index)
    )
    out["skills_to_bolster"] = skills.map(_as_list)
    return out.reset_index(drop=True)


def _as_list(value) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)):
        return []
    return [squash(v) for v in value if str(v).strip()]


def _comfort_by_application(interviews: pd.DataFrame) -> pd.Series:
    comfort = pd.to_numeric(interviews["comfort"], errors="coerce")
    return comfort.where(comfort.between(1, 5)).groupby(interviews["application_id"]).mean().dropna()


def _stage_rank(log: pd.DataFrame) -> pd.Series:
    return log.set_index("id")["furthest_stage"].map(vocab.STAGE_RANK)


def _spearman(x: pd.Series, y: pd.Series) -> float:
    """Spearman's rank correlation: Pearson's on average ranks (no scipy needed). NaN if flat."""
    rx, ry = x.rank(), y.rank()
    if rx.std() == 0 or ry.std() == 0 or len(rx) < 2:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


def strength(rho: float) -> str:
    size = abs(rho)
    return (
        "no clear" if size < 0.1 else "a weak" if size < 0.3 else "a moderate" if size < 0.5 else "a strong"
    )


def correlation_words(label: str, rho: float, n: int) -> str:
    """A rank correlation said in plain, non-causal words, with its sample size."""
    if n < MIN_CORRELATION:
        return f"{label} — not enough data yet ({n} of {MIN_CORRELATION} needed for a rank correlation)."
    if np.isnan(rho):
        return f"{label} — no correlation to state (every answer or every stage was the same; n = {n})."
    if abs(rho) < 0.1:
        return f"{label} — no clear link with how far you got (rank correlation {rho:+.2f}, n = {n})."
    direction = "getting further" if rho > 0 else "stopping earlier"
    return (
        f"{label} — a higher rating tends to go with {direction}: {strength(rho)} link "
        f"(rank correlation {rho:+.2f}, n = {n})."
    )


# --- 1. self-assessment against outcome ------------------------------------------------------


def self_assessment(log: pd.DataFrame, reflections: pd.DataFrame, interviews: pd.DataFrame) -> Insight:
    """Comfort and the accountability ratings against the furthest stage reached."""
    refl = reflection_frame(reflections).set_index("application_id")
    values = refl[ANSWER_RATINGS].copy()
    values["comfort"] = _comfort_by_application(interviews)
    ranks = _stage_rank(log)
    long = (
        values.rename_axis("application_id")
        .reset_index()
        .melt(id_vars="application_id", var_name="measure", value_name="value")
        .dropna(subset=["value"])
    )
    long["stage_rank"] = long["application_id"].map(ranks)
    long = long.dropna(subset=["stage_rank"])
    long["stage_rank"] = long["stage_rank"].astype(int)

    long["value"] = long["value"].astype(float)
    by_stage = long.groupby(["measure", "stage_rank"])["value"].agg(average="mean", n="size").reset_index()
    by_stage["stage"] = by_stage["stage_rank"].map(dict(enumerate(vocab.STAGES)))
    by_stage["stage_label"] = by_stage["stage"].map(vocab.stage_label)
    by_stage["measure_label"] = by_stage["measure"].map(RATINGS)
    by_stage["average"] = by_stage["average"].round(2)
    by_stage["enough"] = by_stage["n"] >= MIN_POINTS

    rows = []
    for measure, label in RATINGS.items():
        part = long[long["measure"] == measure]
        rho = _spearman(part["value"], part["stage_rank"]) if len(part) >= MIN_CORRELATION else float("nan")
        rows.append(
            {
                "measure": measure,
                "measure_label": label,
                "n": len(part),
                "rho": round(rho, 2),
                "words": correlation_words(label, rho, len(part)),
            }
        )
    correlations = pd.DataFrame(rows, columns=["measure", "measure_label", "n", "rho", "words"])

    n_reflections = int(refl[ANSWER_RATINGS].notna().any(axis=1).sum())
    n = int(long["application_id"].nunique())
    stated = correlations[(correlations["n"] >= MIN_CORRELATION) & correlations["rho"].notna()]
    if n < MIN_POINTS:
        sentence = _not_enough(n, "rated application")
    elif stated.empty:
        sentence = (
            f"{_plural(n, 'application')} rated so far ({_plural(n_reflections, 'reflection')}). "
            f"Rank correlations need at least {MIN_CORRELATION} ratings of one kind: "
            "not enough data yet. The averages by stage are below."
        )
    else:
        top = stated.loc[stated["rho"].abs().idxmax()]
        sentence = f"From {_plural(n, 'rated application')}, the clearest link: " + correlation_words(
            top["measure_label"], top["rho"], int(top["n"])
        )
    return Insight(
        "self_assessment",
        "Self-assessment against outcome",
        sentence,
        n,
        by_stage,
        {"correlations": correlations},
    )


# --- 2. where I felt most comfortable --------------------------------------------------------


def comfort_where(log: pd.DataFrame, interviews: pd.DataFrame) -> Insight:
    """Average comfort by company, round type and interview format."""
    rounds = interviews[["application_id", "round_type", "format", "comfort"]].copy()
    rounds["comfort"] = pd.to_numeric(rounds["comfort"], errors="coerce")
    rounds = rounds[rounds["comfort"].between(1, 5)]
    rounds["company"] = rounds["application_id"].map(log.set_index("id")["company"])
    parts = []
    for dimension, label in (("company", "Company"), ("round_type", "Round type"), ("format", "Format")):
        grouped = (
            rounds.dropna(subset=[dimension])
            .groupby(dimension)["comfort"]
            .agg(average="mean", n="size")
            .reset_index()
            .rename(columns={dimension: "value"})
        )
        grouped = grouped.sort_values(["n", "average"], ascending=False)
        if dimension == "company":
            grouped = grouped.head(COMPANIES_SHOWN)
        grouped.insert(0, "dimension", label)
        parts.append(grouped)
    frame = pd.concat(parts, ignore_index=True)
    frame["average"] = frame["average"].round(2)
    frame["enough"] = frame["n"] >= MIN_POINTS
    n = len(rounds)
    bests = []
    for label, word in (("Format", "{} interviews"), ("Round type", "{} rounds"), ("Company", "at {}")):
        part = frame[(frame["dimension"] == label) & frame["enough"]]
        if not part.empty:
            best = part.loc[part["average"].idxmax()]
            bests.append(
                f"{word.format(best['value'])} ({best['average']:.1f} of 5 over "
                f"{_plural(int(best['n']), 'round')})"
            )
    if n < MIN_POINTS:
        sentence = _not_enough(n, "rated interview round")
    elif not bests:
        sentence = (
            f"{_plural(n, 'round')} rated; no single company, round type or format has "
            f"{MIN_POINTS} rounds yet, so no finding."
        )
    else:
        sentence = (
            f"Across {_plural(n, 'rated round')}, you felt most comfortable in " + "; ".join(bests) + "."
        )
    return Insight("comfort", "Where I felt most comfortable", sentence, n, frame)


# --- 3. my weakest questions -----------------------------------------------------------------


def weakest_questions(questions: pd.DataFrame, practise_limit: int = 8) -> Insight:
    """Question categories by average self-rating (weakest first) and better answers to practise."""
    rated = questions.copy()
    rated["rating"] = pd.to_numeric(rated["rating"], errors="coerce")
    rated = rated[rated["rating"].between(1, 5)]
    rated["category"] = rated["category"].fillna("uncategorised").replace("", "uncategorised")
    frame = (
        rated.groupby("category")["rating"]
        .agg(average="mean", n="size")
        .reset_index()
        .sort_values(["average", "n"], ascending=[True, False])
        .reset_index(drop=True)
    )
    frame["average"] = frame["average"].round(2)
    frame["enough"] = frame["n"] >= MIN_POINTS
    order = {category: i for i, category in enumerate(frame["category"])}
    practise = rated[
        rated["better_answer"].fillna("").str.strip().astype(bool) & (rated["rating"] <= 3)
    ].copy()
    practise["order"] = practise["category"].map(order)
    practise = (
        practise.sort_values(["order", "rating"])
        .drop_duplicates("question")
        .head(practise_limit)[["category", "question", "rating", "better_answer"]]
        .reset_index(drop=True)
    )
    n = len(rated)
    enough = frame[frame["enough"]]
    if n < MIN_POINTS:
        sentence = _not_enough(n, "rated answer")
    elif enough.empty:
        sentence = f"{_plural(n, 'rated answer')}; no category has {MIN_POINTS} answers yet, so no finding."
    else:
        weakest = enough.iloc[0]
        sentence = (
            f"From {_plural(n, 'rated answer')}, your weakest category is {weakest['category']} "
            f"({weakest['average']:.1f} of 5 over {_plural(int(weakest['n']), 'answer')})."
        )
        if len(enough) > 1:
            strongest = enough.iloc[-1]
            sentence += f" Strongest: {strongest['category']} ({strongest['average']:.1f})."
    return Insight("questions", "My weakest questions", sentence, n, frame, {"practise": practise})


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
    said = []
    if n_feedback >= MIN_POINTS and not counts.empty:
        top = counts.iloc[0]
        said.append(
            f"across {_plural(n_feedback, 'piece')} of feedback the theme that comes up most is "
            f"{top['theme']} ({_plural(int(top['count']), 'time')})"
        )
    if n_reflections_with_skills >= MIN_POINTS and not skill_counts.empty:
        top = skill_counts.iloc[0]
        said.append(
            f"the skill you name most often to bolster is {top['skill']} "
            f"({int(top['count'])} of {n_reflections_with_skills} reflections)"
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
    return Insight(
        "nos",
        "What the “no”s say",
        sentence,
        n,
        counts,
        {"by_month": by_month, "why_not_chosen": why, "skills": skill_counts[["skill", "count"]]},
    )


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
    sent = _week(log["applied_on"]).value_counts().rename("applications")
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
    if n < MIN_POINTS:
        sentence = _not_enough(n, "mood check-in")
    else:
        rated = frame.dropna(subset=["mood"])
        average = (rated["mood"] * rated["checkins"]).sum() / rated["checkins"].sum()
        sentence = (
            f"Over {_plural(n, 'check-in')} in the last {MOOD_WEEKS} weeks your mood averaged "
            f"{average:.1f} of 5."
        )
        with_step, without = rated[rated["closer_to_yes"] > 0], rated[rated["closer_to_yes"] == 0]
        if len(with_step) >= MIN_POINTS and len(without) >= MIN_POINTS:
            sentence += (
                f" In weeks with a step closer to yes it averaged {with_step['mood'].mean():.1f} "
                f"({_plural(len(with_step), 'week')}), in other weeks {without['mood'].mean():.1f} "
                f"({_plural(len(without), 'week')})."
            )
    sentence += f" Pauses taken after a rejection: {pauses:,}."
    return Insight(
        "mood", "Mood and momentum", sentence, n, frame, {"pauses": pd.DataFrame({"pauses": [pauses]})}
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
    if n < MIN_POINTS:
        sentence = _not_enough(n, "reflection naming a motivation", "reflections naming a motivation")
    else:
        enough = frame[frame["enough"]]
        if enough.empty:
            sentence = f"{_plural(n, 'reflection')} with a motivation; no motivation has {MIN_POINTS} yet."
        else:
            top = enough[enough["share_final"] == enough["share_final"].max()]
            names = " and ".join(f"“{m}”" for m in top["motivation"])
            counts = "; ".join(f"{r.reached_final} of {r.n}" for r in top.itertuples())
            sentence = (
                f"Of {_plural(n, 'rejection')} you reflected on, those you went for as {names} "
                f"reached the final round most often ({counts})."
            )
    if len(answered):
        sentence += (
            f" You would not retry {not_retry} of the {_plural(len(answered), 'rejection')} where you "
            "answered that question."
        )
    return Insight(
        "motivation",
        "Was it for me",
        sentence,
        n,
        frame,
        {"retry": pd.DataFrame({"would_not_retry": [not_retry], "answered": [len(answered)]})},
    )


# --- 7. worth another try --------------------------------------------------------------------


def worth_another_try(
    log: pd.DataFrame, reflections: pd.DataFrame, contacts: pd.DataFrame, today: dt.date, months: int = 3
) -> Insight:
    """Companies where you reached interview or later, are still interested and know someone.

    `ready` is True once `months` have passed since that application ended; companies with an
    open application are left out (you are already trying).
    """
    columns = [
        "company_id",
        "company",
        "application_id",
        "role",
        "furthest_stage",
        "ended_on",
        "ready_on",
        "ready",
        "contacts",
        "contact_name",
        "reason",
    ]
    refl = reflection_frame(reflections).set_index("application_id")
    ranked = log.assign(stage_rank=log["furthest_stage"].map(vocab.STAGE_RANK))
    open_companies = set(ranked.loc[ranked["outcome"] == vocab.OPEN, "company_id"])
    tried = ranked[
        (ranked["stage_rank"] >= TRACTION_RANK)
        & (ranked["outcome"] != vocab.OPEN)
        & ~ranked["company_id"].isin(open_companies)
    ].copy()
    tried["still_interested"] = tried["id"].map(refl["still_interested"])
    tried["reflected_on"] = tried["id"].map(refl["created_at"])
    # The latest thing you said about the company decides; without a reflection, nothing is claimed.
    said = tried.dropna(subset=["still_interested"]).sort_values("reflected_on")
    latest_said = said.groupby("company_id")["still_interested"].last()
    known = contacts.dropna(subset=["company_id"]).sort_values("name")
    people = known.groupby("company_id")["name"].agg(contacts="size", contact_name="first")
    best = (
        tried.sort_values(["stage_rank", "ended_on"], ascending=[False, False])
        .drop_duplicates("company_id")
        .set_index("company_id")
    )
    best = best[best.index.map(latest_said).fillna(False).astype(bool)].join(people, how="inner")
    if best.empty:
        frame = pd.DataFrame(columns=columns)
    else:
        ended = pd.to_datetime(best["ended_on"])
        frame = pd.DataFrame(
            {
                "company_id": best.index,
                "company": best["company"].to_numpy(),
                "application_id": best["id"].to_numpy(),
                "role": best["role"].to_numpy(),
                "furthest_stage": best["furthest_stage"].to_numpy(),
                "ended_on": ended.dt.date.to_numpy(),
                "ready_on": (ended + pd.DateOffset(months=months)).dt.date.to_numpy(),
                "contacts": best["contacts"].astype(int).to_numpy(),
                "contact_name": best["contact_name"].to_numpy(),
            }
        )
        frame["ready"] = frame["ready_on"] <= today
        frame["reason"] = [
            f"Reached {vocab.stage_label(r.furthest_stage).lower()} as {r.role} (ended {r.ended_on:%d %b %Y}); "
            f"you said you are still interested; you know {_plural(r.contacts, 'person', 'people')} there "
            f"({r.contact_name})"
            + ("." if r.ready else f"; wait until {r.ready_on:%d %b %Y} ({months} months after).")
            for r in frame.itertuples()
        ]
        frame = frame.sort_values(["ready", "ready_on"], ascending=[False, True]).reset_index(drop=True)[
            columns
        ]
    ready = int(frame["ready"].sum()) if len(frame) else 0
    later = len(frame) - ready
    n = int(tried["company_id"].nunique())
    if frame.empty:
        sentence = (
            f"No company yet where you reached an interview, said you are still interested and know "
            f"someone ({_plural(n, 'company', 'companies')} with an interview or later looked at)."
        )
    else:
        sentence = (
            f"{_plural(ready, 'company', 'companies')} worth another try now"
            + (f", {later} more once {months} months have passed" if later else "")
            + f" (from {_plural(n, 'company', 'companies')} where you reached an interview or later)."
        )
    return Insight("reapply", "Worth another try", sentence, n, frame)


# --- 8. target list --------------------------------------------------------------------------

SUGGESTION_ORDER = {"promote": 0, "drop": 1, "keep": 2}


def target_suggestions(
    log: pd.DataFrame,
    companies: pd.DataFrame,
    reflections: pd.DataFrame,
    interviews: pd.DataFrame,
    today: dt.date,
    ghost_days: int = vocab.DEFAULT_GHOST_DAYS,
    silent_tries: int = SILENT_TRIES,
) -> Insight:
    """Promote, keep or drop target companies, each with its reason in data.

    - drop: a target you said you would not retry, or `silent_tries` applications without a reply
      and none reaching an interview;
    - promote: a company (target or not, below high priority) where you reached an interview or
      later and did not say you'd not retry;
    - keep: every other target.
    """
    columns = [
        "company_id",
        "company",
        "target_priority",
        "suggestion",
        "reason",
        "tries",
        "traction",
        "silent",
        "comfort",
        "still_interested",
    ]
    ranked = log.assign(stage_rank=log["furthest_stage"].map(vocab.STAGE_RANK))
    stale = ranked["applied_on"] < pd.Timestamp(today) - pd.Timedelta(days=ghost_days)
    ranked["silent"] = (ranked["stage_rank"] == 0) & (
        (ranked["outcome"] == "ghosted") | ((ranked["outcome"] == vocab.OPEN) & stale)
    )
    ranked["traction"] = ranked["stage_rank"] >= TRACTION_RANK
    per = ranked.groupby("company_id").agg(
        tries=("id", "size"),
        traction=("traction", "sum"),
        silent=("silent", "sum"),
        best=("stage_rank", "max"),
    )
    comfort = _comfort_by_application(interviews)
    per["comfort"] = ranked.assign(comfort=ranked["id"].map(comfort)).groupby("company_id")["comfort"].mean()
    refl = reflection_frame(reflections).dropna(subset=["still_interested"])
    refl["company_id"] = refl["application_id"].map(log.set_index("id")["company_id"])
    per["still_interested"] = refl.sort_values("created_at").groupby("company_id")["still_interested"].last()

    base = companies.set_index("id")[["name", "target_priority"]].join(per, how="left")
    base = base[base["target_priority"].notna() | (base["traction"].fillna(0) > 0)]
    tries, traction, silent = (base[k].fillna(0).astype(int) for k in ("tries", "traction", "silent"))
    interested = base["still_interested"].map(lambda v: v if isinstance(v, bool) else None)
    said_no = interested.map(lambda v: v is False).astype(bool)
    is_target = base["target_priority"].notna()
    suggestion = pd.Series(
        np.select(
            [
                is_target & said_no,
                is_target & (silent >= silent_tries) & (traction == 0),
                (traction > 0) & ~said_no & (~is_target | (base["target_priority"] > 1)),
                is_target,
            ],
            ["drop", "drop", "promote", "keep"],
            default="",
        ),
        index=base.index,
    )
    chosen = suggestion != ""
    rows = []
    for company_id, name, priority, verdict, n_tries, n_traction, n_silent, best, comfort_avg, yes in zip(
        base.index[chosen],
        base["name"][chosen],
        base["target_priority"][chosen],
        suggestion[chosen],
        tries[chosen],
        traction[chosen],
        silent[chosen],
        base["best"][chosen],
        base["comfort"][chosen],
        interested[chosen],
    ):
        facts = [_plural(n_tries, "application")] if n_tries else ["no application yet"]
        if n_traction:
            facts.append(
                f"{n_traction} reached an interview or later "
                f"(furthest: {vocab.stage_label(vocab.STAGES[int(best)]).lower()})"
            )
        if n_silent:
            facts.append(f"{n_silent} without a reply")
        if pd.notna(comfort_avg):
            facts.append(f"comfort {comfort_avg:.1f} of 5")
        if yes is not None:
            facts.append("you said you are still interested" if yes else "you said you would not retry")
        rows.append(
            {
                "company_id": company_id,
                "company": name,
                "target_priority": int(priority) if pd.notna(priority) else None,
                "suggestion": verdict,
                "reason": "; ".join(facts) + ".",
                "tries": n_tries,
                "traction": n_traction,
                "silent": n_silent,
                "comfort": round(float(comfort_avg), 2) if pd.notna(comfort_avg) else None,
                "still_interested": yes,
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    if not frame.empty:
        frame = frame.sort_values(
            ["suggestion", "company"],
            key=lambda s: s.map(SUGGESTION_ORDER) if s.name == "suggestion" else s.str.casefold(),
        ).reset_index(drop=True)
    counts = frame["suggestion"].value_counts()
    n = len(frame)
    if frame.empty:
        sentence = (
            "No target companies yet and no company with an interview: mark targets in the "
            "strategy review to get suggestions."
        )
    else:
        sentence = (
            f"Suggestions for {_plural(n, 'company', 'companies')}: promote {counts.get('promote', 0)}, "
            f"keep {counts.get('keep', 0)}, drop {counts.get('drop', 0)} — each with its reason."
        )
    return Insight("targets", "Target list", sentence, n, frame)


# --- for the strategy review -----------------------------------------------------------------


def on_track(
    log: pd.DataFrame, events: pd.DataFrame, weekly_goal: int, today: dt.date, weeks: int = 4
) -> Insight:
    """Applications and stage progress per week over the last `weeks` weeks against the weekly goal."""
    end = pd.Timestamp(today) - pd.Timedelta(days=today.weekday())
    frame = pd.DataFrame({"week": pd.date_range(end - pd.Timedelta(weeks=weeks - 1), end, freq="7D")})
    sent = _week(log["applied_on"]).value_counts()
    moved = events[events["kind"].map(vocab.STAGE_RANK).fillna(-1) >= vocab.STAGE_RANK["screen"]]
    progress = _week(moved["occurred_on"]).value_counts()
    frame["applications"] = frame["week"].map(sent).fillna(0).astype(int)
    frame["stage_progress"] = frame["week"].map(progress).fillna(0).astype(int)
    frame["goal"] = weekly_goal
    # The current week is not over: judge on the full weeks before it.
    full = frame.iloc[:-1] if len(frame) > 1 else frame
    per_week = full["applications"].mean()
    total = int(frame["applications"].sum())
    steps = int(frame["stage_progress"].sum())
    n = int(full["applications"].sum())
    pace = f"{per_week:.1f} a week over the last {_plural(len(full), 'full week')}"
    if weekly_goal <= 0:
        sentence = f"You sent {pace}. Set a weekly goal to see whether you are on track."
    elif per_week >= weekly_goal:
        sentence = f"On track: {pace}, against your goal of {weekly_goal}."
    else:
        sentence = f"Behind your goal of {weekly_goal} a week: {pace}."
    sentence += (
        f" In the last {weeks} weeks: {_plural(total, 'application')} sent, "
        f"{_plural(steps, 'step')} to a screen or further."
    )
    return Insight("on_track", "Am I on track", sentence, n, frame)


def most_traction(log: pd.DataFrame) -> Insight:
    """Traction rate (reached an interview or later) by channel and by role, groups of 5 or more."""
    ranked = log.assign(traction=log["furthest_stage"].map(vocab.STAGE_RANK) >= TRACTION_RANK)
    parts = []
    for dimension, label in (("channel", "Channel"), ("role", "Role")):
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
    enough = frame[frame["enough"] & (frame["traction"] > 0)]
    n = len(log)
    if n < MIN_POINTS:
        sentence = _not_enough(n, "application")
    elif enough.empty:
        sentence = (
            f"No channel or role with {MIN_POINTS} or more applications has reached an interview yet "
            f"({_plural(n, 'application')})."
        )
    else:
        picks = []
        for label, word in (("Channel", "{} applications"), ("Role", "{} roles")):
            part = enough[enough["dimension"] == label]
            if not part.empty:
                best = part.sort_values(["rate", "n"], ascending=False).iloc[0]
                picks.append(
                    f"{word.format(best['value'])} ({best['traction']} of {best['n']} reached an "
                    f"interview, {best['rate']:.0%})"
                )
        sentence = "Most traction: " + "; ".join(picks) + "."
    return Insight("traction", "Where I had the most traction", sentence, n, frame)


def all_insights(
    data: dict[str, pd.DataFrame],
    today: dt.date,
    reapproach_months: int = 3,
    ghost_days: int = vocab.DEFAULT_GHOST_DAYS,
) -> dict[str, Insight]:
    """Every insight of the Insights page from the loaded frames (see lib.store.insight_data.load)."""
    log, events = data["log"], data["events"]
    data = {**data, "reflections": reflection_frame(data["reflections"])}  # parse the answers once
    insights = [
        self_assessment(log, data["reflections"], data["interviews"]),
        comfort_where(log, data["interviews"]),
        weakest_questions(data["questions"]),
        what_the_nos_say(log, data["feedback"], data["reflections"]),
        mood_and_momentum(log, events, data["moods"], data["reflections"], today),
        was_it_for_me(log, data["reflections"], data["interviews"]),
        worth_another_try(log, data["reflections"], data["contacts"], today, reapproach_months),
        target_suggestions(
            log, data["companies"], data["reflections"], data["interviews"], today, ghost_days
        ),
        most_traction(log),
    ]
    return {insight.key: insight for insight in insights}
