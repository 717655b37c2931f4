"""Insights from your own answers: self-assessment against outcome, comfort, weakest questions."""

from __future__ import annotations

import pandas as pd

from lib.core import vocab
from lib.learn.insights.base import (
    ANSWER_RATINGS,
    COMPANIES_SHOWN,
    MIN_CORRELATION,
    MIN_POINTS,
    RATINGS,
    Insight,
    _comfort_by_application,
    _not_enough,
    _plural,
    _spearman,
    _stage_rank,
    correlation_words,
    reflection_frame,
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
