"""The question banks as data: the interview debrief, the reflection after a rejection, the mood check-in.

Pages render a bank generically from this data and store the answers by question id together with
the bank's version. Ids are stable: other parts of Rebound (notes, insights) read answers by id, so
an id is never reused for a different question. A question removed from a bank keeps its answers;
they are shown with the prompt stored beside them (`PROMPTS_KEY`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, create_model, field_validator

from lib.core import vocab
from lib.core.models import MAX_LONG_TEXT, MAX_SHORT_TEXT, Model, field_errors
from lib.core.text import squash

# What kind of answer a question takes; every kind has a widget (ui/questionnaire.py) and a type.
KINDS: tuple[str, ...] = ("scale", "yesno", "single", "multi", "tags", "short", "long", "date")
SCALE = (1, 2, 3, 4, 5)
MAX_TAGS = 20
MAX_TAG_LENGTH = 60
PROMPTS_KEY = "_prompts"  # inside stored answers: {question id: prompt as it was asked}
NOTE_SUFFIX = "_note"  # a scale question "with_note" also stores "<id>_note"

QUESTION_CATEGORIES: tuple[str, ...] = (
    "behavioural",
    "technical",
    "case",
    "motivation",
    "culture",
    "experience",
    "salary",
    "other",
)
MOTIVATIONS: tuple[str, ...] = (
    "dream job",
    "next logical step",
    "I was bored",
    "someone else pushed me",
    "other",
)
REPLY_GOALS: tuple[str, ...] = (
    "feedback",
    "advice",
    "another role",
    "an answer to an open question",
    "nothing",
)


@dataclass(frozen=True)
class Question:
    id: str
    label: str  # short name, used in messages and tables ("Round")
    prompt: str  # the question as the person reads it
    kind: str
    section: str
    help: str = ""
    required: bool = False
    options: tuple = ()
    with_note: bool = False  # scale: an optional note beside the rating
    column: bool = False  # stored in its own database column rather than in `answers`
    future_ok: bool = False  # date: may be after today (a pause)
    scale_words: tuple[str, str] = ("not at all", "completely")


@dataclass(frozen=True)
class Bank:
    id: str
    version: int
    title: str
    sections: tuple[tuple[str, str], ...]  # (section name, a line of introduction)
    questions: tuple[Question, ...]
    by_id: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {q.id: q for q in self.questions})

    def in_section(self, section: str) -> list[Question]:
        return [q for q in self.questions if q.section == section]

    def field_ids(self) -> list[str]:
        """Every answer key the bank produces (question ids plus their note ids)."""
        ids = []
        for q in self.questions:
            ids.append(q.id)
            if q.with_note:
                ids.append(q.id + NOTE_SUFFIX)
        return ids


def _q(id: str, label: str, prompt: str, kind: str, section: str, **kw: Any) -> Question:
    return Question(id=id, label=label, prompt=prompt, kind=kind, section=section, **kw)


_I1, _I2 = "The interview", "How it went"
INTERVIEW = Bank(
    id="interview",
    version=1,
    title="Interview debrief",
    sections=(
        (_I1, "Write it down while it is fresh: tonight you will remember twice as much as next week."),
        (_I2, "Be honest and specific: this is for you, nobody else reads it."),
    ),
    questions=(
        _q(
            "round_type",
            "Round",
            "Which round was it?",
            "single",
            _I1,
            required=True,
            options=vocab.INTERVIEW_ROUND_TYPES,
            column=True,
        ),
        _q("occurred_on", "Date", "When was it?", "date", _I1, required=True, column=True),
        _q(
            "format",
            "Format",
            "How did you meet?",
            "single",
            _I1,
            options=vocab.INTERVIEW_FORMATS,
            column=True,
        ),
        _q(
            "comfort",
            "Comfort",
            "Overall, how comfortable did you feel?",
            "scale",
            _I2,
            column=True,
            scale_words=("very uneasy", "completely at ease"),
        ),
        _q(
            "key_points",
            "Key points",
            "What were the key points of the conversation?",
            "long",
            _I2,
            help="What they told you about the role, the team, the next steps.",
        ),
        _q(
            "company_needs",
            "What they need",
            "What does the company need right now?",
            "long",
            _I2,
            help="Its objectives and challenges as you heard them: the heart of a good follow-up letter.",
        ),
        _q(
            "positive_moment",
            "A positive moment",
            "Which moment of the day did you enjoy or value?",
            "long",
            _I2,
            help="Something concrete you can thank them for.",
        ),
        _q("went_well", "What went well", "What went well?", "long", _I2),
        _q("do_differently", "Do differently", "What would you do differently next time?", "long", _I2),
        _q("team_feeling", "The team", "How did you feel about the team?", "long", _I2),
    ),
)

_R1, _R2, _R3, _R4, _R5, _R6 = (
    "What happened",
    "Pause first",
    "Be accountable",
    "Was it for me?",
    "What I want from my reply",
    "Looking back",
)
_RATING_WORDS = ("not at all", "fully")
REJECTION = Bank(
    id="rejection",
    version=1,
    title="After a rejection",
    sections=(
        (_R1, "Record it in a few words. It goes into the application's stage history."),
        (
            _R2,
            "It hurts, and that's normal. Don't reply in the heat of the moment: give yourself a "
            "time limit to feel bad, do something kind for yourself, and remember what else matters "
            "— the people you love, your health, the things you enjoy. This is one application, not "
            "your worth.",
        ),
        (_R3, "Rate each honestly. It's fine when the answer is no: that's where the lesson is."),
        (_R4, "A “no” can be a course correction."),
        (_R5, "Know what you want before you write back."),
        (_R6, "Each rejection brings you closer to the right job. What will you take with you?"),
    ),
    questions=(
        _q(
            "stage_reached",
            "Stage reached",
            "How far did you get?",
            "single",
            _R1,
            required=True,
            options=vocab.STAGES[:5],
            help="The last stage you reached before the answer.",
        ),
        _q("rejected_on", "Date", "When did the answer come?", "date", _R1, required=True),
        _q(
            "news_via",
            "How it came",
            "How did it reach you?",
            "single",
            _R1,
            required=True,
            options=vocab.NEWS_CHANNELS,
            help="“silence” means they never answered: it is recorded as ghosted.",
        ),
        _q(
            "mood",
            "Mood",
            "How do you feel right now?",
            "scale",
            _R2,
            required=True,
            scale_words=("awful", "fine"),
        ),
        _q("mood_words", "In a few words", "In a few words?", "short", _R2),
        _q(
            "pause_until",
            "Pause until",
            "I'll give myself until …",
            "date",
            _R2,
            required=True,
            column=True,
            future_ok=True,
            help="A time limit to feel bad. Tomorrow is often enough.",
        ),
        _q("kind_thing", "Something kind", "One kind thing you will do for yourself today", "short", _R2),
        _q(
            "prepared",
            "Prepared",
            "Was I fully prepared?",
            "scale",
            _R3,
            with_note=True,
            scale_words=_RATING_WORDS,
        ),
        _q(
            "qualified",
            "Qualified",
            "Was I qualified for the role?",
            "scale",
            _R3,
            with_note=True,
            scale_words=_RATING_WORDS,
        ),
        _q(
            "heart_in_it",
            "Heart in it",
            "Was my heart in it?",
            "scale",
            _R3,
            with_note=True,
            scale_words=_RATING_WORDS,
        ),
        _q(
            "presented_well",
            "Presented well",
            "Did I present myself in the best light?",
            "scale",
            _R3,
            with_note=True,
            scale_words=_RATING_WORDS,
        ),
        _q(
            "dressed_right",
            "Dressed right",
            "Was I dressed right for them?",
            "scale",
            _R3,
            with_note=True,
            scale_words=_RATING_WORDS,
        ),
        _q(
            "team_fit",
            "Team fit",
            "Did I really fit the team?",
            "scale",
            _R3,
            with_note=True,
            scale_words=_RATING_WORDS,
        ),
        _q("challenges", "Challenges", "What challenges would the job have brought?", "long", _R3),
        _q("motivation", "Why I applied", "Why did I go for it?", "single", _R4, options=MOTIVATIONS),
        _q("motivation_other", "Other reason", "If other: what was it?", "short", _R4),
        _q("still_interested", "Still interested", "Am I still interested in this company?", "yesno", _R4),
        _q(
            "reply_goal",
            "What I want",
            "What do I want from my reply?",
            "multi",
            _R5,
            options=REPLY_GOALS,
            help="Pick all that apply. Asking costs nothing; recruiters keep notes, so stay curious, never angry.",
        ),
        _q("why_not_chosen", "Why not chosen", "Why do I think I wasn't chosen?", "long", _R6),
        _q(
            "skills_to_bolster",
            "Skills to bolster",
            "Which skills will I bolster?",
            "tags",
            _R6,
            help="Type a skill and press Enter; skills you named before are offered again.",
        ),
        _q("lessons", "Lessons", "Which lessons do I keep?", "long", _R6),
    ),
)

_M = "Check in"
MOOD = Bank(
    id="mood",
    version=1,
    title="Mood check-in",
    sections=((_M, "A quick check-in, any day: it draws your mood line between the hard days."),),
    questions=(
        _q("score", "Mood", "How are you today?", "scale", _M, required=True, scale_words=("awful", "great")),
        _q("words", "In a few words", "In a few words?", "short", _M),
    ),
)

BANKS: dict[str, Bank] = {bank.id: bank for bank in (INTERVIEW, REJECTION, MOOD)}


# --- validation --------------------------------------------------------------------------------


def _not_future(value: dt.date | None) -> dt.date | None:
    if value is not None and value > dt.date.today():
        raise ValueError("can't be in the future")
    return value


def _answer_type(question: Question) -> Any:
    kind = question.kind
    if kind == "scale":
        return Annotated[int | None, Field(default=None, ge=1, le=5)]
    if kind == "yesno":
        return bool | None
    if kind == "single":
        return Literal[question.options] | None  # type: ignore[valid-type]
    if kind == "multi":
        return list[Literal[question.options]]  # type: ignore[valid-type]
    if kind == "tags":
        tag = Annotated[str, Field(min_length=1, max_length=MAX_TAG_LENGTH)]
        return Annotated[list[tag], Field(max_length=MAX_TAGS)]
    if kind == "short":
        return Annotated[str | None, Field(default=None, max_length=MAX_SHORT_TEXT)]
    if kind == "long":
        return Annotated[str | None, Field(default=None, max_length=MAX_LONG_TEXT)]
    if kind == "date":
        return dt.date | None
    raise ValueError(f"unknown question kind {kind!r}")


def answers_model(bank: Bank) -> type[Model]:
    """A pydantic model of a bank's answers (every field optional; `validate` adds `required`)."""
    fields: dict[str, Any] = {}
    validators: dict[str, Any] = {}
    for q in bank.questions:
        default = [] if q.kind in ("multi", "tags") else None
        fields[q.id] = (_answer_type(q), default)
        if q.with_note:
            fields[q.id + NOTE_SUFFIX] = (
                Annotated[str | None, Field(default=None, max_length=MAX_SHORT_TEXT)],
                None,
            )
    past_dates = [q.id for q in bank.questions if q.kind == "date" and not q.future_ok]
    if past_dates:
        validators["_dates_not_in_future"] = field_validator(*past_dates)(_not_future)
    return create_model(f"{bank.id.capitalize()}Answers", __base__=Model, __validators__=validators, **fields)


