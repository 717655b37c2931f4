"""After a rejection, two steps (docs/product.md, "After a rejection"):

1. **Record it** — what happened and a pause (how I feel, until when, one kind thing for today):
   under a minute, right when the "no" comes.
2. **Look back** — the reflection (accountability, was it for me, what I want from my reply,
   looking back), offered when the pause ends, or at once to anyone who wants it now.

Both steps write the same reflection row: the record step creates it, the look back adds its
answers to it, so drafts and reflections saved before the steps were split keep working.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lib.core import vocab
from lib.core.text import joined
from lib.reflect.banks import PROMPTS_KEY
from lib.reflect.banks.rejection import REJECTION
from lib.reflect.practice import WEAK_AT

PAUSE_ENDS_AT = dt.time(18, 0)  # "until tomorrow" means tomorrow evening
RECORD_FIELDS = ("stage_reached", "rejected_on", "news_via")
WHAT_HAPPENED, PAUSE = "What happened", "Pause first"
RECORD_SECTIONS = (WHAT_HAPPENED, PAUSE)
ENDINGS_RECORDED = ("rejected", "ghosted")  # endings a rejection's reflection can follow
NO_REJECTION = ("withdrawn", "declined")  # the person ended it: nothing to record


# Questions about a conversation: not asked of a "no" that came before any (stage reached: applied).
ABOUT_A_CONVERSATION = ("presented_well", "dressed_right", "team_fit")


def not_asked(stage_reached: str | None) -> tuple[str, ...]:
    """The look back's questions that don't fit how far it got: no one asks how you dressed for an
    interview that never was."""
    return ABOUT_A_CONVERSATION if stage_reached == "applied" else ()


def look_back_sections(bank=REJECTION) -> list[str]:
    """Every section of the bank after the pause (a self-compassion opening included when the bank
    gains one): the reflection proper."""
    return [name for name, _ in bank.sections if name not in RECORD_SECTIONS]


def look_back_fields(bank=REJECTION) -> set[str]:
    sections = set(look_back_sections(bank))
    return {q.id for q in bank.questions if q.section in sections}


def record_fields(bank=REJECTION) -> set[str]:
    return {q.id for q in bank.questions if q.section in RECORD_SECTIONS}


def _answered(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (str, list, tuple, dict, set)):
        return bool(value)
    return True


def looked_back(answers: dict[str, Any] | None, bank=REJECTION) -> bool:
    """True once any reflection question (beyond the record and the pause) has an answer."""
    fields = look_back_fields(bank)
    return any(_answered(v) for k, v in (answers or {}).items() if k in fields)


def pause_end(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, PAUSE_ENDS_AT)


def pause_problem(day: dt.date | None, today: dt.date) -> str | None:
    """Why a new pause can't end on `day`, or None: one already over gives no rest at all."""
    if day is not None and day < today:
        return "That day has passed: a pause ends today at the earliest. Tomorrow is often enough."
    return None


def record_defaults(today: dt.date) -> dict[str, Any]:
    """A new record: the answer came today, a pause until tomorrow evening."""
    return {"rejected_on": today, "pause_until": today + dt.timedelta(days=1)}


PAUSE_BEHIND_DAYS = 14  # a "no" this many days old: its pause is behind the person


def pause_behind(recorded: dict[str, Any], today: dt.date, silent_since: dt.date | None = None) -> int | None:
    """How many days ago the "no" in the history came, when that is long enough that no pause is
    asked now (an old tracker's imported "no", often): the look back can start at once. None for a
    recent one, or one whose day is unknown (it may have come today) — unless it is a silence, with
    `silent_since` (the day the silence counted as ghosted, from the last word): that one is old
    whenever it was written down."""
    day = recorded.get("rejected_on")
    if day is None and recorded.get("news_via") == "silence":
        day = silent_since
    if day is None:
        return None
    days = (today - (day.date() if isinstance(day, dt.datetime) else day)).days
    return days if days >= PAUSE_BEHIND_DAYS else None


