"""What an assistant may read: plain functions over an engine that return JSON-ready values.

The same sources and rules as the app's pages: the log with its derived status, the question
library weakest first, traction with the claim rules (a rate with its 95% interval and n, nothing
from fewer than 5 cases), the Home next actions. Reflections, mood and written-out sessions are
only here when the person started the server with --include-reflections (see server.py).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from lib.core.db import Engine
from lib.follow_up import next_actions
from lib.learn import insights, traction
from lib.learn.report.week import week_lines
from lib.learn.strategy_bank import STRATEGY
from lib.reflect import rejection, timeline
from lib.reflect.questionnaires import REJECTION, answer_lines
from lib.store import applications as app_store
from lib.store import followups as followup_store
from lib.store import next_actions as action_store
from lib.store import plans as plan_store
from lib.store import reflections as reflection_store
from lib.store import settings as settings_store
from lib.store import strategy as strategy_store

CLAIM_RULES = (
    "Rates come with their 95% Wilson interval and the number of applications (n) behind them. "
    "Under 5 applications a rate is 'too few to tell'. A link is 'tends to go with', never a cause."
)


def plain(value: Any) -> Any:
    """A value as JSON would have it: dates as ISO text, missing as None."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    present = [c for c in columns if c in frame.columns]
    return [{k: plain(v) for k, v in row.items()} for row in frame[present].to_dict("records")]


