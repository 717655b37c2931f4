"""Reads what a report may need, through the store, and nothing private that was not chosen."""

from __future__ import annotations

from typing import Any

from lib.core.db import Engine
from lib.learn import traction
from lib.learn.report.options import ReportOptions
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import insight_data
from lib.store import plans as plan_store
from lib.store import reflections as reflection_store
from lib.store import settings as settings_store
from lib.store import strategy as strategy_store
from lib.store import writing as writing_store


def load(engine: Engine, options: ReportOptions) -> dict[str, Any]:
    """The frames the report is built from (lib.learn.report.content.build).

    Mood words, written-out sessions and contact details are read only when the person ticked
    them; reflections' answers feed the insights' counts, their words go in only when ticked.
    """
    events = app_store.load_events(engine)
    applications = app_store.load_applications(engine)
    data: dict[str, Any] = {
        "applications": applications,
        "events": events,
        "log": traction.with_status(applications, events),
        **insight_data.load_tables(engine),
        "questions_asked": reflection_store.load_questions(engine),
        "settings": settings_store.all_settings(engine),
        "review": None,
        "plans": plan_store.load_plans(engine),
    }
    reviews = strategy_store.load_reviews(engine)
    if options.date_to is not None and not reviews.empty:
        reviews = reviews[reviews["created_at"].dt.date <= options.date_to]
    if not reviews.empty:
        data["review"] = strategy_store.get_review(engine, int(reviews.iloc[0]["id"]))
    if "mood" in options.private:
        data["mood_checkins"] = reflection_store.load_moods(engine)
    if "reflections" in options.private:
        data["reflection_answers"] = insight_data.load_reflections(engine)
    if "contacts" in options.private:
        data["contact_details"] = contact_store.load_contacts(engine)
        data["contact_links"] = contact_store.application_links(engine)
    if "writing" in options.private:
        data["writing"] = writing_store.load_sessions(engine)
    return data
