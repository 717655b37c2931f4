"""Write it out: an optional, private writing space — up to five sessions of about 20 minutes on
different days, a short prompt per day. Never analysed: nothing here reads what was written beyond
counting its words for the person's own eyes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

SESSIONS = 5
MINUTES = 20
MAX_TEXT = 200_000  # characters; far beyond 20 minutes of typing
PROMPTS: tuple[str, ...] = (
    "Write about what is on your mind in your search — a “no”, a silence, a hope — and what you "
    "hoped for: what happened, and your deepest thoughts and feelings about it. Nobody will read "
    "this. Spelling and order don't matter — just keep writing.",
    "Go back to how it felt. What has it touched in your life — at home, with friends, in how you see "
    "yourself? Write whatever comes.",
    "What does this bring up from before — other times things went differently than you hoped? How "
    "are those times connected to now, if they are?",
    "What have you been carrying about this that you haven't said to anyone? Write it here, as openly "
    "as you can.",
    "Looking at all of it: what do you understand now that you didn't at the start? What do you want "
    "to take with you into what comes next?",
)
_WORD = re.compile(r"\w+", re.UNICODE)


def word_count(text: str | None) -> int:
    return len(_WORD.findall(text or ""))


def prompt(number: int) -> str:
    return PROMPTS[min(max(number, 1), SESSIONS) - 1]


@dataclass(frozen=True)
class Next:
    """What the writing page offers now."""

    kind: str  # "continue" (a draft), "new", "done_today", "all_done"
    number: int  # the session it is about (1..5)
    session_id: int | None = None


def next_session(sessions: pd.DataFrame, today: dt.date) -> Next:
    """A draft is always continued (whatever day it was started); otherwise a new session, once a
    day, up to five. `sessions` has id, number, started_at, finished_at."""
    if sessions.empty:
        return Next("new", 1)
    drafts = sessions[sessions["finished_at"].isna()]
    if not drafts.empty:
        row = drafts.sort_values("number").iloc[0]
        return Next("continue", int(row["number"]), int(row["id"]))
    finished = sessions.dropna(subset=["finished_at"])
    done = len(finished)
    if done >= SESSIONS:
        return Next("all_done", SESSIONS)
    days = pd.to_datetime(finished["finished_at"]).dt.date
    if (days == today).any():
        return Next("done_today", done)
    return Next("new", done + 1)


def timer_text(seconds: float) -> str:
    """A gentle timer: minutes so far; past twenty minutes, permission to stop (or go on)."""
    minutes = int(max(seconds, 0) // 60)
    if minutes < MINUTES:
        return f"{minutes} of about {MINUTES} minutes"
    return f"{minutes} minutes — that's the twenty. Finish your thought, or keep going if it helps."
