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
from lib.search.filters import applied_known
from lib.search.role_families import known_role_families

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


def with_status(
    applications: pd.DataFrame,
    events: pd.DataFrame,
    today: dt.date | None = None,
    ghost_days: int = vocab.DEFAULT_GHOST_DAYS,
) -> pd.DataFrame:
    """Applications with their derived status columns joined on; `last_news_on` (the employer's
    last word: marking one ghosted or withdrawing is not news), `days_silent` and `end_state` as
    every page shows it (see the definitions below). Without `today`, silence makes nothing ghosted: only a
    recorded ending does."""
    status = application_status(applications, events)
    log = applications.merge(status, left_on="id", right_on="application_id", how="left").drop(
        columns="application_id"
    )
    frame = log.set_index("id")[["applied_on", "outcome", "furthest_stage"]].copy()
    frame["applied_on"] = pd.to_datetime(frame["applied_on"], errors="coerce")
    dated = events[["application_id", "kind", "occurred_on"]].copy()
    dated["occurred_on"] = pd.to_datetime(dated["occurred_on"], errors="coerce")
    found = end_states(frame, dated, today, ghost_days)
    log["last_news_on"] = found["last_news_on"].to_numpy()
    log["days_silent"] = found["days_silent"].to_numpy()
    log["end_state"] = found["end_state"].to_numpy()
    return log


def end_states(
    frame: pd.DataFrame, events: pd.DataFrame, today: dt.date | None, ghost_days: int
) -> pd.DataFrame:
    """last_news_on, days_silent, ghosted and end_state for `frame` (indexed by application id,
    with applied_on, outcome and furthest_stage). `events`: application_id, kind, occurred_on (NaT: date unknown).
    One rule for every page, so the log, Home and Traction count the same applications as ghosted."""
    employer = events["kind"].isin(vocab.EMPLOYER_EVENT_KINDS)
    occurred = pd.to_datetime(events["occurred_on"], errors="coerce")  # already dates: no cost
    undated_employer = frame.index.isin(events.loc[employer & occurred.isna(), "application_id"])
    last_employer = occurred[employer].groupby(events.loc[employer, "application_id"]).max()
    silent_since = last_employer.reindex(frame.index).fillna(frame["applied_on"]).where(~undated_employer)
    found = pd.DataFrame(index=frame.index)
    found["last_news_on"] = last_employer.reindex(frame.index)  # the employer's last word, if any
    if today is None:
        found["days_silent"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
    else:
        found["days_silent"] = (pd.Timestamp(today) - silent_since).dt.days.astype("Float64")
    # an offer waits on the person's answer, not the employer's: never ghosted by silence
    still_open = (frame["outcome"] == vocab.OPEN) & ~frame["furthest_stage"].isin(("offer", "accepted"))
    silent_too_long = (found["days_silent"] >= ghost_days).fillna(False).astype(bool)
    found["ghosted"] = (frame["outcome"] == "ghosted") | (still_open & silent_too_long)
    found["end_state"] = np.select(
        [frame["outcome"] != vocab.OPEN, frame["furthest_stage"] == "accepted", found["ghosted"]],
        [frame["outcome"], "accepted", "ghosted"],
        default=vocab.OPEN,
    )
    return found


# --- the traction table: one row per application, everything the charts need -------------------
#
# More definitions (README, "Traction"):
# - response: the employer answered in any way: a screen or later stage, or a rejection. The first
#   such event is the first response; days to first response count from the application date.
# - traction: furthest stage is interview or later.
# - ghosted: recorded as ghosted, or still open (no offer, not accepted) with no employer event for
#   `ghost_days` days or more (counted from the last employer event, else from the application).
#   At exactly `ghost_days` days of silence an application counts as ghosted.
# - end state: how the application ends up: rejected, ghosted, withdrawn, declined, accepted, or
#   open (still in progress).
# - an event whose date is unknown (an imported status with no date of its own) counts for the
#   furthest stage and the outcome, but every date it would decide is unknown: days to first
#   response, days silent (so ghosting by silence) and the day each stage was reached are left
#   empty for that application, and `date_unknown` marks it so pages can say how many were left out.
# - rates come with a 95% Wilson score interval; under MIN_SAMPLE applications a rate is "too few
#   to tell" (NaN in frames), never 0% or 100%.

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
    # a name, not "channels other than …"; and an import with no channel column files its rows
    # there, so it says what it may hold
    "other": "the “other” channel (anything else, or not said)",
}

TABLE_COLUMNS = [
    "id",
    "company",
    "role",
    "role_family",
    "channel",
    "applied_on",
    "applied_known",  # false: applied_on is a stand-in (applied by then), never a bound from below
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
    "first_response_by",  # with first_response_on unknown: the first answer came on or before it
    "days_to_first_response",
    "days_silent",
    "ghosted",
    "last_event_on",
    "date_unknown",
    "reached_screen_on",
    "reached_interview_on",
    "reached_final_on",
    "reached_offer_on",
]


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
    events = events[events["application_id"].isin(apps["id"])]
    undated = events["occurred_on"].isna()

    status = application_status(apps, events).set_index("application_id")
    frame = apps.set_index("id", drop=False)
    frame = frame.join(status, how="left")
    frame["company"] = frame["company"].fillna("Unknown company").astype(str)
    frame["channel"] = frame["channel"].fillna("other").astype(str)
    frame["role_family"] = known_role_families(frame["role"]).to_numpy()
    frame["stage_rank"] = frame["furthest_stage"].map(vocab.STAGE_RANK).fillna(0).astype(int)

    ranks = events["kind"].map(vocab.STAGE_RANK)
    employer = events["kind"].isin(vocab.EMPLOYER_EVENT_KINDS)

    def first_known(mask: pd.Series) -> pd.Series:
        """The first day of `mask`'s events, unknown (NaT) when any of them has no date."""
        unsure = frame.index.isin(events.loc[mask & undated, "application_id"])
        return _first_on(events, mask).reindex(frame.index).where(~unsure)

    frame["date_unknown"] = frame.index.isin(events.loc[undated, "application_id"])
    frame["first_response_on"] = first_known(employer)
    dated = events[employer & ~undated]
    frame["first_response_by"] = dated.groupby("application_id")["occurred_on"].min().reindex(frame.index)
    for stage in FUNNEL_STAGES[1:]:
        frame[f"reached_{stage}_on"] = first_known(ranks >= vocab.STAGE_RANK[stage])

    frame["responded"] = frame.index.isin(events.loc[employer, "application_id"])
    frame["traction"] = frame["stage_rank"] >= TRACTION_RANK
    frame["days_to_first_response"] = (
        (frame["first_response_on"] - frame["applied_on"]).dt.days.clip(lower=0).astype("Float64")
    )
    frame["applied_known"] = applied_known(frame)
    # from a stand-in date applied, the wait is not known
    frame["days_to_first_response"] = frame["days_to_first_response"].where(frame["applied_known"])
    frame[["days_silent", "ghosted", "end_state"]] = end_states(frame, events, today, ghost_days)[
        ["days_silent", "ghosted", "end_state"]
    ]
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
