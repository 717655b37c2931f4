"""The private reads, registered only with --include-reflections: reflections, mood check-ins and
written-out sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from lib.core.db import Engine
from lib.data.mcp.reads import plain, records
from lib.reflect import writing
from lib.reflect.questionnaires import REJECTION, answer_lines
from lib.store import insight_data
from lib.store import reflections as reflection_store
from lib.store import writing as writing_store


def writing_sessions(engine: Engine) -> dict[str, Any]:
    """The person's written-out sessions (private), in order."""
    sessions = writing_store.load_sessions(engine)
    sessions = sessions[sessions["text"].fillna("").str.strip().astype(bool)]
    return {
        "sessions": [
            {
                "session": int(r["number"]),
                "prompt": writing.prompt(int(r["number"])),
                "started_at": plain(r["started_at"]),
                "finished": r["finished_at"] is not None and not pd.isna(r["finished_at"]),
                "text": r["text"],
            }
            for r in sessions.to_dict("records")
        ]
    }


def mood_history(engine: Engine, weeks: int = 12) -> dict[str, Any]:
    moods = reflection_store.load_moods(engine)
    since = pd.Timestamp(dt.date.today() - dt.timedelta(weeks=weeks))
    recent = moods[moods["recorded_at"] >= since].sort_values("recorded_at", ascending=False)
    return {
        "check_ins": records(recent, ["recorded_at", "score", "words", "application_id"]),
        "scale": "1 (low) to 5 (good)",
    }


def reflections(engine: Engine, limit: int = 20) -> dict[str, Any]:
    """The most recent reflections after a rejection, newest first, each with its application."""
    frame = insight_data.load_reflections(engine).sort_values("created_at", ascending=False).head(limit)
    return {
        "reflections": [
            {
                "application_id": int(r["application_id"]),
                "written_on": plain(r["created_at"]),
                "answers": [
                    {"question": line.prompt, "answer": line.text}
                    for line in answer_lines(
                        REJECTION, r["answers"] if isinstance(r["answers"], dict) else {}
                    )
                ],
            }
            for r in frame.to_dict("records")
        ]
    }
