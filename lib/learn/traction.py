"""Where the search gets traction: pure pandas over applications and stage events.

Definitions (docs/product.md, "Words we use"):
- furthest stage: the highest stage on the ladder applied < screen < interview < final < offer <
  accepted that an application's events reached. An ending does not move it: a rejection after a
  final round has furthest stage "final" and outcome "rejected".
- outcome: the ending event's kind (rejected, ghosted, withdrawn, declined), else "open".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.core import vocab
from lib.core.text import fold
from lib.search.role_families import role_families

STATUS_COLUMNS = ["application_id", "furthest_stage", "outcome", "ended_on", "last_event_on"]


def application_status(applications: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per application: furthest stage, outcome, when it ended, its last event date.

    `applications` needs an `id` column; `events` needs application_id, kind, occurred_on.
    """
    ids = applications["id"]
    status = pd.DataFrame({"application_id": ids.to_numpy()})
    if events.empty:
        status["furthest_stage"] = "applied"
        status["outcome"] = vocab.OPEN
        status["ended_on"] = pd.NaT
        status["last_event_on"] = pd.NaT
        return status

    ranks = events["kind"].map(vocab.STAGE_RANK)
    furthest_rank = ranks.groupby(events["application_id"]).max()
    endings = events[events["kind"].isin(vocab.OUTCOMES)].sort_values("occurred_on")
    ending = endings.groupby("application_id").last()
    last_event = events.groupby("application_id")["occurred_on"].max()

    status = status.set_index("application_id", drop=False)
    rank = furthest_rank.reindex(status.index).fillna(0).astype(int)
    status["furthest_stage"] = rank.map(dict(enumerate(vocab.STAGES)))
    status["outcome"] = ending["kind"].reindex(status.index).fillna(vocab.OPEN)
    status["ended_on"] = ending["occurred_on"].reindex(status.index)
    status["last_event_on"] = last_event.reindex(status.index)
    return status.reset_index(drop=True)


