"""What the Feedback page shows, computed from the feedback log in one go (pure pandas)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib.core.models import FeedbackIn
from lib.core.text import short_date

# How feedback was asked for (a person's channels, wider than how news of an ending came).
ASKED_VIA: tuple[str, ...] = ("email", "phone", "LinkedIn", "in person", "portal", "other")


def answered(
    waiting: pd.DataFrame, feedback_id: int, received_on: dt.date, text: str, themes: list[str]
) -> FeedbackIn:
    """The waiting entry `feedback_id` with its answer: what was asked stays as it was."""
    row = waiting.set_index("id").loc[feedback_id]
    return FeedbackIn(
        application_id=int(row["application_id"]),
        contact_id=None if pd.isna(row["contact_id"]) else int(row["contact_id"]),
        asked_on=row["asked_on"],
        asked_via=row["asked_via"],
        received_on=received_on,
        text=text,
        themes=themes,
    )


def waiting_label(row, today: dt.date | None = None) -> str:
    """ "Acme · Analyst · Maya (asked 03 Mar)": one entry still waiting for an answer (a day in
    another year keeps its year: "asked 03 Mar 2025")."""
    return entry_label(row, today or dt.date.today())


def entry_label(row, today: dt.date) -> str:
    """ "Acme · Analyst · Maya (asked 03 Mar)": any entry, as the one to delete is picked (two
    people's answers about one application read alike without the name)."""
    who = f" · {row.contact_name}" if isinstance(row.contact_name, str) else ""
    asked = short_date(row.asked_on, today) if not pd.isna(row.asked_on) and row.asked_on else "—"
    return f"{row.company} · {row.role}{who} (asked {asked})"


@dataclass
class FeedbackOverview:
    total: int
    waiting: pd.DataFrame  # asked, no answer yet: the first `listed`
    waiting_count: int
    late_count: int  # waiting for longer than the chase threshold
    theme_counts: pd.Series  # theme -> how often, most common first
    shown: pd.DataFrame  # the first `shown_rows`, themes joined as text
    recent: pd.DataFrame  # the first `listed`, for pickers
    waiting_labels: dict[int, str]  # id -> waiting_label, for `waiting`
    recent_labels: dict[int, str]  # id -> "Acme · Analyst (asked 01 Mar)", for `recent`


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
        waiting_labels={int(r.id): waiting_label(r, today) for r in waiting.head(listed).itertuples()},
        recent_labels={int(r.id): entry_label(r, today) for r in items.head(listed).itertuples()},
    )
