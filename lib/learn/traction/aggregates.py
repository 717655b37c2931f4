"""Traction aggregates: each small, ready for a chart (rates with intervals, stages, funnel, times)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.core import vocab
from lib.learn.claims import MIN_CASES as MIN_SAMPLE
from lib.learn.claims import TOO_FEW, share_text, wilson_interval
from lib.learn.traction.table import END_STATES, FUNNEL_STAGES, OTHER_COMPANIES

RATE_COLUMNS = [
    "group",
    "applications",
    "responses",
    "traction",
    "response_rate",
    "response_low",
    "response_high",
    "traction_rate",
    "traction_low",
    "traction_high",
    "enough",
]


def rates_by(table: pd.DataFrame, column: str, limit: int = 30) -> pd.DataFrame:
    """Response and traction rates per value of `column`, with Wilson intervals.

    Rates are NaN (too few to tell) under MIN_SAMPLE applications. Groups are ordered by traction
    rate's lower bound, then size; beyond `limit` groups the smallest are left out. Rows with an
    empty value are left out.
    """
    values = table[column]
    present = table[values.notna() & (values.astype(str).str.strip() != "")]
    if present.empty:
        return pd.DataFrame(columns=RATE_COLUMNS)
    grouped = present.groupby(present[column].astype(str), sort=False).agg(
        applications=("id", "size"), responses=("responded", "sum"), traction=("traction", "sum")
    )
    grouped.index.name = "group"
    grouped = grouped.reset_index()
    n = grouped["applications"]
    enough = n >= MIN_SAMPLE
    for name, hits in (("response", grouped["responses"]), ("traction", grouped["traction"])):
        low, high = wilson_interval(hits, n)
        grouped[f"{name}_rate"] = (hits / n).where(enough)
        grouped[f"{name}_low"] = pd.Series(low, index=grouped.index).where(enough)
        grouped[f"{name}_high"] = pd.Series(high, index=grouped.index).where(enough)
    grouped["enough"] = enough
    grouped = grouped.sort_values(
        ["traction_low", "applications", "group"], ascending=[False, False, True], na_position="last"
    )
    if len(grouped) > limit:
        grouped = grouped.sort_values("applications", ascending=False, kind="stable").head(limit)
        grouped = grouped.sort_values(
            ["traction_low", "applications"], ascending=[False, False], na_position="last"
        )
    return grouped[RATE_COLUMNS].reset_index(drop=True)


def company_stages(table: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """How far each company's applications got: one row per (company, furthest stage).

    Companies are ordered by how far their applications got: the furthest stage any of them
    reached, then how many applications, then name. The `top` first are kept; the rest are summed
    into one "All other companies (N)" row, last, marked `grouped` (its `companies` is N; a named
    company's is 1). `order` gives the companies' order (0 = furthest).
    """
    columns = [
        "company",
        "stage",
        "stage_label",
        "stage_rank",
        "applications",
        "company_total",
        "company_traction",
        "order",
        "grouped",
        "companies",
    ]
    if table.empty:
        return pd.DataFrame(columns=columns)
    ranked = table.assign(_rank=table["furthest_stage"].map(vocab.STAGE_RANK))
    per_company = ranked.groupby("company").agg(
        furthest=("_rank", "max"), total=("id", "size"), traction=("traction", "sum")
    )
    per_company = per_company.rename_axis("name").reset_index()
    per_company = per_company.sort_values(
        ["furthest", "total", "name"], ascending=[False, False, True], kind="stable"
    ).set_index("name")
    kept = per_company.index[:top]
    company = table["company"].where(table["company"].isin(kept), OTHER_COMPANIES)
    rest = len(per_company) - len(kept)
    if rest:
        company = company.replace(OTHER_COMPANIES, f"{OTHER_COMPANIES} ({rest:,})")
    counts = (
        pd.DataFrame({"company": company, "stage": table["furthest_stage"]})
        .value_counts()
        .rename("applications")
        .reset_index()
    )
    totals = counts.groupby("company")["applications"].transform("sum")
    traction_by = table.groupby(company)["traction"].sum()
    counts["company_total"] = totals
    counts["company_traction"] = counts["company"].map(traction_by).astype(int)
    order = {name: i for i, name in enumerate(kept)}
    counts["order"] = counts["company"].map(order).fillna(len(kept)).astype(int)
    counts["stage_rank"] = counts["stage"].map(vocab.STAGE_RANK)
    counts["stage_label"] = counts["stage"].map(vocab.stage_label)
    counts["grouped"] = counts["order"] == len(kept)
    counts["companies"] = counts["grouped"].map({True: rest, False: 1}).astype(int)
    return counts.sort_values(["order", "stage_rank"])[columns].reset_index(drop=True)


def grouped_companies(stages: pd.DataFrame) -> tuple[int, int]:
    """How many companies, and applications to them, `company_stages` summed into its last row."""
    if stages.empty or "grouped" not in stages:
        return 0, 0
    rest = stages[stages["grouped"].astype(bool)]
    return (int(rest["companies"].iloc[0]), int(rest["applications"].sum())) if not rest.empty else (0, 0)


def over_time(table: pd.DataFrame, freq: str = "month", max_periods: int = 1_000) -> pd.DataFrame:
    """Applications sent per week or month, and how many of them got a response and traction,
    with the furthest stage any of them reached ("closer to yes")."""
    columns = ["period", "applications", "responses", "traction", "best_rank", "best_stage"]
    dated = table[table["applied_on"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    code = "W-SUN" if freq == "week" else "M"
    period = dated["applied_on"].dt.to_period(code).dt.start_time.rename("period")
    grouped = dated.groupby(period).agg(
        applications=("id", "size"),
        responses=("responded", "sum"),
        traction=("traction", "sum"),
        best_rank=("stage_rank", "max"),
    )
    # every period from the first to the last, an empty one as 0: a line drawn straight across
    # empty months would show a steady search where there was none
    every = pd.period_range(period.min(), period.max(), freq=code).start_time
    grouped = grouped.reindex(every[-max_periods:]).rename_axis("period")
    grouped[["applications", "responses", "traction"]] = (
        grouped[["applications", "responses", "traction"]].fillna(0).astype(int)
    )
    grouped = grouped.reset_index()
    grouped["best_stage"] = (
        grouped["best_rank"].map(dict(enumerate(vocab.STAGES))).map(vocab.stage_label, na_action="ignore")
    )
    return grouped[columns]


def funnel(table: pd.DataFrame) -> pd.DataFrame:
    """applied → screen → interview → final → offer: how many reached each stage (or later), and
    of those that reached the previous stage, the share that reached this one (NaN: too few), said
    with its 95% interval and n ("5 of 7 (71%, 95% interval 36%–92%)"; it was a bare "71%")."""
    rows = []
    previous = None
    for stage in FUNNEL_STAGES:
        reached = int((table["stage_rank"] >= vocab.STAGE_RANK[stage]).sum()) if len(table) else 0
        if previous is None:
            conversion, text = np.nan, ""
        elif previous < MIN_SAMPLE:
            conversion, text = np.nan, TOO_FEW
        else:
            conversion = reached / previous
            text = share_text(reached, previous)
        rows.append(
            {
                "stage": stage,
                "stage_label": vocab.stage_label(stage),
                "stage_rank": vocab.STAGE_RANK[stage],
                "reached": reached,
                "conversion": conversion,
                "conversion_text": text,
            }
        )
        previous = reached
    return pd.DataFrame(rows)


def endings(table: pd.DataFrame) -> pd.DataFrame:
    """Where applications end up: rejected / ghosted / withdrawn / declined / accepted / open."""
    counts = table["end_state"].value_counts().reindex(END_STATES, fill_value=0)
    frame = counts.rename("applications").rename_axis("end_state").reset_index()
    frame["label"] = frame["end_state"].map(
        lambda s: "Still open" if s == vocab.OPEN else vocab.stage_label(s)
    )
    total = len(table)
    # a share only from 5 applications, with its interval: "Rejected 33%" stood on 3
    frame["share"] = frame["applications"] / total if total >= MIN_SAMPLE else np.nan
    frame["share_text"] = [share_text(int(k), total) for k in frame["applications"]]
    return frame[frame["applications"] > 0].reset_index(drop=True)


def response_times(table: pd.DataFrame) -> pd.DataFrame:
    """Days to first response per channel: how many answered, median, quartiles, fastest, slowest."""
    columns = ["channel", "responses", "median", "q1", "q3", "fastest", "slowest", "enough"]
    answered = table[table["days_to_first_response"].notna()]
    if answered.empty:
        return pd.DataFrame(columns=columns)
    days = answered["days_to_first_response"].astype(float)
    grouped = days.groupby(answered["channel"])
    frame = (
        pd.DataFrame(
            {
                "responses": grouped.size(),
                "median": grouped.median(),
                "q1": grouped.quantile(0.25),
                "q3": grouped.quantile(0.75),
                "fastest": grouped.min(),
                "slowest": grouped.max(),
            }
        )
        .rename_axis("channel")
        .reset_index()
    )
    frame["enough"] = frame["responses"] >= MIN_SAMPLE  # fewer: drawn, never summarised
    # nor in the table under the chart: a median of 1 to 4 answers is no finding (fastest and
    # slowest are what happened, and stay)
    frame.loc[~frame["enough"], ["median", "q1", "q3"]] = np.nan
    return frame.sort_values(["enough", "median"], ascending=[False, True])[columns].reset_index(drop=True)


def still_silent(table: pd.DataFrame, limit: int = 50) -> tuple[pd.DataFrame, int, int]:
    """Applications nothing ended and the employer has not answered yet, longest silence first;
    how many; and how many of them count as ghosted by now (silent for the ghost days)."""
    silent = table[
        (table["outcome"] == vocab.OPEN) & ~table["responded"] & (table["furthest_stage"] != "accepted")
    ]
    ordered = silent.sort_values("days_silent", ascending=False)
    shown = ordered[["id", "company", "role", "channel", "applied_on", "days_silent", "ghosted"]].head(limit)
    return shown.reset_index(drop=True), len(silent), int(silent["ghosted"].sum())


def company_applications(
    table: pd.DataFrame, events: pd.DataFrame, company: str, limit: int = 500
) -> pd.DataFrame:
    """One company's applications, newest first, each with its stage history as one line."""
    mine = table[table["company"] == company].sort_values("applied_on", ascending=False).head(limit)
    mine_events = events[events["application_id"].isin(mine["id"])].copy()
    mine_events["occurred_on"] = pd.to_datetime(mine_events["occurred_on"], errors="coerce")
    mine_events = mine_events.sort_values(["occurred_on", "kind"], na_position="last")
    steps = mine_events["kind"].map(vocab.stage_label) + mine_events["occurred_on"].dt.strftime(
        " %d %b %Y"
    ).fillna("")
    history = steps.groupby(mine_events["application_id"]).agg(" → ".join)
    out = mine[["id", "role", "applied_on", "channel", "furthest_stage", "end_state"]].copy()
    by = (~mine["applied_known"]).map({True: " by", False: ""}) if "applied_known" in mine else ""
    out["history"] = (
        ("Applied" + by + out["applied_on"].dt.strftime(" %d %b %Y").fillna(""))
        .str.cat(out["id"].map(history), sep=" → ", na_rep="")
        .str.removesuffix(" → ")
    )
    out["furthest_stage"] = out["furthest_stage"].map(vocab.stage_label)
    out["end_state"] = out["end_state"].map(
        lambda s: "Still open" if s == vocab.OPEN else vocab.stage_label(s)
    )
    return out.reset_index(drop=True)
