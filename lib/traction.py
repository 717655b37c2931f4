"""Where the search gets traction: pure pandas over applications and stage events.

Definitions (PRODUCT.md, "Words we use"):
- furthest stage: the highest stage on the ladder applied < screen < interview < final < offer <
  accepted that an application's events reached. An ending does not move it: a rejection after a
  final round has furthest stage "final" and outcome "rejected".
- outcome: the ending event's kind (rejected, ghosted, withdrawn, declined), else "open".
"""

from __future__ import annotations

import pandas as pd

from lib import vocab

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
