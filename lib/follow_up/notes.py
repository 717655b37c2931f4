"""Follow-up notes: drafts from editable Jinja2 templates, filled from what is already known.

Each note kind has a template <kind>.j2, only as a file: the user's copy in data/templates/ (theirs
to edit; delete one to get the built-in back) is found first, then the built-in one in
lib/follow_up/templates/ (a Jinja2 ChoiceLoader over both folders). A template starts with a "Subject: ..." line; the rest is the body. Anything a draft
needs but nobody has written down yet renders as a visible `[add: ...]` marker, never as silently
missing text. A template that can't be read or rendered is reported and the built-in one is used.
Templates run in Jinja2's sandbox and produce plain text (no HTML anywhere).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from lib.core import db, vocab
from lib.reflect.banks.base import REPLY_GOALS  # noqa: F401 - one list, read here as notes.REPLY_GOALS

TEMPLATE_DIR = db.DATA_DIR / "templates"  # REBOUND_TEMPLATE_DIR points elsewhere
DEFAULT = object()  # render_note's template_dir: the user's template folder

# What a reply can ask for: the rejection reflection's reply_goal question asks with the same words.
DEFAULT_GOALS: tuple[str, ...] = ("feedback", "another role")  # when no goal was set

# Specific feedback questions to pick from (docs/product.md point 8: never just "any feedback?").
FEEDBACK_QUESTIONS: tuple[str, ...] = (
    "Which one or two skills could I strengthen to be a stronger candidate for a role like this?",
    "How could I have approached the technical part of the interview better?",
    "What did the successful candidate bring that I did not show clearly enough?",
    "Was there anything in how I presented my experience that held me back?",
    "What would make my application stand out if I apply to a similar role with you again?",
)

# Human wording for each piece a template may ask for, used in the [add: ...] marker.
LABELS: dict[str, str] = {
    "recipient_name": "their name",
    "my_name": "your name",
    "company": "the company",
    "role": "the role",
    "interview_day": "when you met",
    "positive_moment": "a moment from the interview you valued",
    "key_points": "the key points of your conversation",
    "company_needs": "what the company needs",
    "skills_fit": "how your skills fit what they need",
    "feedback_question": "your specific feedback question",
    "open_question": "the question you still have",
    "reapply_reason": "why this role fits you better than the last one",
    "earlier_role": "the role you applied for before",
    "news": "a short update on your search",
    "introduction_to": "who you would like to be introduced to",
}


def template_name(kind: str) -> str:
    """File name of a note kind's template: "thank-you after interview" -> thank-you-after-interview.j2."""
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") + ".j2"


BUILT_IN_DIR = Path(__file__).resolve().parent / "templates"  # the built-in templates, one .j2 per kind
assert {template_name(kind) for kind in vocab.NOTE_KINDS} <= {p.name for p in BUILT_IN_DIR.glob("*.j2")}


class _Marker(jinja2.Undefined):
    """A missing value renders as a visible "[add: ...]" marker instead of nothing."""

    __slots__ = ()

    def __str__(self) -> str:
        name = self._undefined_name or "missing detail"
        return f"[add: {LABELS.get(name, name.replace('_', ' '))}]"


@functools.lru_cache(maxsize=8)
def _environment(*folders: str) -> SandboxedEnvironment:
    """A sandboxed environment that loads <kind>.j2 from the first folder that has it."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder) for folder in folders])
    return SandboxedEnvironment(
        loader=loader,
        undefined=_Marker,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        keep_trailing_newline=False,
    )


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    problem: str | None = None  # why the user's template was not used, if it wasn't

    @property
    def markers(self) -> list[str]:
        return re.findall(r"\[add: [^\]]*\]", f"{self.subject}\n{self.body}")


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, set)):
        return bool(value)
    return True


def _split(text: str) -> tuple[str, str]:
    lines = text.strip("\n").splitlines()
    subject = ""
    if lines and lines[0].lower().startswith("subject:"):
        subject = lines.pop(0)[len("subject:") :].strip()
    body = "\n".join(line.rstrip() for line in lines)
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    return subject, body + "\n"


def _render(template: jinja2.Template, context: Mapping[str, Any]) -> tuple[str, str]:
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in context.items() if _present(v)}
    goals = tuple(values.get("reply_goal") or DEFAULT_GOALS)
    values["wants"] = lambda goal: goal in goals
    return _split(template.render(values))


def user_template_dir() -> Path:
    """Where the user's note templates live."""
    return Path(os.environ.get("REBOUND_TEMPLATE_DIR") or TEMPLATE_DIR)


def render_note(kind: str, context: Mapping[str, Any], template_dir: Any = DEFAULT) -> Draft:
    """The draft of a `kind` note, from the user's template if there is one and it works, else the
    built-in one (`template_dir=None`: always the built-in one)."""
    if kind not in vocab.NOTE_KINDS:
        raise ValueError(f"unknown note kind {kind!r}")
    if template_dir is DEFAULT:
        template_dir = user_template_dir()
    name, problem = template_name(kind), None
    folders = (str(template_dir), str(BUILT_IN_DIR)) if template_dir else (str(BUILT_IN_DIR),)
    try:
        return Draft(*_render(_environment(*folders).get_template(name), context))
    except jinja2.TemplateSyntaxError as exc:
        problem = f"Your template {name} has an error on line {exc.lineno}: {exc.message}."
    except (jinja2.TemplateError, UnicodeDecodeError, TypeError, ValueError, AttributeError) as exc:
        problem = f"Your template {name} could not be used ({type(exc).__name__}: {exc})."
    except OSError as exc:
        problem = f"Your template {name} could not be read ({exc.strerror or exc})."
    if len(folders) == 1:
        raise RuntimeError(f"the built-in template {name} is broken: {problem}")
    problem += " The built-in template was used instead."
    subject, body = _render(_environment(str(BUILT_IN_DIR)).get_template(name), context)
    return Draft(subject, body, problem)