def _log(engine: Engine) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The log with each application's end state, as the app's pages count it today."""
    events = app_store.load_events(engine)
    ghost_days = settings_store.get_setting(engine, "ghost_days")
    log = traction.with_status(app_store.load_applications(engine), events, dt.date.today(), ghost_days)
    return log, events


def search_applications(
    engine: Engine,
    text: str = "",
    stage: str | None = None,
    outcome: str | None = None,
    channel: str | None = None,
    applied_from: dt.date | None = None,
    applied_to: dt.date | None = None,
    limit: int = 25,
) -> dict[str, Any]:
    log, _ = _log(engine)
    keep = pd.Series(True, index=log.index)
    needle = " ".join(text.split()).casefold()
    if needle:
        haystack = (log["company"].fillna("") + " " + log["role"].fillna("")).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    if stage:
        keep &= log["furthest_stage"] == stage
    if outcome:  # as the app's log shows it: silent for the ghost days is ghosted, accepted is accepted
        keep &= log["end_state"] == outcome
    if channel:
        keep &= log["channel"] == channel
    if applied_from:
        keep &= log["applied_on"] >= pd.Timestamp(applied_from)
    if applied_to:
        keep &= log["applied_on"] <= pd.Timestamp(applied_to)
    found = log[keep].sort_values(["applied_on", "id"], ascending=False)
    found = found.assign(outcome=found["end_state"])
    columns = [
        "id",
        "company",
        "role",
        "applied_on",
        "applied_known",  # false: applied_on is a stand-in (applied by then), not the day
        "channel",
        "source",
        "furthest_stage",
        "outcome",
        "location",
    ]
    return {
        "matching": int(len(found)),
        "shown": min(len(found), limit),
        "applications": records(found.head(limit), columns),
    }


def application_timeline(
    engine: Engine, application_id: int, include_reflections: bool = False
) -> dict[str, Any]:
    app = app_store.get_application(engine, application_id)
    if app is None:
        raise LookupError(f"There is no application with id {application_id}.")
    events = app_store.events_for(engine, application_id)
    status = traction.application_status(pd.DataFrame({"id": [application_id]}), events).iloc[0]
    keys = [
        "id",
        "company",
        "role",
        "applied_on",
        "applied_known",
        "channel",
        "source",
        "job_url",
        "location",
        "work_mode",
        "notes",
    ]
    out: dict[str, Any] = {k: plain(app.get(k)) for k in keys}
    out |= {"furthest_stage": status["furthest_stage"], "outcome": status["outcome"]}
    # "invitation": true for an interview invitation email's day, which is not the interview's
    out["stage_events"] = records(
        events, ["id", "kind", "occurred_on", "round_label", "via", "note", "invitation"]
    )
    out["debriefs"] = [
        {
            "round_type": d.get("round_type"),
            "occurred_on": plain(d.get("occurred_on")),
            "format": d.get("format"),
            "comfort": d.get("comfort"),
            "people": [p.get("name") for p in d.get("people", [])],
            "questions": [plain(q) for q in d.get("questions", [])],
            "answers": plain({k: v for k, v in (d.get("answers") or {}).items() if not k.startswith("_")}),
        }
        for d in reflection_store.interviews_for(engine, application_id)
    ]
    notes = followup_store.notes_for(engine, application_id)
    out["notes"] = records(notes, ["kind", "recipient_name", "subject", "sent_on", "body"])
    feedback = followup_store.load_feedback(engine)
    out["feedback"] = records(
        feedback[feedback["application_id"] == application_id], ["asked_on", "received_on", "text", "themes"]
    )
    if include_reflections:
        out["reflections"] = [
            {
                "written_on": plain(r.get("created_at")),
                "answers": [
                    {"question": line.prompt, "answer": line.text}
                    for line in answer_lines(REJECTION, r["answers"])
                ],
            }
            for r in reflection_store.reflections_for(engine, application_id)
        ]
    return out


def question_library(
    engine: Engine, text: str = "", category: str | None = None, limit: int = 30
) -> dict[str, Any]:
    questions = reflection_store.load_questions(engine)
    chosen = timeline.LibraryFilter(text=text, categories=(category,) if category else ())
    summary, table, matching = timeline.library_view(questions, chosen, limit)
    columns = ["category", "question", "my_answer", "rating", "better_answer", "company", "occurred_on"]
    return {
        "order": "weakest category first (the average of each question's latest rating, from 5 rated questions), then lowest rating",
        "categories": records(summary, ["category", "asked", "rated", "average_rating"]),
        "matching": int(matching),
        "questions": records(table, columns),
    }


def traction_summary(
    engine: Engine, applied_from: dt.date | None = None, applied_to: dt.date | None = None
) -> dict[str, Any]:
    log, events = _log(engine)
    settings = settings_store.all_settings(engine)
    table = traction.traction_table(log, events, dt.date.today(), settings["ghost_days"])
    table = traction.filter_table(table, traction.TractionFilter(applied_from, applied_to))
    n = len(table)

    def rate(hits: int) -> dict[str, Any]:
        low, high = traction.wilson_interval(hits, n) if n else (None, None)
        enough = n >= traction.MIN_SAMPLE
        return {
            "hits": hits,
            "n": n,
            "rate": round(hits / n, 3) if enough else None,
            "interval_95": [round(low, 3), round(high, 3)] if enough else None,
            "text": traction.rate_text(hits, n),
        }

    def groups(column: str) -> list[dict[str, Any]]:
        rates = traction.rates_by(table, column)
        rows = []
        for r in rates.to_dict("records"):
            row = {"group": r["group"], "applications": int(r["applications"])}
            if r["enough"]:
                row["traction"] = traction.rate_text(int(r["traction"]), int(r["applications"]))
                row["response"] = traction.rate_text(int(r["responses"]), int(r["applications"]))
            else:
                row["note"] = traction.TOO_FEW
            rows.append(row)
        return rows

    funnel = traction.funnel(table) if n else pd.DataFrame(columns=["stage", "reached", "conversion_text"])
    return {
        "claim_rules": CLAIM_RULES,
        "applications": n,
        "response_rate": rate(int(table["responded"].sum())),
        "traction_rate": rate(int(table["traction"].sum())),
        "strongest": traction.strongest_sentence(table),
        "by_channel": groups("channel"),
        "by_role_family": groups("role_family"),
        "funnel": records(funnel, ["stage", "reached", "conversion_text"]),
        "endings": records(traction.endings(table), ["end_state", "applications"]) if n else [],
    }


def open_next_actions(engine: Engine, limit: int = 30) -> dict[str, Any]:
    today = dt.date.today()
    facts = action_store.load_facts(engine, today - dt.timedelta(days=next_actions.LOOKBACK_DAYS))
    actions = next_actions.compute(facts, today, action_store.action_states(engine))
    # while a pause after a "no" runs, only what can't wait, as Home shows it: nothing else is asked
    now = dt.datetime.now()
    running = rejection.running_pauses(reflection_store.pauses_ending_after(engine, now), now)
    actions, held = next_actions.calm(actions, running[0]["pause_until"] if running else None, today)
    frame = next_actions.as_frame(actions[:limit])
    return {
        "held_for_a_pause": len(held),
        "open": len(actions),
        "actions": records(frame, ["kind", "title", "detail", "due_on", "application_id"]),
    }


def week_plan(engine: Engine) -> dict[str, Any]:
    today = dt.date.today()
    log, events = _log(engine)
    settings = settings_store.all_settings(engine)
    reviews = strategy_store.load_reviews(engine)
    review = strategy_store.get_review(engine, int(reviews.iloc[0]["id"])) if not reviews.empty else None
    goal = settings["weekly_goal"]  # as the app's: a review writes its goal there; a later change wins
    lines = week_lines(plan_store.load_plans(engine), log["applied_on"], today, goal)
    answers = {
        k: v for k, v in ((review or {}).get("answers") or {}).items() if k in ("change", "skills_to_build")
    }
    return {
        "this_week": [{"what": what, "plan": text} for what, text in lines],
        "pace": insights.on_track(log, events, goal, today).sentence,
        "from_last_review": {line.prompt: line.text for line in answer_lines(STRATEGY, answers)},
        "last_review_on": plain(review["created_at"]) if review else None,
    }
