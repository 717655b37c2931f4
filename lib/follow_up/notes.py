"""Follow-up notes: drafts from editable Jinja2 templates, filled from what is already known.

Each note kind has a template in data/templates/<kind>.j2 (the user may edit them) and a built-in
copy here. A template starts with a "Subject: ..." line; the rest is the body. Anything a draft
needs but nobody has written down yet renders as a visible `[add: ...]` marker, never as silently
missing text. A template that can't be read or rendered is reported and the built-in one is used.
Templates run in Jinja2's sandbox and produce plain text (no HTML anywhere).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from lib.core import db, vocab

TEMPLATE_DIR = db.DATA_DIR / "templates"  # REBOUND_TEMPLATE_DIR points elsewhere
DEFAULT = object()  # render_note's template_dir: the user's template folder
MAILTO_MAX_CHARS = 2_000  # longer links are cut off or refused by common mail clients

# What a reply can ask for (the rejection reflection's reply_goal uses the same words).
REPLY_GOALS: tuple[str, ...] = (
    "feedback",
    "advice",
    "another role",
    "an answer to an open question",
    "nothing",
)
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


BUILT_IN: dict[str, str] = {
    "thank-you after interview": """\
Subject: Thank you: {{ role }} interview at {{ company }}

Dear {{ recipient_name }},

Thank you for taking the time to talk with me {{ interview_day }} about the {{ role }} role at {{ company }}. One moment stayed with me: {{ positive_moment }}

Our conversation made me even more interested in the role. What I took away: {{ key_points }}

I look forward to hearing about the next steps.

Best regards,
{{ my_name }}
""",
    "thank-you after rejection": """\
Subject: Thank you, {{ role }} at {{ company }}

Dear {{ recipient_name }},

Thank you for letting me know, and for the time you and the team gave me during the process for the {{ role }} role at {{ company }}. One moment stayed with me: {{ positive_moment }}
{% if wants("feedback") %}

If you have a moment, one specific piece of feedback would help me a lot: {{ feedback_question }}
{% endif %}
{% if wants("advice") %}

I would also value your advice on how to stand out for roles like this one.
{% endif %}
{% if wants("an answer to an open question") %}

One question stayed with me after our conversation: {{ open_question }}
{% endif %}
{% if wants("another role") %}

I remain very interested in {{ company }}. If another role opens where my background could help, I would be glad to be considered.
{% endif %}

Thank you again for your time.

Best regards,
{{ my_name }}
""",
    "influence letter": """\
Subject: Following up on our conversation about the {{ role }} role

Dear {{ recipient_name }},

Thank you for our conversation {{ interview_day }}. I have been thinking about what we discussed: {{ key_points }}

As I understand it, what {{ company }} needs most right now: {{ company_needs }}

This is where I can help: {{ skills_fit }}

I would welcome the chance to keep talking about how I could contribute.

Best regards,
{{ my_name }}
""",
    "feedback request": """\
Subject: A short question about the {{ role }} process

Dear {{ recipient_name }},

Thank you again for considering me for the {{ role }} role at {{ company }}. I am working on getting better at what I do, and your view would help me a great deal.

Could you tell me: {{ feedback_question }}

A few lines would be plenty, and I understand if you are not able to share more.

Best regards,
{{ my_name }}
""",
    "keep the door open": """\
Subject: Staying in touch, {{ company }}

Dear {{ recipient_name }},

Thank you again for the {{ role }} process. I enjoyed getting to know the team (one moment stayed with me: {{ positive_moment }}), and I remain keen on this kind of work at {{ company }}.

Please keep me in mind for similar roles. If there is another open position where my background could fit, I would be glad to hear about it.
{% if introduction_to %}

I would also be grateful for an introduction to {{ introduction_to }}, if you think that makes sense.
{% endif %}

Best regards,
{{ my_name }}
""",
    "contact check-in": """\
Subject: Checking in

Dear {{ recipient_name }},

I hope things are going well at {{ company }}. It has been a while since we last spoke, so here is a short update: {{ news }}

I would be glad to hear how things are on your side.

Best regards,
{{ my_name }}
""",
    "re-application intro": """\
Subject: Applying again: {{ role }} at {{ company }}

Dear {{ recipient_name }},

Some time ago I applied for the {{ earlier_role }} role at {{ company }}. I have now applied for the {{ role }} role, and I wanted to say briefly why I believe it is a better fit: {{ reapply_reason }}

I would be glad to talk about it whenever suits you.