_MODELS: dict[Bank, type[Model]] = {}


def _model(bank: Bank) -> type[Model]:
    if bank not in _MODELS:
        _MODELS[bank] = answers_model(bank)
    return _MODELS[bank]


def is_blank(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (isinstance(value, list | tuple | set) and len(value) == 0)
    )


def validate(
    bank: Bank,
    raw: dict[str, Any],
    *,
    earliest: dt.date | None = None,
    earliest_label: str = "the application date",
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check raw answers against the bank: (clean answers, {question id: message}).

    Unknown keys are ignored; required answers must be there; dates can't be in the future (unless
    the question allows it) nor before `earliest`. Errors are plain English fragments ("is required")
    for ui.forms.field_error.
    """
    known = set(bank.field_ids())
    data = {k: v for k, v in raw.items() if k in known}
    for q in bank.questions:
        if q.kind in ("multi", "tags") and data.get(q.id) is None:
            data[q.id] = []
        if q.kind == "tags" and isinstance(data.get(q.id), list):
            data[q.id] = _unique_tags(data[q.id])
    errors: dict[str, str] = {}
    for q in bank.questions:
        if q.required and is_blank(data.get(q.id)):
            errors[q.id] = "is required"
    try:
        clean = _model(bank)(**data).model_dump()
    except ValidationError as exc:
        for key, message in field_errors(exc).items():
            if key in bank.by_id and bank.by_id[key].kind == "scale":
                message = "must be a rating from 1 to 5"
            errors.setdefault(key, message)
        clean = {}
    if not errors and earliest is not None:
        for q in bank.questions:
            value = clean.get(q.id)
            if q.kind == "date" and value is not None and value < earliest:
                errors[q.id] = f"can't be before {earliest_label} ({earliest:%d %b %Y})"
    return (clean if not errors else {}), errors


def _unique_tags(tags: list[Any]) -> list[Any]:
    seen, out = set(), []
    for tag in tags:
        if isinstance(tag, str):
            tag = squash(tag)
            if not tag or tag.casefold() in seen:
                continue
            seen.add(tag.casefold())
        out.append(tag)
    return out


# --- storing and showing -----------------------------------------------------------------------


def to_stored(bank: Bank, clean: dict[str, Any]) -> dict[str, Any]:
    """Answers as stored in a JSON column: no column-backed or empty answers, dates as ISO text,
    and the prompt each answer was given to (so it stays readable if the question is retired)."""
    stored: dict[str, Any] = {}
    prompts: dict[str, str] = {}
    for q in bank.questions:
        if q.column:
            continue
        for key in (q.id, q.id + NOTE_SUFFIX) if q.with_note else (q.id,):
            value = clean.get(key)
            if is_blank(value):
                continue
            stored[key] = value.isoformat() if isinstance(value, dt.date) else value
            prompts[key] = q.prompt if key == q.id else f"{q.prompt} (note)"
    stored[PROMPTS_KEY] = prompts
    return stored


def merge_retired(bank: Bank, new: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    """Keep answers to questions no longer in the bank (and their prompts) when answers are edited."""
    if not old:
        return new
    known = set(bank.field_ids())
    merged = dict(new)
    prompts = dict(new.get(PROMPTS_KEY, {}))
    old_prompts = old.get(PROMPTS_KEY) or {}
    for key, value in old.items():
        if key == PROMPTS_KEY or key in known:
            continue
        merged[key] = value
        if key in old_prompts:
            prompts[key] = old_prompts[key]
    merged[PROMPTS_KEY] = prompts
    return merged


def from_stored(bank: Bank, stored: dict[str, Any] | None) -> dict[str, Any]:
    """Stored answers back to Python values (ISO text -> dates) for the bank's questions."""
    values: dict[str, Any] = {}
    for key, value in (stored or {}).items():
        q = bank.by_id.get(key)
        if q is not None and q.kind == "date" and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                value = None
        values[key] = value
    values.pop(PROMPTS_KEY, None)
    return values


