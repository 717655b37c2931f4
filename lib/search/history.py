"""One application's stage history: where it stands, what comes next, which round a debrief is of,
and which earlier applications it can be a re-application of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.core import vocab
from lib.core.models import ApplicationIn
from lib.core.text import fold


@dataclass(frozen=True)
class Standing:
    furthest_stage: str
    outcome: str

    @property
    def ended(self) -> bool:
        return self.outcome != vocab.OPEN


def standing(events: pd.DataFrame) -> Standing:
    """Furthest stage on the ladder and how it ended (an ending does not move the furthest stage)."""
    kinds = list(events["kind"]) if not events.empty else []
    reached = [k for k in kinds if k in vocab.STAGE_RANK]
    furthest = max(reached, key=vocab.STAGE_RANK.__getitem__, default="applied")
    endings = events[events["kind"].isin(vocab.OUTCOMES)] if kinds else events
    outcome = endings.sort_values("occurred_on")["kind"].iloc[-1] if not endings.empty else vocab.OPEN
    return Standing(furthest, outcome)


def next_stage(events: pd.DataFrame) -> str:
    """The stage a new event most likely records: the rung after the furthest one reached
    (screen after applying, interview after a screen, final after an interview, ...)."""
    furthest = standing(events).furthest_stage
    rank = min(vocab.STAGE_RANK[furthest] + 1, len(vocab.STAGES) - 1)
    return vocab.STAGES[rank]


# Which stage a debriefed round is: a screen, a final, else an interview round.
ROUND_STAGE = {"screen": "screen", "final": "final"}


def round_stage(round_type: str | None) -> str:
    return ROUND_STAGE.get(round_type or "", "interview")


def round_event(
    events: list[dict[str, Any]], round_type: str | None, occurred_on: dt.date | None, taken: set[int]
) -> dict[str, Any] | None:
    """The recorded stage event a debrief of `round_type` on `occurred_on` is about, if the history
    has one that day no other debrief belongs to (`taken`)."""
    kind = round_stage(round_type)
    same_day = [
        e for e in events if e["kind"] == kind and e["occurred_on"] == occurred_on and e["id"] not in taken
    ]
    return same_day[0] if same_day else None


def linkable_earlier(app: dict[str, Any], earlier: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Earlier applications at the same company this one can be a re-application of."""
    return [a for a in earlier if a["id"] != app["id"] and a["applied_on"] <= app["applied_on"]]


def relinked(app: dict[str, Any], earlier_id: int | None, reason: str | None) -> ApplicationIn:
    """The application as stored, with its re-application link and reason set."""
    values = {k: app[k] for k in ApplicationIn.model_fields if k in app}
    return ApplicationIn(**values | {"reapplication_of": earlier_id, "reapply_reason": reason})


ROUND_KINDS = ("screen", "interview", "final")


def open_rounds(events: list[dict[str, Any]], taken: set[int]) -> list[dict[str, Any]]:
    """Rounds in the history (screen, interview, final) no debrief belongs to yet, latest first."""
    rounds = [e for e in events if e["kind"] in ROUND_KINDS and e["id"] not in taken]
    return sorted(rounds, key=lambda e: (e["occurred_on"], e["id"]), reverse=True)


def round_type_of(event: dict[str, Any]) -> str | None:
    """The debrief's round type for a recorded event: screen, final, or the interview's round label
    when it names one ("Technical" -> technical)."""
    if event["kind"] in ("screen", "final"):
        return event["kind"]
    label = fold(event.get("round_label") or "")
    return next((t for t in vocab.INTERVIEW_ROUND_TYPES if label.startswith(t[:5])), None) if label else None


def round_label(event: dict[str, Any]) -> str:
    detail = f" · {event['round_label']}" if event.get("round_label") else ""
    day = f"{event['occurred_on']:%d %b %Y}" if event.get("date_known", True) else "date unknown"
    return f"{vocab.stage_label(event['kind'])}{detail} · {day}"


def debrief_start(rounds: list[dict[str, Any]], today: dt.date) -> dict[str, Any]:
    """Where a new debrief starts: the latest round in the history not debriefed yet (its date, when
    known, and round), else today and a round not recorded yet (saving it adds it to the history)."""
    if not rounds:
        return {"occurred_on": today, "stage_event_id": None}
    latest = rounds[0]
    known = latest.get("date_known", True)  # a round whose date is unknown: the person says when
    start = {"occurred_on": latest["occurred_on"] if known else None, "stage_event_id": latest["id"]}
    round_type = round_type_of(latest)
    return start | ({"round_type": round_type} if round_type else {})
