"""Practise the questions: the prep sheet, and practice cards scheduled with spaced repetition (fsrs).

Pure Python and pandas around the `fsrs` library. A question rated WEAK_AT or lower becomes a card;
its fsrs state is stored as JSON (fsrs' own Card.to_dict) and read back with Card.from_dict, so a
session can stop anywhere and resume. Times are UTC (fsrs needs aware datetimes); the database keeps
them naive.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from fsrs import Card, Rating, Scheduler

from lib.core.text import fold

WEAK_AT = 3  # questions rated 3 or lower become practice cards
SCHEDULER = Scheduler(enable_fuzzing=False)  # the same answer gives the same next day: testable
GRADES: dict[int, str] = {
    1: "Again — I stumbled",
    2: "Hard — I got there",
    3: "Good — I answered well",
    4: "Easy — it came naturally",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def new_state(card_id: int, now: dt.datetime) -> dict[str, Any]:
    """A fresh card (due now), as stored."""
    return Card(card_id=card_id, due=_aware(now)).to_dict()


def review(state: dict[str, Any], grade: int, now: dt.datetime) -> tuple[dict[str, Any], dt.datetime]:
    """The card after a grade (1 again … 4 easy): (new stored state, next due as naive UTC)."""
    if grade not in GRADES:
        raise ValueError("grade must be 1, 2, 3 or 4")
    card, _log = SCHEDULER.review_card(Card.from_dict(state), Rating(grade), review_datetime=_aware(now))
    return card.to_dict(), card.due.astimezone(dt.UTC).replace(tzinfo=None)


SOON_MINUTES = 15  # a card graded Again or Hard comes back within this: in the same sitting


def comes_back_soon(due: dt.datetime, now: dt.datetime) -> bool:
    return (due - now).total_seconds() / 60 <= SOON_MINUTES


def next_text(due: dt.datetime, now: dt.datetime, offset: dt.timedelta | None = None) -> str:
    """ "in a few minutes", "later today", "tomorrow", "in 4 days (Mon 07 Dec)": the person's days."""
    minutes = (due - now).total_seconds() / 60
    if minutes < 60:
        return "in a few minutes" if minutes <= SOON_MINUTES else "later today"
    offset = local_offset() if offset is None else offset
    day = (due + offset).date()
    days = (day - (now + offset).date()).days
    if days <= 0:
        return "later today"
    return "tomorrow" if days == 1 else f"in {days} days ({day:%a %d %b})"


def queue(
    cards: pd.DataFrame,
    now: dt.datetime,
    interview_on: dt.date | None = None,
    offset: dt.timedelta | None = None,
) -> pd.DataFrame:
    """The cards to practise now, in order.

    Cards whose question was deleted are left out. Without an interview coming: the cards due now,
    earliest due first, weakest rating first among equals. With an interview on `interview_on`
    (today or later): every card due before that day and not yet practised today comes first —
    practising it before the interview beats practising it after — then any other card due now.
    (Once a day: a card just graded "easy" came straight back, and the ready counts never fell.)
    """
    if cards.empty:
        return cards
    live = _live(cards)
    offset = local_offset() if offset is None else offset
    due = _ready_at(live, offset)
    mask = due <= pd.Timestamp(now)
    before = _pulled_forward(live, due, now, interview_on, offset)
    mask = mask | before
    picked = live[mask]
    if picked.empty:
        return picked.reset_index(drop=True)
    picked = picked.assign(
        _before=~before[mask], _due=due[mask], _r=pd.to_numeric(picked["rating"], errors="coerce")
    )
    picked = picked.sort_values(["_before", "_due", "_r", "id"], na_position="last")
    return picked.drop(columns=["_before", "_due", "_r"]).reset_index(drop=True)


def _live(cards: pd.DataFrame) -> pd.DataFrame:
    """The cards still to practise: their question is there, and its latest answer (the same words
    asked again, or the rating edited) was not rated above WEAK_AT. A question answered well since
    rests, its grades kept; a later weak answer brings it back."""
    live = cards["question_id"].notna() & cards["question"].notna()
    if "latest_rating" in cards:
        live &= ~(pd.to_numeric(cards["latest_rating"], errors="coerce") > WEAK_AT)
    return cards[live]


def local_offset() -> dt.timedelta:
    """How far this computer's clock is ahead of UTC: grades are stored in its local time, while
    `due` and `now` are naive UTC."""
    return dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)


def _local_midnight(now: dt.datetime, offset: dt.timedelta, days: int = 0) -> dt.datetime:
    """The start of the person's day (`days` later), in the local time grades are stored in."""
    return dt.datetime.combine((now + offset).date() + dt.timedelta(days=days), dt.time())


def _ready_at(live: pd.DataFrame, offset: dt.timedelta) -> pd.Series:
    """When each card is ready (naive UTC): a card spaced a day or more is ready from the start of its
    day, the person's (graded at 15:46, "in 2 days" was not ready on that morning); one in learning,
    minutes away, at its minute."""
    due = pd.to_datetime(live["due"])
    if "last_review" not in live:
        return due
    graded = pd.to_datetime(live["last_review"]) - offset  # stored in local time
    spaced = ((due - graded) >= pd.Timedelta(hours=20)).fillna(False)
    day_start = (due + offset).dt.floor("D") - offset
    return due.where(~spaced, day_start)


