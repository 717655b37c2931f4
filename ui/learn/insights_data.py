"""Cached data for the Insights and Strategy review pages: computed once per (database, data
revision, day, settings). A rerun with nothing new reads the revision and copies a few small
aggregated frames out of the cache."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lib.core.db import Engine
from lib.learn import insight_charts, insights
from lib.store import insight_data
from lib.store import strategy as strategy_store
from ui import charts, state

SHOWN = {"reapply": 20, "targets": 200}
NARROW = ("on_track",)  # the weekly goal in a third of the page
BESIDE_TEXT = ("questions",)  # two fifths of the page, beside the answers to practise (cut at 1,280 px)
WIDE = ("self_assessment", "mood", "mood_activity", "motivation", "comfort:Company")  # across the page
CHART_TITLES = {
    "self_assessment": "How you rated yourself, by how far you got",
    "questions": "The kinds of question that went least well",
    "themes": "What the no's were about",
    "themes_by_month": "What the no's were about, month by month",
    "skills": "Skills your reflections named",
    "mood": "Your mood, week by week",
    "mood_activity": "Applications sent and steps closer to yes",
    "motivation": "Why you applied",
    "comfort": "Where you felt at ease",
    "traction": "Where applications got traction",
    "on_track": "Applications per week against your goal",
}


def chart_title(key: str) -> str:
    """ "comfort:Format" -> "Where you felt at ease, by format"."""
    name, _, dimension = key.partition(":")
    return CHART_TITLES.get(name, "") + (f", by {dimension.lower()}" if dimension else "")


def _title_line(key: str) -> int:
    """How many characters of the chart's title one line holds, from how wide the page draws it."""
    if key.startswith(NARROW):
        return 28
    if key in BESIDE_TEXT:
        return 34
    return charts.WIDE_TITLE_LINE if key in WIDE else charts.TITLE_LINE


# shared: the insights are only read (drawn, or a few rows taken), so a rerun takes them as they are
@state.cached(max_entries=8, show_spinner="Reading your reflections…", shared=True)
def _insights(
    engine: Engine, today: dt.date, months: int, ghost_days: int, weekly_goal: int
) -> dict[str, insights.Insight]:
    log, events = state.shared_log_and_events(engine, str(engine.url), state.revision())
    data = {"log": log, "events": events, **insight_data.load_tables(engine)}
    found = insights.all_insights(data, today, months, ghost_days)
    found["on_track"] = insights.on_track(log, events, weekly_goal, today)
    # Per-company lists can run to thousands: keep what a page shows (the sentences keep the counts).
    for key, limit in SHOWN.items():
        found[key] = found[key].top(limit)
    return found


# shared: the prepared charts are only read, so a rerun takes them as they are, not a copy
@state.cached(max_entries=8, shared=True)
def _specs(
    engine: Engine,
    today: dt.date,
    months: int,
    ghost_days: int,
    weekly_goal: int,
    only: tuple[str, ...] | None = None,
) -> dict[str, charts.Prepared]:
    specs = insight_charts.specs(_insights(today, months, ghost_days, weekly_goal), only)
    return {key: charts.prepare(spec, chart_title(key), _title_line(key)) for key, spec in specs.items()}


@state.cached()
def reviews(engine: Engine) -> dict[str, Any]:
    """Saved reviews (newest first), when the last one was saved, and the target list."""
    return {
        "reviews": strategy_store.load_reviews(engine),
        "last_review_at": strategy_store.last_review_at(engine),
        "targets": strategy_store.load_targets(engine),
    }


@state.cached(max_entries=32)
def review(engine: Engine, review_id: int) -> dict[str, Any] | None:
    return strategy_store.get_review(engine, review_id)


def _insight_key(today: dt.date | None) -> tuple:
    chosen = state.settings()
    return (
        today or dt.date.today(),
        chosen["reapproach_months"],
        chosen["ghost_days"],
        chosen["weekly_goal"],
    )


def all_insights(today: dt.date | None = None) -> dict[str, insights.Insight]:
    """Every insight (and "on_track" for the review) of the current data."""
    return _insights(*_insight_key(today))


def chart_specs(
    today: dt.date | None = None, only: tuple[str, ...] | None = None
) -> dict[str, charts.Prepared]:
    """The insights' charts (or those named in `only`), titled and prepared to draw, by name (see
    lib.learn.insight_charts.specs)."""
    return _specs(*_insight_key(today), only)