Best regards,
{{ my_name }}
""",
}
assert set(BUILT_IN) == set(vocab.NOTE_KINDS)


class _Marker(jinja2.Undefined):
    """A missing value renders as a visible "[add: ...]" marker instead of nothing."""

    __slots__ = ()

    def __str__(self) -> str:
        name = self._undefined_name or "missing detail"
        return f"[add: {LABELS.get(name, name.replace('_', ' '))}]"


_ENV = SandboxedEnvironment(
    undefined=_Marker, trim_blocks=True, lstrip_blocks=True, autoescape=False, keep_trailing_newline=False
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


def _render(source: str, context: Mapping[str, Any]) -> tuple[str, str]:
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in context.items() if _present(v)}
    goals = tuple(values.get("reply_goal") or DEFAULT_GOALS)
    values["wants"] = lambda goal: goal in goals
    return _split(_ENV.from_string(source).render(values))


def user_template_dir() -> Path:
    """Where the user's note templates live."""
    return Path(os.environ.get("REBOUND_TEMPLATE_DIR") or TEMPLATE_DIR)


def render_note(kind: str, context: Mapping[str, Any], template_dir: Any = DEFAULT) -> Draft:
    """The draft of a `kind` note, from the user's template if it works, else the built-in one
    (`template_dir=None`: always the built-in one)."""
    if kind not in BUILT_IN:
        raise ValueError(f"unknown note kind {kind!r}")
    if template_dir is DEFAULT:
        template_dir = user_template_dir()
    problem = None
    path = Path(template_dir) / template_name(kind) if template_dir else None
    if path is not None and path.exists():
        try:
            return Draft(*_render(path.read_text(encoding="utf-8"), context))
        except jinja2.TemplateSyntaxError as exc:
            problem = f"Your template {path.name} has an error on line {exc.lineno}: {exc.message}."
        except (jinja2.TemplateError, UnicodeDecodeError, TypeError, ValueError, AttributeError) as exc:
            problem = f"Your template {path.name} could not be used ({type(exc).__name__}: {exc})."
        except OSError as exc:
            problem = f"Your template {path.name} could not be read ({exc.strerror or exc})."
        problem += " The built-in template was used instead."
    subject, body = _render(BUILT_IN[kind], context)
    return Draft(subject, body, problem)


# --- what is known, as a template context ---------------------------------------------------------


def day_text(day: dt.date | None, today: dt.date) -> str | None:
    """How a note refers to a day: "today", "yesterday", "on Tuesday", "on 3 March"."""
    if day is None:
        return None
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"on {day:%A}"
    return f"on {day.day} {day:%B}"


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
    return {k: v for k, v in context.items() if _present(v)}


# --- sending -------------------------------------------------------------------------------------


def mailto_url(email: str, subject: str, body: str) -> str:
    """A mailto: link (RFC 6068): address, subject and body percent-encoded, lines as CRLF."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(email.strip(), safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def mail_link(email: str | None, subject: str, body: str) -> tuple[str | None, str | None]:
    """(link, None) when the note can open in the mail app, else (None, the reason why not)."""
    if not email or not email.strip():
        return (
            None,
            "No email address for this recipient: copy the note instead, or add their email in Network.",
        )
    local, _, domain = email.strip().partition("@")
    if not local or "." not in domain or any(c in email.strip() for c in " ,;<>\"'"):
        return None, f"“{email}” doesn't look like an email address: fix it in Network, or copy the note."
    url = mailto_url(email, subject, body)
    if len(url) > MAILTO_MAX_CHARS:
        return (
            None,
            "This note is too long for a mail link (mail apps cut it off): copy it or download it instead.",
        )
    return url, None


def as_text_file(subject: str, body: str, recipient: str | None = None, email: str | None = None) -> str:
    """The note as a plain text file to download."""
    to = recipient or ""
    if email:
        to = f"{to} <{email}>".strip()
    head = [f"To: {to}"] if to else []
    return "\n".join([*head, f"Subject: {subject}", "", body.rstrip("\n"), ""])


def kinds_for(outcome: str | None, has_interview: bool) -> list[str]:
    """Note kinds in the order that suits where the application stands (most likely first)."""
    first: Iterable[str]
    if outcome == "rejected":
        first = ("thank-you after rejection", "feedback request", "keep the door open")
    elif has_interview:
        first = ("thank-you after interview", "influence letter")
    else:
        first = ()
    first = list(first)
    return first + [k for k in vocab.NOTE_KINDS if k not in first]
