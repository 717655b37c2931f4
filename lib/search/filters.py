"""Filtering the application log (pure pandas, so pages stay thin and tests need no UI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib.core.text import fold, plural
from lib.core.vocab import OPEN, OUTCOMES, STAGE_RANK, STAGES, stage_label
from lib.search.companies import company_key

# The outcomes the log shows and filters by: each application's end state (lib.learn.traction's
# end_states: an accepted offer is "accepted", an open application silent for the ghost days
# "ghosted"), so the log counts what Home and Traction count.
SHOWN_OUTCOMES: tuple[str, ...] = (OPEN, *OUTCOMES, "accepted")


@dataclass(frozen=True)
class LogFilter:
    text: str = ""  # matches company or role, case-insensitively
    stages: tuple[str, ...] = ()  # furthest stage in ...
    outcomes: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    applied_from: dt.date | None = None
    applied_to: dt.date | None = None


def _folded(column: pd.Series) -> pd.Series:
    """lib.core.text.fold for a whole column at once."""
    return column.fillna("").str.casefold().str.replace(r"\s+", " ", regex=True).str.strip()


def matches_text(frame: pd.DataFrame, text: str, columns: tuple[str, ...]) -> pd.Series:
    """Rows where any of `columns` contains `text` (case and spacing ignored); all rows for no text."""
    mask = pd.Series(not fold(text), index=frame.index)
    if fold(text):
        for column in columns:
            mask |= _folded(frame[column]).str.contains(fold(text), regex=False)
    return mask


def _same_company(companies: pd.Series, text: str) -> pd.Series:
    """Rows whose company `text` names however it is written ("ACME Inc.", "Acmé" for Acme): the
    picker called them all Acme, and the search found none of them."""
    key = company_key(text) if fold(text) else ""
    if not key:
        return pd.Series(False, index=companies.index)
    names = companies.dropna().unique()
    return companies.isin([n for n in names if isinstance(n, str) and company_key(n) == key])


def _every_word(log: pd.DataFrame, text: str) -> pd.Series:
    """Rows where each word of `text` is in the company or the role ("Acme Data" for a Data Analyst
    at Acme found nothing: no one column holds both)."""
    words = fold(text).split()
    if len(words) < 2:
        return pd.Series(False, index=log.index)
    both = _folded(log["company"]) + " " + _folded(log["role"])
    mask = pd.Series(True, index=log.index)
    for word in words:
        mask &= both.str.contains(word, regex=False)
    return mask


def filter_log(log: pd.DataFrame, f: LogFilter) -> pd.DataFrame:
    """The rows of `log` (applications with status) that pass every filter that is set."""
    mask = pd.Series(True, index=log.index)
    mask &= (
        matches_text(log, f.text, ("company", "role"))
        | _same_company(log["company"], f.text)
        | _every_word(log, f.text)
    )
    if f.stages:
        mask &= log["furthest_stage"].isin(f.stages)
    if f.outcomes:  # as the log shows them
        mask &= log["end_state"].isin(f.outcomes)
    if f.channels:
        mask &= log["channel"].isin(f.channels)
    if f.applied_from:
        mask &= log["applied_on"] >= pd.Timestamp(f.applied_from)
    if f.applied_to:
        mask &= log["applied_on"] <= pd.Timestamp(f.applied_to)
    return log[mask]


def log_bounds(log: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last application dates, or None for an empty log."""
    if log.empty:
        return None
    return log["applied_on"].min().date(), log["applied_on"].max().date()


# The help of the tables' Applied column: why some of its cells are empty.
APPLIED_HELP = (
    "Empty when the file it was imported from had no date applied; the application's page says it "
    "was applied for by the day its answer came."
)


def applied_known(frame: pd.DataFrame) -> pd.Series:
    """Per row, whether `applied_on` is the day applied: false for a stand-in (an import with no
    date applied took the status date, "applied by then"). Rows from before the column: known."""
    if "applied_known" not in frame:
        return pd.Series(True, index=frame.index)
    return frame["applied_known"].fillna(True).astype(bool)


TABLE_COLUMNS = [
    "id",
    "company",
    "role",
    "applied_on",
    "channel",
    "furthest_stage",
    "outcome",
    "last_news_on",
    "resume_version",
]


def latest(log: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """The n most recent applications (the log is kept newest first), stages in words."""
    shown = log.head(n)
    table = shown.reindex(columns=TABLE_COLUMNS)
    table["applied_on"] = table["applied_on"].where(applied_known(shown))  # a stand-in is no date applied
    return table.assign(
        furthest_stage=table["furthest_stage"].map(stage_label), outcome=shown["end_state"].map(stage_label)
    )


def end_state_of(log: pd.DataFrame, application_id: int) -> tuple[str, float | None]:
    """One application's end state as the log shows it, and its days without word from the
    employer (None when unknown); ("open", None) for an id the log doesn't hold."""
    row = log[log["id"] == application_id]
    if row.empty:
        return OPEN, None
    days = row["days_silent"].iloc[0]
    return str(row["end_state"].iloc[0]), None if pd.isna(days) else float(days)


def gone_quiet(log: pd.DataFrame) -> int:
    """Applications nothing ended that count as ghosted by their silence (the ghost days)."""
    return int(((log["end_state"] == "ghosted") & (log["outcome"] == OPEN)).sum())


def stage_counts(log: pd.DataFrame) -> dict[str, int]:
    """How many applications there are, are open, and reached each stage or later."""
    reached = log["furthest_stage"].map(STAGE_RANK)
    counts = {"applications": len(log), "open": int((log["end_state"] == OPEN).sum())}
    counts.update({stage: int((reached >= rank).sum()) for stage, rank in STAGE_RANK.items()})
    return counts


def board_columns(log: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Open applications (not ended, not ghosted) grouped by their current (furthest) stage, most
    recent activity first."""
    open_apps = log[log["end_state"] == OPEN].copy()
    open_apps["activity"] = open_apps["last_event_on"].fillna(open_apps["applied_on"])
    open_apps = open_apps.sort_values("activity", ascending=False)
    return {stage: open_apps[open_apps["furthest_stage"] == stage] for stage in STAGES[:-1]}


@dataclass
class LogView:
    """What the log page draws: counts and only the rows it sends to the browser."""

    total: int  # applications in the log
    matching: int
    table: pd.DataFrame  # the first `limit` matching rows: TABLE_COLUMNS, stages in words
    board: dict[str, pd.DataFrame]  # the first cards of each open stage
    board_counts: dict[str, int]
    gone_quiet: int = 0  # open ones left off the board: no word for the ghost days (shown "Ghosted")


def log_view(log: pd.DataFrame, f: LogFilter, limit: int, cards: int) -> LogView:
    shown = filter_log(log, f)
    columns = board_columns(shown)
    return LogView(
        total=len(log),
        matching=len(shown),
        table=latest(shown, limit),
        board={stage: frame.head(cards) for stage, frame in columns.items()},
        board_counts={stage: len(frame) for stage, frame in columns.items()},
        gone_quiet=gone_quiet(shown),
    )


def match_sentence(view: LogView) -> str:
    """ "12 applications", or with filters that leave some out, "3 of 12 applications match"."""
    if view.matching == view.total:
        return plural(view.total, "application")
    return f"{view.matching:,} of {plural(view.total, 'application')} match"
