"""The composer's rules: which kinds ask a question, who a note goes to by default, what the reply
asks for, how late a thank-you is, and the draft records written for each recipient."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from lib.core import vocab
from lib.follow_up import notes

ASKS_FEEDBACK = frozenset({"feedback request"})  # marking it sent starts waiting for feedback
WITH_QUESTION = ("thank-you after rejection", "feedback request")  # kinds that ask a feedback question
WRITES_TO_RECRUITERS = ("thank-you after interview", "thank-you after rejection", "feedback request")
DEFAULT_ROLES = ("recruiter", "hiring manager")
NO_FACTS: dict[str, Any] = {  # a check-in with someone, about no application
    "company": None,
    "company_id": None,
    "outcome": None,
    "interview_answers": {},
    "reflection_answers": {},
    "pause_until": None,
    "interview_on": None,
    "interviewed": False,
    "ended_on": None,
}
UNKNOWN_DATE = "date unknown"  # as the timeline says it


def timeliness(facts: Mapping[str, Any], today: dt.date, kind: str | None = None) -> str:
    """ "Interview: 2 days ago · Rejected: yesterday. A thank-you reads best within a day or two …"

    The tip is for a thank-you while it still helps (a day or two on); weeks later it would only
    scold, and other kinds of note keep no such clock."""
    since = []
    if facts.get("interview_on"):
        since.append(
            f"{vocab.stage_label(facts.get('interview_kind') or 'interview')}: "
            f"{notes.since_text(facts['interview_on'], today)}"
        )
    elif facts.get("interviewed"):  # an interview is on record, its date is not: never a made-up "today"
        since.append(f"Interview: {UNKNOWN_DATE}")
    if facts.get("ended_on"):
        since.append(f"{vocab.stage_label(facts['outcome'])}: {notes.since_text(facts['ended_on'], today)}")
    if not since:
        return ""
    late = facts.get("ended_on") or facts.get("interview_on")
    thank_you = (kind or "").startswith("thank-you")
    tip = (
        " A thank-you reads best within a day or two: today is a good day for it."
        if thank_you and late and 1 <= (today - late).days <= 2
        else ""
    )
    return " · ".join(since) + "." + tip


def default_recipients(
    kind: str, people: Iterable[Mapping[str, Any]], linked: int | None, at_company: bool = False
) -> list[int]:
    """Who a note goes to unless the person picks: the contact a link named, else for thank-yous,
    feedback requests and keep-the-door-open notes the recruiters and hiring managers met; and for
    a check-in about an application (`at_company`: `people` work there), them too."""
    people = list(people)
    if linked is not None and any(int(p["id"]) == linked for p in people):
        return [linked]
    if (
        kind in WRITES_TO_RECRUITERS
        or kind == "keep the door open"
        or (at_company and kind == "contact check-in")
    ):
        return [int(p["id"]) for p in people if p.get("role") in DEFAULT_ROLES]
    return []


def reply_goals(reflection_answers: Mapping[str, Any]) -> list[str]:
    """What the reply should ask for, from the reflection (one goal or several), known words only;
    the default goals when none was set."""
    goals = reflection_answers.get("reply_goal") or list(notes.DEFAULT_GOALS)
    goals = [goals] if isinstance(goals, str) else list(goals)
    return [g for g in goals if g in notes.REPLY_GOALS]


def asks_feedback(kind: str, goals: Iterable[str] | None = None) -> bool:
    """Whether sending this note starts waiting for feedback."""
    if kind == "thank-you after rejection":
        return "feedback" in (goals or ())
    return kind in ASKS_FEEDBACK


def drafts_for(
    kind: str,
    application_id: int | None,
    facts: Mapping[str, Any],
    recipients: list[dict[str, Any]],
    extras: Mapping[str, Any],
    today: dt.date,
    numbered_from: int = 0,
) -> list[tuple[dict[str, Any], notes.Draft]]:
    """One draft per recipient: the record the page keeps (key, who, what it asks) and its text."""
    out = []
    for n, recipient in enumerate(recipients):
        draft = notes.render_note(kind, notes.note_context(facts, recipient, extras, today))
        record = {
            "key": f"{application_id or 0}_{recipient.get('id') or 'new'}_{n}_{numbered_from}",
            "kind": kind,
            "application_id": application_id or None,
            "contact_id": recipient.get("id"),
            "name": recipient.get("name"),
            "role": recipient.get("role"),
            "email": recipient.get("email"),
            "problem": draft.problem,
            "asks_feedback": asks_feedback(kind, extras.get("reply_goal")),
            "note_id": None,
            "sent_on": None,
        }
        out.append((record, draft))
    return out
