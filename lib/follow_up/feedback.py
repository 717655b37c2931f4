"""What the Feedback page shows, computed from the feedback log in one go (pure pandas)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd


@dataclass
class FeedbackOverview:
    total: int
    waiting: pd.DataFrame  # asked, no answer yet: the first `listed`
    waiting_count: int
    late_count: int  # waiting for longer than the chase threshold
    theme_counts: pd.Series  # theme -> how often, most common first
    shown: pd.DataFrame  # the first `shown_rows`, themes joined as text
    recent: pd.DataFrame  # the first `listed`, for pickers


def feedback_overview(
    items: pd.DataFrame, today: dt.date, chase_after_days: int, shown_rows: int = 1_000, listed: int = 300
) -> FeedbackOverview:
    waiting = items[items["received_on"].isna() & items["asked_on"].notna()]
    threshold = pd.Timestamp(today - dt.timedelta(days=chase_after_days))
    late = waiting[pd.to_datetime(waiting["asked_on"]) < threshold]
    return FeedbackOverview(
        total=len(items),
        waiting=waiting.head(listed),
        waiting_count=len(waiting),
        late_count=len(late),
        theme_counts=items["themes"].explode().dropna().value_counts(),
        shown=items.head(shown_rows).assign(themes=lambda f: f["themes"].map(lambda t: ", ".join(t or []))),
        recent=items.head(listed),
    )
