"""Insights from your own answers: self-assessment against outcome, comfort, weakest questions."""

from __future__ import annotations

import pandas as pd

from lib.core import vocab
from lib.core.text import others
from lib.learn.claims import Claim, averages_differ, correlation, correlation_claim
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
    _stage_rank,
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
        # Only stages with MIN_POINTS ratings of this kind take part: no link rests on 3 final rounds.
        sizes = part["stage_rank"].value_counts()
        kept = sizes[sizes >= MIN_POINTS]
        used = part[part["stage_rank"].isin(kept.index)] if len(kept) >= 2 else part.iloc[0:0]
        found = correlation(used["value"], used["stage_rank"])
        claim = correlation_claim(label, found) if len(kept) >= 2 else _too_few_stages(label, part, sizes)
        rows.append(
            {
                "measure": measure,
                "measure_label": label,
                "n": len(part),
                "rho": round(found.rho, 2),
                "low": round(found.low, 2),
                "high": round(found.high, 2),
                "link": found.is_link,
                "words": claim.text,
                "rests_on": tuple(int(v) for v in kept.sort_index()) if claim.claims_something else (),
            }
        )
    correlations = pd.DataFrame(
        rows, columns=["measure", "measure_label", "n", "rho", "low", "high", "link", "words", "rests_on"]
    )

    n_reflections = int(refl[ANSWER_RATINGS].notna().any(axis=1).sum())
    n = int(long["application_id"].nunique())
    links = correlations[correlations["link"]]
    rests_on: tuple[int, ...] = ()
    if n < MIN_POINTS:
        sentence = _not_enough(n, "rated application")
    elif links.empty:
        sentence = (
            f"{_plural(n, 'application')} rated so far ({_plural(n_reflections, 'reflection')}); no clear "
            f"link yet between a rating and how far you got. A link needs {MIN_CORRELATION} ratings of one "
            f"kind, at least {MIN_POINTS} at each of two stages, and a pattern too strong for chance alone."
        )
    else:
        top = links.loc[links["rho"].abs().idxmax()]
        rests_on = top["rests_on"]
        sentence = f"From {_plural(n, 'rated application')}, the clearest pattern: {top['words']}"
    return Insight(
        "self_assessment",
        "Self-assessment against outcome",
        sentence,
        n,
        by_stage,
        {"correlations": correlations},
        rests_on=rests_on,
    )