LAST_RUN_DAYS = 1  # the day before an interview and its day: a last run-through of every card


def _last_run(interview_on: dt.date | None, day: dt.date) -> bool:
    """Whether `day` is the eve or the day of the interview: every card is offered once then, one
    due after it too (it was left to its spacing, and the person had nothing to practise the day
    before their interview)."""
    return interview_on is not None and 0 <= (interview_on - day).days <= LAST_RUN_DAYS


def _pulled_forward(
    live: pd.DataFrame, due: pd.Series, now: dt.datetime, interview_on: dt.date | None, offset: dt.timedelta
) -> pd.Series:
    """The cards brought forward for an interview: due before its day, not practised today (the
    person's day: graded at 17:00 in Los Angeles is 01:00 UTC the next day)."""
    if interview_on is None or interview_on < (now + offset).date():  # the person's today
        return pd.Series(False, index=live.index)
    last = (
        pd.to_datetime(live["last_review"]) if "last_review" in live else pd.Series(pd.NaT, index=live.index)
    )
    practised_today = (last >= pd.Timestamp(_local_midnight(now, offset))).fillna(False)
    starts = pd.Timestamp(dt.datetime.combine(interview_on, dt.time()) - offset)  # its morning, in UTC
    before = due < starts
    if _last_run(interview_on, (now + offset).date()):
        before = pd.Series(True, index=live.index)
    return before & ~practised_today


def next_ready(
    cards: pd.DataFrame,
    now: dt.datetime,
    interview_on: dt.date | None = None,
    offset: dt.timedelta | None = None,
) -> dt.datetime | None:
    """When the next card is ready (naive UTC), as `queue` counts: at its due time, or at the start
    of the person's next day for a card practised today that is due before the interview. None
    without a card to wait for."""
    live = _live(cards) if not cards.empty else cards
    if live.empty:
        return None
    offset = local_offset() if offset is None else offset
    due = _ready_at(live, offset)
    if interview_on is not None and interview_on >= (now + offset).date():
        tomorrow = pd.Timestamp(_local_midnight(now, offset, days=1) - offset)
        starts = pd.Timestamp(dt.datetime.combine(interview_on, dt.time()) - offset)
        brought = (due < starts) | _last_run(interview_on, (now + offset).date() + dt.timedelta(days=1))
        due = due.where(~brought, due.clip(upper=tomorrow))
    due = due[due > pd.Timestamp(now)]
    return due.min().to_pydatetime() if not due.empty else None


def due_count(cards: pd.DataFrame, now: dt.datetime, interview_on: dt.date | None = None) -> int:
    return len(queue(cards, now, interview_on))


def prep_sheet(questions: pd.DataFrame) -> pd.DataFrame:
    """The question library as a prep sheet: one row per question however often it was asked
    (grouped by its folded text), with the times asked, where, my latest rating and the latest
    better answer; weakest first (lowest latest rating; unrated last), then most asked."""
    columns = [
        "question",
        "category",
        "asked",
        "companies",
        "where",
        "rating",
        "lowest",
        "better_answer",
        "my_answer",
        "last_asked",
    ]
    if questions.empty:
        return pd.DataFrame(columns=columns)
    frame = questions.assign(
        _key=questions["question"].map(fold),
        _on=pd.to_datetime(questions["occurred_on"], errors="coerce"),
        rating=pd.to_numeric(questions["rating"], errors="coerce"),
    ).sort_values(["_on"], na_position="first")

    for column in ("category", "better_answer", "my_answer"):  # a blank answer is no answer
        text = frame[column]
        frame[column] = text.where(text.notna() & (text.astype(str).str.strip() != ""))
    # Whole-column aggregations ("last" skips missing values): no Python call per question.
    grouped = frame.groupby("_key", sort=False).agg(
        question=("question", "last"),
        category=("category", "last"),
        asked=("question", "size"),
        rating=("rating", "last"),
        lowest=("rating", "min"),
        better_answer=("better_answer", "last"),
        my_answer=("my_answer", "last"),
        last_asked=("_on", "max"),
    )
    places = (
        frame.dropna(subset=["company"])
        .assign(company=lambda f: f["company"].astype(str))
        .drop_duplicates(["_key", "company"])
        .groupby("_key", sort=False)["company"]
        .agg(list)
        .reindex(grouped.index)
    )
    listed = places.map(lambda names: names if isinstance(names, list) else [])
    grouped["companies"] = listed.map(", ".join)
    # the latest first, and how many more: a list of 13 companies did not fit its column
    grouped["where"] = listed.map(
        lambda names: (names[-1] + (f" + {len(names) - 1} more" if len(names) > 1 else "")) if names else ""
    )
    grouped = grouped.astype({"category": object, "better_answer": object, "my_answer": object})
    for column in ("category", "better_answer", "my_answer"):
        grouped[column] = grouped[column].where(grouped[column].notna(), None)
    grouped["rating"] = pd.to_numeric(grouped["rating"], errors="coerce")
    ordered = grouped.sort_values(
        ["rating", "asked", "last_asked"], ascending=[True, False, False], na_position="last"
    )
    return ordered.reset_index(drop=True)[columns]