def recorded_ending(status_stage: str, ending_kind: str | None, ending_on, ending_via) -> dict[str, Any]:
    """What the stage history already says about the ending (shown locked on the form)."""
    recorded: dict[str, Any] = {"stage_reached": status_stage}
    if ending_kind:
        recorded["rejected_on"] = ending_on
        # an ending recorded without how it came stays unknown (it read "email", which no one said)
        recorded["news_via"] = "silence" if ending_kind == "ghosted" else ending_via
    return recorded


def can_record(outcome: str) -> bool:
    return outcome not in NO_REJECTION


def ended_as(outcome: str) -> str:
    return vocab.stage_label(outcome).lower()


def merge_answers(old: dict[str, Any] | None, new: dict[str, Any], asked: set[str]) -> dict[str, Any]:
    """The look back's answers over what was saved before. The questions it `asked` (their ids)
    hold what the form holds now, so an answer emptied there is gone (it said "saved" and kept the
    old one); an answer to a question it did not ask (retired, or skipped) is kept, prompt and all."""

    old = dict(old or {})
    old_prompts = old.pop(PROMPTS_KEY, None) or {}
    kept = {k: v for k, v in old.items() if k not in asked}  # `asked` names note keys too
    merged = kept | {k: v for k, v in new.items() if k != PROMPTS_KEY}
    prompts = {k: v for k, v in old_prompts.items() if k in kept} | (new.get(PROMPTS_KEY) or {})
    return merged | {PROMPTS_KEY: prompts}


# --- the pause notice: one "no" or several at once ----------------------------------------------

NAMED_AT_MOST = 3  # more running pauses than this: "A, B and 2 others"


def running_pauses(pauses: list[dict[str, Any]], now: dt.datetime) -> list[dict[str, Any]]:
    """The pauses still running at `now`, the one that ends last first: it says when the pause ends."""
    running = [p for p in pauses if p.get("pause_until") is not None and p["pause_until"] > now]
    return sorted(running, key=lambda p: (p["pause_until"], p.get("id") or 0), reverse=True)


def news_from(pauses: list[dict[str, Any]]) -> str:
    """Whose news the pause follows, oldest "no" first, each company once: "Acme", "Acme and
    Beta", "Acme, Beta and Cleo", "Acme, Beta and 2 others"."""
    names: list[str] = []
    for pause in sorted(pauses, key=lambda p: p.get("id") or 0):
        if pause["company"] not in names:
            names.append(pause["company"])
    if len(names) > NAMED_AT_MOST:
        names = [*names[: NAMED_AT_MOST - 1], f"{len(names) - NAMED_AT_MOST + 1} others"]
    return joined(names)


def look_back_label(pause: dict[str, Any], pauses: list[dict[str, Any]]) -> str:
    """The link to one pause's look back: plain when it is the only one, else naming its company
    (and its role when the same company said no twice)."""
    if len(pauses) == 1:
        return "Look back now, if you'd like to"
    twice = sum(p["company"] == pause["company"] for p in pauses) > 1
    what = f"{pause['company']} ({pause['role']})" if twice and pause.get("role") else pause["company"]
    return f"Look back at {what}, if you'd like to"


def from_the_debriefs(
    debriefs: list[dict[str, Any]], limit: int = 5
) -> tuple[list[dict[str, Any]], list[str]]:
    """What this application's debriefs said, for the look back: the questions answered weakly (rated
    WEAK_AT or lower, weakest first, at most `limit`) and what the person said they would do
    differently. The look back asked "why wasn't I chosen?" with none of it in view."""
    hard = [
        {"question": q["question"], "rating": int(q["rating"]), "category": q.get("category")}
        for d in debriefs
        for q in d.get("questions") or []
        if q.get("rating") is not None
        and int(q["rating"]) <= WEAK_AT
        and str(q.get("question") or "").strip()
    ]
    hard.sort(key=lambda q: q["rating"])  # stable: the order asked among equals
    differently = [
        str(d["answers"]["do_differently"]).strip()
        for d in debriefs
        if str((d.get("answers") or {}).get("do_differently") or "").strip()
    ]
    return hard[:limit], differently
