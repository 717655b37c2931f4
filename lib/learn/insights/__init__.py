"""What a person's own reflections say about their search: pure pandas, no Streamlit.

Each insight is an `Insight`: one plain sentence (with its sample size) and the small, already
aggregated frame its chart draws. The sentences follow the claim rules in `lib.learn.claims`.
- `base`: the Insight type, shaping the reflections, rank correlation in words;
- `answers`: self-assessment against outcome, where I felt most comfortable, weakest questions;
- `story`: what the "no"s say, mood and momentum, was it for me;
- `targets`: worth another try, the target list's suggestions;
- `review`: on track, where I had the most traction (for the strategy review).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.core import vocab
from lib.learn.insights.answers import comfort_where, self_assessment, weakest_questions
from lib.learn.insights.base import (
    ANSWER_RATINGS,
    COMPANIES_SHOWN,
    MIN_CORRELATION,
    MIN_POINTS,
    MOOD_WEEKS,
    RATINGS,
    SILENT_TRIES,
    TRACTION_RANK,
    Insight,
    reflection_frame,
)
from lib.learn.insights.review import most_traction, on_track
from lib.learn.insights.story import mood_and_momentum, was_it_for_me, what_the_nos_say
from lib.learn.insights.targets import SUGGESTION_ORDER, target_suggestions, worth_another_try

__all__ = [
    "ANSWER_RATINGS",
    "COMPANIES_SHOWN",
    "MIN_CORRELATION",
    "MIN_POINTS",
    "MOOD_WEEKS",
    "RATINGS",
    "SILENT_TRIES",
    "SUGGESTION_ORDER",
    "TRACTION_RANK",
    "Insight",
    "all_insights",
    "comfort_where",
    "mood_and_momentum",
    "most_traction",
    "on_track",
    "reflection_frame",
    "self_assessment",
    "target_suggestions",
    "was_it_for_me",
    "weakest_questions",
    "what_the_nos_say",
    "worth_another_try",
]


def all_insights(
    data: dict[str, pd.DataFrame],
    today: dt.date,
    reapproach_months: int = 3,
    ghost_days: int = vocab.DEFAULT_GHOST_DAYS,
) -> dict[str, Insight]:
    """Every insight of the Insights page from the loaded frames (see lib.store.insight_data.load)."""
    log, events = data["log"], data["events"]
    data = {**data, "reflections": reflection_frame(data["reflections"])}  # parse the answers once
    insights = [
        self_assessment(log, data["reflections"], data["interviews"]),
        comfort_where(log, data["interviews"]),
        weakest_questions(data["questions"]),
        what_the_nos_say(log, data["feedback"], data["reflections"]),
        mood_and_momentum(log, events, data["moods"], data["reflections"], today),
        was_it_for_me(log, data["reflections"], data["interviews"]),
        worth_another_try(log, data["reflections"], data["contacts"], today, reapproach_months),
        target_suggestions(
            log, data["companies"], data["reflections"], data["interviews"], today, ghost_days
        ),
        most_traction(log),
    ]
    return {insight.key: insight for insight in insights}
