"""Filtering the application log (pure pandas, so pages stay thin and tests need no UI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from lib.vocab import STAGES


@dataclass
class LogFilter:
    text: str = ""  # matches company or role, case-insensitively
    stages: list[str] = field(default_factory=list)  # furthest stage in ...
    outcomes: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    applied_from: dt.date | None = None
    applied_to: dt.date | None = None


def filter_log(log: pd.DataFrame, f: LogFilter) -> pd.DataFrame:
    """The rows of `log` (applications with status) that pass every filter that is set."""
    mask = pd.Series(True, index=log.index)
    if f.text.strip():
        needle = " ".join(f.text.split()).casefold()
        mask &= log["company"].str.casefold().str.contains(needle, regex=False) | log[
            "role"
        ].str.casefold().str.contains(needle, regex=False)
    if f.stages:
        mask &= log["furthest_stage"].isin(f.stages)
    if f.outcomes:
        mask &= log["outcome"].isin(f.outcomes)
    if f.channels:
        mask &= log["channel"].isin(f.channels)
    if f.applied_from:
        mask &= log["applied_on"] >= pd.Timestamp(f.applied_from)
    if f.applied_to:
        mask &= log["applied_on"] <= pd.Timestamp(f.applied_to)
    return log[mask]


def board_columns(log: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Open applications grouped by their current (furthest) stage, most recent activity first."""
    open_apps = log[log["outcome"] == "open"].copy()
    open_apps["activity"] = open_apps["last_event_on"].fillna(open_apps["applied_on"])
    open_apps = open_apps.sort_values("activity", ascending=False)
    return {stage: open_apps[open_apps["furthest_stage"] == stage] for stage in STAGES[:-1]}