def with_status(applications: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Applications with their derived status columns joined on."""
    status = application_status(applications, events)
    return applications.merge(status, left_on="id", right_on="application_id", how="left").drop(
        columns="application_id"
    )


# --- the traction table: one row per application, everything the charts need -------------------
#
# More definitions (README, "Traction"):
# - response: the employer answered in any way: a screen or later stage, or a rejection. The first
#   such event is the first response; days to first response count from the application date.
# - traction: furthest stage is interview or later.
# - ghosted: recorded as ghosted, or still open (not accepted) with no employer event for
#   `ghost_days` days or more (counted from the last employer event, else from the application).
#   At exactly `ghost_days` days of silence an application counts as ghosted.
# - end state: how the application ends up: rejected, ghosted, withdrawn, declined, accepted, or
#   open (still in progress).
# - rates come with a 95% Wilson score interval; under MIN_SAMPLE applications a rate is "too few
#   to tell" (NaN in frames), never 0% or 100%.

MIN_SAMPLE = 5
Z_95 = 1.959963984540054
TOO_FEW = "too few to tell"
FUNNEL_STAGES: tuple[str, ...] = ("applied", "screen", "interview", "final", "offer")
END_STATES: tuple[str, ...] = ("rejected", "ghosted", "withdrawn", "declined", "accepted", vocab.OPEN)
TRACTION_RANK = vocab.STAGE_RANK["interview"]
OTHER_COMPANIES = "All other companies"
CHANNEL_PHRASES = {
    "referral": "referrals",
    "recruiter": "recruiters",
    "job board": "job boards",
    "company site": "company sites",
    "career fair": "career fairs",
    "other": "other channels",
}

TABLE_COLUMNS = [
    "id",
    "company",
    "role",
    "role_family",
    "channel",
    "applied_on",
    "resume_version",
    "work_mode",
    "location",
    "furthest_stage",
    "stage_rank",
    "outcome",
    "end_state",
    "responded",
    "traction",
    "first_response_on",
    "days_to_first_response",
    "days_silent",
    "ghosted",
    "last_event_on",
    "reached_screen_on",
    "reached_interview_on",
    "reached_final_on",
    "reached_offer_on",
]


def wilson_interval(successes, n, z: float = Z_95):
    """The Wilson score interval (low, high) for successes out of n; NaN where n is 0.

    Works on numbers or on arrays/Series of the same shape.
    """
    k = np.asarray(successes, dtype=float)
    total = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / total
        denom = 1 + z**2 / total
        centre = (p + z**2 / (2 * total)) / denom
        half = z * np.sqrt(p * (1 - p) / total + z**2 / (4 * total**2)) / denom
        low, high = np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)
    low = np.where(total > 0, low, np.nan)
    high = np.where(total > 0, high, np.nan)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


def rate_text(successes: int, n: int) -> str:
    """ "40% (95% interval 12–74%)", or "too few to tell" under MIN_SAMPLE."""
    if n < MIN_SAMPLE:
        return TOO_FEW
    low, high = wilson_interval(successes, n)
    return f"{successes / n:.0%} (95% interval {low:.0%}–{high:.0%})"


def _first_on(events: pd.DataFrame, mask: pd.Series) -> pd.Series:
    chosen = events[mask]
    return chosen.groupby("application_id")["occurred_on"].min()


def traction_table(
    applications: pd.DataFrame,
    events: pd.DataFrame,
    today: dt.date,
    ghost_days: int = vocab.DEFAULT_GHOST_DAYS,
) -> pd.DataFrame:
    """One row per application with its furthest stage, end state, response and traction.

    `applications`: id, company, role, channel, applied_on (+ optional resume_version, work_mode,
    location); `events`: application_id, kind, occurred_on. Events may be in any order.
    """
    apps = applications.drop(columns=[c for c in STATUS_COLUMNS[1:] if c in applications])
    for column in ("company", "role", "channel", "resume_version", "work_mode", "location"):
        if column not in apps:
            apps[column] = None
    apps["applied_on"] = pd.to_datetime(apps.get("applied_on"), errors="coerce")
    events = events[["application_id", "kind", "occurred_on"]].copy()
    events["occurred_on"] = pd.to_datetime(events["occurred_on"], errors="coerce")
    events = events[events["application_id"].isin(apps["id"]) & events["occurred_on"].notna()]

    status = application_status(apps, events).set_index("application_id")
    frame = apps.set_index("id", drop=False)
    frame = frame.join(status, how="left")
    frame["company"] = frame["company"].fillna("Unknown company").astype(str)
    frame["channel"] = frame["channel"].fillna("other").astype(str)
    frame["role_family"] = role_families(frame["role"]).to_numpy()
    frame["stage_rank"] = frame["furthest_stage"].map(vocab.STAGE_RANK).fillna(0).astype(int)

    ranks = events["kind"].map(vocab.STAGE_RANK)
    employer = events["kind"].isin(vocab.EMPLOYER_EVENT_KINDS)
    first_response = _first_on(events, employer)
    last_employer = events[employer].groupby("application_id")["occurred_on"].max()
    frame["first_response_on"] = first_response.reindex(frame.index)
    for stage in FUNNEL_STAGES[1:]:
        frame[f"reached_{stage}_on"] = _first_on(events, ranks >= vocab.STAGE_RANK[stage]).reindex(
            frame.index
        )

    frame["responded"] = frame["first_response_on"].notna()
    frame["traction"] = frame["stage_rank"] >= TRACTION_RANK
    frame["days_to_first_response"] = (
        (frame["first_response_on"] - frame["applied_on"]).dt.days.clip(lower=0).astype("Float64")
    )
    silent_since = last_employer.reindex(frame.index).fillna(frame["applied_on"])
    frame["days_silent"] = (pd.Timestamp(today) - silent_since).dt.days.astype("Float64")
    still_open = (frame["outcome"] == vocab.OPEN) & (frame["furthest_stage"] != "accepted")
    silent_too_long = (frame["days_silent"] >= ghost_days).fillna(False).astype(bool)
    frame["ghosted"] = (frame["outcome"] == "ghosted") | (still_open & silent_too_long)
    frame["end_state"] = np.select(
        [frame["outcome"] != vocab.OPEN, frame["furthest_stage"] == "accepted", frame["ghosted"]],
        [frame["outcome"], "accepted", "ghosted"],
        default=vocab.OPEN,
    )
    return frame[TABLE_COLUMNS].reset_index(drop=True)


# --- filters -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TractionFilter:
    applied_from: dt.date | None = None
    applied_to: dt.date | None = None
    channels: tuple[str, ...] = ()
    company: str = ""  # part of a company name, case ignored
    include_open: bool = True  # False: only applications that have ended (ghosted included)


def filter_table(table: pd.DataFrame, f: TractionFilter) -> pd.DataFrame:
    mask = pd.Series(True, index=table.index)
    if f.applied_from:
        mask &= table["applied_on"] >= pd.Timestamp(f.applied_from)
    if f.applied_to:
        mask &= table["applied_on"] <= pd.Timestamp(f.applied_to)
    if f.channels:
        mask &= table["channel"].isin(f.channels)
    needle = fold(f.company)
    if needle:
        mask &= table["company"].str.casefold().str.contains(needle, regex=False)
    if not f.include_open:
        mask &= table["end_state"] != vocab.OPEN
    return table[mask]


# --- aggregates (each small: ready for a chart) ----------------------------------------------

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

    The `top` companies by traction (then by applications) are kept; the rest are summed into
    one "All other companies" row. `order` gives the companies' order (0 = most traction).
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
    ]
    if table.empty:
        return pd.DataFrame(columns=columns)
    per_company = table.groupby("company").agg(total=("id", "size"), traction=("traction", "sum"))
    per_company = per_company.sort_values(["traction", "total"], ascending=False, kind="stable")
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
    return counts.sort_values(["order", "stage_rank"])[columns].reset_index(drop=True)


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
    grouped = grouped.tail(max_periods).reset_index()
    grouped["best_stage"] = grouped["best_rank"].map(dict(enumerate(vocab.STAGES))).map(vocab.stage_label)
    return grouped[columns]


def funnel(table: pd.DataFrame) -> pd.DataFrame:
    """applied → screen → interview → final → offer: how many reached each stage (or later), and
    of those that reached the previous stage, the share that reached this one (NaN: too few)."""
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
            text = f"{conversion:.0%} of the step before"
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
    total = max(len(table), 1)
    frame["share"] = frame["applications"] / total
    return frame[frame["applications"] > 0].reset_index(drop=True)


def response_times(table: pd.DataFrame) -> pd.DataFrame:
    """Days to first response per channel: how many answered, median, quartiles, fastest, slowest."""
    columns = ["channel", "responses", "median", "q1", "q3", "fastest", "slowest"]
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
    return frame.sort_values("median")[columns].reset_index(drop=True)


def still_silent(table: pd.DataFrame, limit: int = 50) -> tuple[pd.DataFrame, int]:
    """Open applications the employer has not answered yet, longest silence first; and how many."""
    silent = table[
        (table["outcome"] == vocab.OPEN) & ~table["responded"] & (table["furthest_stage"] != "accepted")
    ]
    ordered = silent.sort_values("days_silent", ascending=False)
    shown = ordered[["id", "company", "role", "channel", "applied_on", "days_silent", "ghosted"]].head(limit)
    return shown.reset_index(drop=True), len(silent)


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
    out["history"] = (
        ("Applied" + out["applied_on"].dt.strftime(" %d %b %Y").fillna(""))
        .str.cat(out["id"].map(history), sep=" → ", na_rep="")
        .str.removesuffix(" → ")
    )
    out["furthest_stage"] = out["furthest_stage"].map(vocab.stage_label)
    out["end_state"] = out["end_state"].map(
        lambda s: "Still open" if s == vocab.OPEN else vocab.stage_label(s)
    )
    return out.reset_index(drop=True)


# --- the headline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One headline number: the total, and how many happened in the last 30 days vs the 30 before."""

    label: str
    value: str
    last_30: int
    previous_30: int
    help: str


def _in_window(dates: pd.Series, start: pd.Timestamp, end: pd.Timestamp) -> int:
    return int(((dates >= start) & (dates <= end)).sum())


def strongest_sentence(table: pd.DataFrame) -> str:
    """One honest sentence naming where traction is strongest (by the interval's lower bound)."""
    if table.empty:
        return "Log a few applications and their answers to see where your search gets traction."
    if not table["traction"].any():
        return "No application has reached an interview yet; every answer you record shows where to aim next."
    best = None
    for column, kind in (("channel", "through"), ("role_family", "for"), ("company", "at")):
        rates = rates_by(table, column)
        rates = rates[rates["enough"] & (rates["traction"] > 0)]
        if not rates.empty:
            top = rates.iloc[0]
            if best is None or top["traction_low"] > best[0]["traction_low"]:
                best = (top, kind, column)
    if best is None:
        return (
            f"{int(table['traction'].sum())} of {len(table)} applications reached an interview; "
            f"too few in any one channel, role or company to tell where traction is strongest."
        )
    row, kind, column = best
    where = row["group"]
    if column == "channel":
        where = CHANNEL_PHRASES.get(where, where)
    hits, n = int(row["traction"]), int(row["applications"])
    return (
        f"Traction is strongest {kind} {where}: {hits} of {n} applications reached an interview "
        f"or further — {rate_text(hits, n)}."
    )


def headline(table: pd.DataFrame, today: dt.date) -> tuple[list[Figure], str]:
    """Applications, response rate, traction rate, final rounds, offers; and the strongest spot."""
    end = pd.Timestamp(today)
    last = (end - pd.Timedelta(days=29), end)
    before = (end - pd.Timedelta(days=59), end - pd.Timedelta(days=30))
    n = len(table)

    def windows(dates: pd.Series) -> tuple[int, int]:
        return _in_window(dates, *last), _in_window(dates, *before)

    responses, traction = int(table["responded"].sum()), int(table["traction"].sum())
    finals = int(table["reached_final_on"].notna().sum()) if n else 0
    offers = int(table["reached_offer_on"].notna().sum()) if n else 0

    def pct(k: int) -> str:
        return f"{k / n:.0%}" if n >= MIN_SAMPLE else TOO_FEW

    figures = [
        Figure(
            "Applications",
            f"{n:,}",
            *windows(table["applied_on"]),
            "Applications sent; the change counts those sent in the last 30 days.",
        ),
        Figure(
            "Response rate",
            pct(responses),
            *windows(table["first_response_on"]),
            f"{responses:,} of {n:,} got an answer (a screen or later, or a rejection): "
            f"{rate_text(responses, n)}. The change counts first answers received.",
        ),
        Figure(
            "Traction rate",
            pct(traction),
            *windows(table["reached_interview_on"]),
            f"{traction:,} of {n:,} reached an interview or further: {rate_text(traction, n)}. "
            "The change counts first interviews.",
        ),
        Figure(
            "Final rounds",
            f"{finals:,}",
            *windows(table["reached_final_on"]),
            "Applications that reached a final round (a rejection after it still counts).",
        ),
        Figure(
            "Offers",
            f"{offers:,}",
            *windows(table["reached_offer_on"]),
            "Applications that reached an offer.",
        ),
    ]
    return figures, strongest_sentence(table)


# --- everything the Traction page draws, for one set of filters --------------------------------

PICKER_LIMIT = 300  # companies offered in the drill-down picker; the company filter finds the rest
EXTRA_DIMENSIONS = {"resume_version": "Résumé version", "work_mode": "Work mode", "location": "Location"}


@dataclass
class TractionView:
    total: int  # applications before filtering
    matching: int  # applications the filters keep
    responses: int
    traction: int
    companies: list[str]  # companies in view, most applications first, at most PICKER_LIMIT
    company_stages: pd.DataFrame
    channel_rates: pd.DataFrame
    role_rates: pd.DataFrame
    over_time: pd.DataFrame
    funnel: pd.DataFrame
    endings: pd.DataFrame
    response_times: pd.DataFrame
    silent: pd.DataFrame
    silent_count: int
    extra_rates: dict[str, pd.DataFrame]  # only the dimensions that are filled in


def traction_view(table: pd.DataFrame, f: TractionFilter, freq: str = "month") -> TractionView:
    shown = filter_table(table, f)
    silent, silent_count = still_silent(shown)
    extra = {column: rates_by(shown, column) for column in EXTRA_DIMENSIONS}
    return TractionView(
        total=len(table),
        matching=len(shown),
        responses=int(shown["responded"].sum()),
        traction=int(shown["traction"].sum()),
        companies=shown["company"].value_counts().index[:PICKER_LIMIT].tolist(),
        company_stages=company_stages(shown),
        channel_rates=rates_by(shown, "channel"),
        role_rates=rates_by(shown, "role_family"),
        over_time=over_time(shown, freq),
        funnel=funnel(shown),
        endings=endings(shown),
        response_times=response_times(shown),
        silent=silent,
        silent_count=silent_count,
        extra_rates={column: rates for column, rates in extra.items() if not rates.empty},
    )


def table_bounds(table: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last application dates, or None when there is no dated application."""
    dates = table["applied_on"].dropna()
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()