# --- what is known, as a template context ---------------------------------------------------------


def day_text(day: dt.date | None, today: dt.date) -> str | None:
    """How a note refers to a day: "today", "yesterday", "on Tuesday", "on 3 March" ("on 3 March
    2025" in another year)."""
    if day is None:
        return None
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"on {day:%A}"
    return f"on {day.day} {day:%B}" + (f" {day.year}" if day.year != today.year else "")


def since_text(day: dt.date | dt.datetime | None, today: dt.date) -> str:
    """How long ago, in words: "today", "yesterday", "3 days ago", "2 weeks ago"."""
    if day is None:
        return "—"
    if isinstance(day, dt.datetime):
        day = day.date()
    days = (today - day).days
    if days < 0:
        return f"in {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    return f"{days // 30} months ago"


def time_left(until: dt.datetime, now: dt.datetime) -> str | None:
    """What is left of a pause, in words ("1 day and 3 hours"), or None when it has passed."""
    seconds = (until - now).total_seconds()
    if seconds <= 0:
        return None
    days, rest = divmod(int(seconds), 86_400)
    hours = rest // 3_600
    minutes = (rest % 3_600) // 60
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if not days and not hours:
        parts.append(f"{max(minutes, 1)} minute{'s' if minutes > 1 else ''}")
    return " and ".join(parts)


def note_context(
    facts: Mapping[str, Any], recipient: Mapping[str, Any] | None, extras: Mapping[str, Any], today: dt.date
) -> dict[str, Any]:
    """The flat context a template sees: recipient, application, debrief and reflection answers,
    and what the user typed in the composer (`extras` wins over what was saved)."""
    interview = facts.get("interview_answers") or {}
    reflection = facts.get("reflection_answers") or {}
    recipient = recipient or {}
    goals = extras.get("reply_goal") or reflection.get("reply_goal")
    if isinstance(goals, str):
        goals = [goals]
    context = {
        "recipient_name": recipient.get("name"),
        "recipient_role": recipient.get("role"),
        "company": facts.get("company") or recipient.get("company"),
        "role": facts.get("role"),
        "interview_day": day_text(facts.get("interview_on"), today),
        # a "no" straight after applying: no interview to thank anyone for, nor a moment from it
        "interviewed": bool(facts.get("interviewed") or facts.get("interview_on")),
        "positive_moment": interview.get("positive_moment"),
        "key_points": interview.get("key_points"),
        "company_needs": interview.get("company_needs"),
        "went_well": interview.get("went_well"),
        "still_interested": reflection.get("still_interested"),
        "reply_goal": list(goals) if goals else None,
        "earlier_role": facts.get("earlier_role"),
        "reapply_reason": facts.get("reapply_reason"),
    }
    for key, value in extras.items():
        if _present(value):
            context[key] = value
    for key in AFTER_A_COLON:  # the templates put these after "…stayed with me:", "What I took away:"
        context[key] = after_colon(context.get(key))
    return {k: v for k, v in context.items() if _present(v)}


AFTER_A_COLON = ("positive_moment", "key_points")


# Words that start a sentence only because it starts there: after "…stayed with me:" they read in
# lower case. Anything else (a name, "I", an acronym) keeps its capital.
_LOWER_AFTER_COLON = frozenset(
    [
        "a",
        "an",
        "the",
        "we",
        "our",
        "they",
        "their",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "when",
        "how",
        "what",
        "my",
        "me",
        "you",
        "your",
        "he",
        "she",
        "his",
        "her",
        "there",
        "everyone",
        "everybody",
        "someone",
    ]
)


# after a word in -ing, these say it is a verb ("Sketching the flow"), not a name ("King said")
_AFTER_A_VERB = frozenset(
    ["the", "a", "an", "our", "my", "their", "your", "with", "through", "about", "how", "what"]
)


def after_colon(text: Any) -> Any:
    """A debrief answer as it reads after a colon in a note, a sentence's end: "We laughed" -> "we
    laughed.", "Sketching the flow" -> "sketching the flow." (it read "…stayed with me: Sketching
    the flow" with no full stop)."""
    if not isinstance(text, str) or not text.strip():
        return text
    text = text.strip()
    words = text.split(maxsplit=2)
    first = words[0].rstrip(",.;:!?")
    acronym = len(first) > 1 and first.isupper()  # "IT" is not "it"
    verb = first.endswith("ing") and len(first) > 5 and len(words) > 1 and words[1] in _AFTER_A_VERB
    if (first.lower() in _LOWER_AFTER_COLON or verb) and first[:1].isupper() and not acronym:
        text = text[0].lower() + text[1:]
    return text if text[-1] in ".!?…)\"'”’" else f"{text}."


def kinds_for(outcome: str | None, has_interview: bool) -> list[str]:
    """Note kinds in the order that suits where the application stands (most likely first)."""
    first: Iterable[str]
    if outcome == "rejected":
        first = ("thank-you after rejection", "feedback request", "keep the door open")
    elif has_interview:
        first = ("thank-you after interview", "influence letter")
    else:  # no interview yet: a thank-you "after interview" was offered first, for none
        first = ("contact check-in", "keep the door open")
    first = list(first)
    return first + [k for k in vocab.NOTE_KINDS if k not in first]