def _too_few_stages(label: str, part: pd.DataFrame, sizes: pd.Series) -> Claim:
    if len(part) < MIN_CORRELATION:
        return correlation_claim(label, correlation(part["value"], part["stage_rank"]))
    return Claim(
        f"{label} — not enough data yet: {len(part)} ratings, but fewer than two stages have "
        f"{MIN_POINTS} of them (largest: {int(sizes.max()) if len(sizes) else 0})."
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
            .agg(average="mean", n="size", spread="std")
            .reset_index()
            .rename(columns={dimension: "value"})
        )
        grouped = grouped.sort_values(["n", "average"], ascending=False)
        if dimension == "company":
            grouped = grouped.head(COMPANIES_SHOWN)
        grouped.insert(0, "dimension", label)
        parts.append(grouped)
    frame = pd.concat(parts, ignore_index=True)
    frame["enough"] = frame["n"] >= MIN_POINTS
    n = len(rounds)
    bests, close, rests_on = [], [], []
    kinds = (  # dimension, "most comfortable in …", "… felt about the same", the others' noun
        ("Format", "{} interviews", "{} interviews", ("format",)),
        ("Round type", "{} rounds", "{} rounds", ("round type",)),
        ("Company", "at {}", "rounds at {}", ("company", "companies")),
    )
    for label, word, name, noun in kinds:
        part = frame[(frame["dimension"] == label) & frame["enough"]].sort_values("average", ascending=False)
        if len(part) < 2:  # "most comfortable" compares: two groups of MIN_POINTS at least
            continue
        top, runner = part.iloc[0], part.iloc[1]
        if (part["average"] == top["average"]).all():
            continue  # all the same: nothing stands out
        rests_on += [int(v) for v in part["n"]]
        if not averages_differ(*top[["average", "spread", "n"]], *runner[["average", "spread", "n"]]):
            close.append(  # a lead a few ratings could undo is not a finding
                f"{name.format(top['value'])} {top['average']:.1f} of 5 ({_plural(int(top['n']), 'round')}) "
                f"against {name.format(runner['value'])} {runner['average']:.1f} ({int(runner['n'])})"
            )
            continue
        tied = part[part["average"] == top["average"]]
        bests.append(
            " and ".join(word.format(r.value) for r in tied.itertuples())
            + f" ({top['average']:.1f} of 5 over "
            + ", ".join(_plural(int(v), "round") for v in tied["n"])
            + f"; against {others(len(part) - len(tied), *noun)} "
            + f"with {MIN_POINTS} rounds or more)"
        )
    frame["average"] = frame["average"].round(2)
    frame = frame.drop(columns="spread")
    if n < MIN_POINTS:
        sentence = _not_enough(n, "rated interview round")
    elif not bests and not close:
        sentence = (
            f"{_plural(n, 'round')} rated; no company, round type or format stands out yet (a comparison "
            f"needs two groups of {MIN_POINTS} rounds or more with different averages)."
        )
    elif not bests:
        sentence = (
            f"Across {_plural(n, 'rated round')}, nothing stands out clearly: each lead is within what "
            "chance gives — " + "; ".join(close) + "."
        )
    else:
        sentence = (
            f"Across {_plural(n, 'rated round')}, you felt most comfortable in "
            + "; ".join(bests)
            + "."
            + (" Within chance, so not a finding: " + "; ".join(close) + "." if close else "")
        )
    return Insight("comfort", "Where I felt most comfortable", sentence, n, frame, rests_on=tuple(rests_on))


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
    rests_on: tuple[int, ...] = ()
    if n < MIN_POINTS:
        sentence = _not_enough(n, "rated answer")
    elif enough.empty:
        sentence = f"{_plural(n, 'rated answer')}; no category has {MIN_POINTS} answers yet, so no finding."
    elif len(enough) == 1 or enough["average"].nunique() == 1:
        first = enough.iloc[0]
        rests_on = tuple(int(v) for v in enough["n"])
        sentence = (
            f"From {_plural(n, 'rated answer')}: {first['category']} averages {first['average']:.1f} of 5 "
            f"over {_plural(int(first['n']), 'answer')}"
            + (
                f"; no other category has {MIN_POINTS} answers yet to compare."
                if len(enough) == 1
                else f"; every category with {MIN_POINTS} answers or more averages the same."
            )
        )
    else:
        weakest, strongest = enough.iloc[0], enough.iloc[-1]
        rests_on = tuple(int(v) for v in enough["n"])
        spread = rated.groupby("category")["rating"].std()

        def differ(a: pd.Series, b: pd.Series) -> bool:
            return averages_differ(
                a["average"], spread[a["category"]], a["n"], b["average"], spread[b["category"]], b["n"]
            )

        if not differ(weakest, strongest):  # the ends are within chance: no weakest to name
            sentence = (
                f"From {_plural(n, 'rated answer')}, your categories rate about the same: from "
                f"{weakest['average']:.1f} of 5 ({weakest['category']}, {_plural(int(weakest['n']), 'answer')}) "
                f"to {strongest['average']:.1f} ({strongest['category']}, {int(strongest['n'])}), too close "
                "to single one out."
            )
        else:
            runner = enough.iloc[1]
            sentence = (
                f"From {_plural(n, 'rated answer')}, your weakest category is {weakest['category']} "
                f"({weakest['average']:.1f} of 5 over {_plural(int(weakest['n']), 'answer')}); strongest: "
                f"{strongest['category']} ({strongest['average']:.1f} over {_plural(int(strongest['n']), 'answer')})."
            )
            if runner["category"] != strongest["category"] and not differ(weakest, runner):
                sentence += (
                    f" {runner['category'][0].upper()}{runner['category'][1:]} is about as low "
                    f"({runner['average']:.1f} over {int(runner['n'])}): worth practising both."
                )
    return Insight(
        "questions", "My weakest questions", sentence, n, frame, {"practise": practise}, rests_on=rests_on
    )
