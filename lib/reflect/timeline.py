"""Pure pandas for the reflection pages: which applications to offer, the question library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.core import vocab
from lib.core.text import fold
from lib.learn.claims import MIN_CASES
from lib.reflect.rejection import looked_back

UNCATEGORISED = "uncategorised"


def application_choices(log: pd.DataFrame, open_only: bool = False, limit: int = 500) -> dict[int, str]:
    """{application id: "Company — Role (applied 03 Mar 2026)"}, most recent activity first.

    `log` is the application log with status (lib.traction.with_status). Capped at `limit` so a
    selectbox stays light at 10,000 applications; older ones open from the log.
    """
    if log.empty:
        return {}
    frame = log
    if open_only:
        frame = frame[frame["outcome"] == vocab.OPEN]
    activity = (
        frame["last_event_on"].fillna(frame["applied_on"])
        if "last_event_on" in frame
        else frame["applied_on"]
    )
    frame = frame.assign(_activity=pd.to_datetime(activity)).nlargest(limit, "_activity")
    applied = pd.to_datetime(frame["applied_on"]).dt.strftime("%d %b %Y")
    # a stand-in day (an import or an email gave no day applied) is the latest it can be: "by"
    if "applied_known" in frame:
        applied = applied.where(frame["applied_known"].fillna(True).astype(bool), "by " + applied)
    labels = frame["company"].astype(str) + " — " + frame["role"].astype(str) + " (applied " + applied + ")"
    return dict(zip(frame["id"].astype(int).tolist(), labels.tolist()))


@dataclass(frozen=True)
class LibraryFilter:
    text: str = ""
    categories: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()


def category_summary(questions: pd.DataFrame) -> pd.DataFrame:
    """Per category: times a question of it was asked, the questions rated, and the average of each
    question's latest rating (as the prep sheet and Practise read a question: an answer given well
    since counts, not the old one); weakest first.

    An average is given only from MIN_CASES rated questions (one hard question is a bad day, not a
    weak spot); categories with fewer come after, the most asked first.
    """
    columns = ["category", "asked", "rated", "average_rating"]
    if questions.empty:
        return pd.DataFrame(columns=columns)
    frame = questions.assign(
        category=questions["category"].fillna(UNCATEGORISED),
        rating=pd.to_numeric(questions["rating"], errors="coerce"),
        _same=questions["question"].fillna("").map(fold),
    )
    asked = frame.groupby("category").size().rename("asked")
    rated = frame.dropna(subset=["rating"])
    if "occurred_on" in rated:
        rated = rated.sort_values("occurred_on", kind="stable")
    latest = rated.drop_duplicates(["category", "_same"], keep="last")
    ratings = latest.groupby("category")["rating"].agg(rated="count", average_rating="mean")
    summary = pd.concat([asked, ratings], axis=1).reset_index().rename(columns={"index": "category"})
    summary["rated"] = summary["rated"].fillna(0).astype(int)
    summary["average_rating"] = summary["average_rating"].round(2).where(summary["rated"] >= MIN_CASES)
    return summary.sort_values(
        ["average_rating", "asked"], ascending=[True, False], na_position="last"
    ).reset_index(drop=True)[columns]


def library_view(
    questions: pd.DataFrame, chosen: LibraryFilter, limit: int = 1_000
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(summary by category, matching questions, how many match).

    Questions are ordered weakest category first (of those with an average), then lowest rating
    (unrated after rated), then newest; at most `limit` rows are returned.
    """
    frame = questions
    if chosen.categories:
        frame = frame[frame["category"].fillna(UNCATEGORISED).isin(chosen.categories)]
    if chosen.companies:
        frame = frame[frame["company"].isin(chosen.companies)]
    if chosen.text.strip():
        needle = chosen.text.strip()
        haystack = (
            frame["question"].fillna("")
            + "\n"
            + frame["my_answer"].fillna("")
            + "\n"
            + frame["better_answer"].fillna("")
        )
        frame = frame[haystack.str.contains(needle, case=False, regex=False)]
    summary = category_summary(frame)
    # weakest category first where an average can tell; the others by each question's own rating
    averaged = summary.dropna(subset=["average_rating"])
    order = {category: rank for rank, category in enumerate(averaged["category"])}
    ranked = frame.assign(
        _category_rank=frame["category"].fillna(UNCATEGORISED).map(order).fillna(len(order)),
        _rating=pd.to_numeric(frame["rating"], errors="coerce"),
    ).sort_values(
        ["_category_rank", "_rating", "occurred_on"], ascending=[True, True, False], na_position="last"
    )
    table = ranked.drop(columns=["_category_rank", "_rating"]).head(limit).reset_index(drop=True)
    return summary, table, len(frame)


def library_options(questions: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The categories and companies to filter by."""
    if questions.empty:
        return [], []
    categories = sorted(questions["category"].fillna(UNCATEGORISED).unique().tolist())
    companies = sorted(questions["company"].dropna().unique().tolist(), key=str.casefold)
    return categories, companies


def pause_left(pause_until, now) -> str | None:
    """ "2 days", "5 hours", "40 minutes" left in a pause; None when it is over."""
    if pause_until is None or pd.isna(pause_until):
        return None
    left = pd.Timestamp(pause_until) - pd.Timestamp(now)
    minutes = int(left.total_seconds() // 60)
    if minutes <= 0:
        return None
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} hour{'s' if hours != 1 else ''}"
    days = hours // 24
    return f"{days} days"


# --- an application's debriefs and reflections, in date order ------------------------------------


@dataclass(frozen=True)
class TimelineItem:
    when: dt.date | None
    kind: str  # "debrief" or "reflection"
    title: str
    item: dict[str, Any]


def _when(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def timeline_items(debriefs: list[dict[str, Any]], reflections: list[dict[str, Any]]) -> list[TimelineItem]:
    """Debriefs (dated by the interview) and reflections (dated by the "no"), oldest first; on the
    same day the debrief comes first. A rejection's record not yet looked back at says so."""
    items = []
    for debrief in debriefs:
        when = _when(debrief["occurred_on"]) or _when(debrief["created_at"])
        title = f"Debrief · {(debrief['round_type'] or 'interview').capitalize()} round" + (
            f" · comfort {debrief['comfort']} / 5" if debrief["comfort"] else ""
        )
        items.append((when, 0, TimelineItem(when, "debrief", title, debrief)))
    for reflection in reflections:
        answers = reflection["answers"] or {}
        when = _when(answers.get("rejected_on")) or _when(reflection["created_at"])
        if reflection["bank"] != "rejection":
            title = "Reflection"
        elif looked_back(answers):
            title = "Reflection after the rejection"
        else:
            title = "After the rejection · the pause (look back when you're ready)"
        items.append((when, 1, TimelineItem(when, "reflection", title, reflection)))
    items.sort(key=lambda entry: (entry[0] or dt.date.min, entry[1]))
    return [entry[2] for entry in items]