def format_answer(kind: str | None, value: Any) -> str:
    """An answer as plain text for reading back."""
    if is_blank(value):
        return "—"
    if kind == "scale" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value} / 5"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return f"{value:%d %b %Y, %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    if kind == "date" and isinstance(value, str):
        try:
            return f"{dt.date.fromisoformat(value):%d %b %Y}"
        except ValueError:
            return value
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class AnswerLine:
    section: str
    key: str
    prompt: str
    text: str
    kind: str | None


def answer_lines(
    bank: Bank,
    stored: dict[str, Any] | None,
    columns: dict[str, Any] | None = None,
    *,
    include_blank: bool = False,
) -> list[AnswerLine]:
    """Everything answered, in the bank's order; answers to retired questions last, with their stored prompt."""
    stored = dict(stored or {})
    values = {**stored, **(columns or {})}
    prompts = stored.get(PROMPTS_KEY) or {}
    lines: list[AnswerLine] = []
    for q in bank.questions:
        for key in (q.id, q.id + NOTE_SUFFIX) if q.with_note else (q.id,):
            value = values.get(key)
            if is_blank(value) and not include_blank:
                continue
            prompt = q.prompt if key == q.id else "Note"
            kind = q.kind if key == q.id else "short"
            lines.append(AnswerLine(q.section, key, prompt, format_answer(kind, value), kind))
    known = set(bank.field_ids())
    for key, value in stored.items():
        if key == PROMPTS_KEY or key in known or is_blank(value):
            continue
        prompt = prompts.get(key) or key.replace("_", " ").capitalize()
        lines.append(AnswerLine("Earlier questions", key, prompt, format_answer(None, value), None))
    return lines
