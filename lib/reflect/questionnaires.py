"""Answers to the question banks: validating, storing and showing them.

The banks are data in `lib.reflect.banks` (one module each); pages render a bank generically and
store the answers by question id together with the bank's version. Ids are stable: other parts of
Rebound (notes, insights) read answers by id, so an id is never reused for a different question. A
question removed from a bank keeps its answers; they are shown with the prompt stored beside them
(`PROMPTS_KEY`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, create_model, field_validator
from pydantic.fields import FieldInfo

from lib.core import vocab
from lib.core.models import (
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    Model,
    field_errors,
    max_length,
    not_far_ahead,
    not_in_future,
)
from lib.core.text import squash
from lib.reflect.banks import (  # noqa: F401  (re-exported: the banks are read through this module)
    BANKS,
    INTERVIEW,
    KINDS,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MOOD,
    MOTIVATIONS,
    NOTE_SUFFIX,
    PROMPTS_KEY,
    QUESTION_CATEGORIES,
    REJECTION,
    REPLY_GOALS,
    SCALE,
    Bank,
    Question,
)

# --- validation --------------------------------------------------------------------------------


_NOTE = Annotated[str | None, Field(default=None, max_length=MAX_SHORT_TEXT)]  # the note beside a scale


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
            fields[q.id + NOTE_SUFFIX] = (_NOTE, None)
    past_dates = [q.id for q in bank.questions if q.kind == "date" and not q.future_ok]
    if past_dates:
        validators["_dates_not_in_future"] = field_validator(*past_dates)(not_in_future)
    ahead = [q.id for q in bank.questions if q.kind == "date" and q.future_ok]
    if ahead:
        validators["_dates_within_a_year"] = field_validator(*ahead)(not_far_ahead)
    return create_model(f"{bank.id.capitalize()}Answers", __base__=Model, __validators__=validators, **fields)


@functools.cache  # asked for every text box on every rerun; a question's limit never changes
def max_chars(question: Question, note: bool = False) -> int | None:
    """The most characters a typed answer (or the note beside it) may hold, as the answers model
    checks it: for the widget's `max_chars`, so the limit shows while typing, not on save."""
    if not note and question.kind not in ("short", "long"):
        return None
    return max_length(FieldInfo.from_annotation(_NOTE if note else _answer_type(question)))


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
    skip: tuple[str, ...] = (),
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check raw answers against the bank: (clean answers, {question id: message}).

    Unknown keys are ignored; required answers must be there (but those in `skip`); dates can't be in the future (unless
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
    for q in bank.questions:  # `skip`: questions not asked this time (answered elsewhere)
        if q.required and is_blank(data.get(q.id)) and q.id not in skip:
            errors[q.id] = "is required"
    try:
        clean = _model(bank)(**data).model_dump()
    except ValidationError as exc:
        for key, message in field_errors(exc).items():
            if key in bank.by_id and bank.by_id[key].kind == "scale":
                message = "must be a rating from 1 to 5"
            errors.setdefault(key, message)
        clean = {}
    if earliest is not None:  # said with any other error, not on the next save
        for q in bank.questions:
            value = clean.get(q.id) if clean else data.get(q.id)  # a day read, even if another failed
            if q.kind == "date" and isinstance(value, dt.date) and value < earliest:
                errors.setdefault(q.id, f"can't be before {earliest_label} ({earliest:%d %b %Y})")
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
            if key == q.id and q.options and set(q.options) <= set(vocab.STAGES) and isinstance(value, str):
                value = vocab.stage_label(value)  # "Interview", as everywhere else (not "interview")
            lines.append(AnswerLine(q.section, key, prompt, format_answer(kind, value), kind))
    known = set(bank.field_ids())
    for key, value in stored.items():
        if key == PROMPTS_KEY or key in known or is_blank(value):
            continue
        prompt = prompts.get(key) or key.replace("_", " ").capitalize()
        lines.append(AnswerLine("Earlier questions", key, prompt, format_answer(None, value), None))
    return lines
