"""What valid input is: pydantic models for everything that enters the database.

Pages build one of these from form values and show `field_errors(exc)` beside the fields; the
store only ever writes validated models.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated, Any, Literal

from annotated_types import MaxLen
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)
from pydantic.fields import FieldInfo

from lib.core import vocab

MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 20_000


def _strip_or_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _check_url(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.lower().startswith(("http://", "https://")) or " " in value or len(value) < 11:
        raise ValueError("must be a web address starting with http:// or https://")
    return value


def _check_email(value: str | None) -> str | None:
    if value is None:
        return None
    local, _, domain = value.partition("@")
    if not local or "." not in domain or " " in value or domain.startswith("."):
        raise ValueError("needs a name, an @ and a domain after it, such as example.com")
    return value


ShortText = Annotated[str, Field(max_length=MAX_SHORT_TEXT)]
OptShortText = Annotated[str | None, Field(default=None, max_length=MAX_SHORT_TEXT)]
OptLongText = Annotated[str | None, Field(default=None, max_length=MAX_LONG_TEXT)]
OptUrl = Annotated[str | None, Field(default=None, max_length=2_000), AfterValidator(_check_url)]

# "linkedin.com/in/ana" or "www.example.com/me", as people copy them: a host name, no scheme.
_BARE_ADDRESS = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?", re.IGNORECASE)


def _with_scheme(value: Any) -> Any:
    """A profile link typed without https:// gets it (it was refused for want of it)."""
    if isinstance(value, str) and _BARE_ADDRESS.fullmatch(value.strip()):
        return "https://" + value.strip()
    return value


ProfileUrl = Annotated[OptUrl, BeforeValidator(_with_scheme)]
OptEmail = Annotated[str | None, Field(default=None, max_length=320), AfterValidator(_check_email)]
Rating = Annotated[int, Field(ge=1, le=5)]


def not_in_future(value: dt.date | None) -> dt.date | None:
    if value is not None and value > dt.date.today():
        raise ValueError("can't be in the future")
    return value


# A day of a person's own life (meeting someone, a note, feedback) before this is a slip of the year.
EARLIEST_LIKELY_DAY = dt.date(1950, 1, 1)


# An application before this is kept (an old log can be right), but said: often a slipped year
EARLIEST_EXPECTED_DAY = dt.date(2000, 1, 1)


def not_long_ago(value: dt.date | None) -> dt.date | None:
    if value is not None and value < EARLIEST_LIKELY_DAY:
        raise ValueError("is too long ago: check the year")
    return value


DAYS_AHEAD_AT_MOST = 365  # a planned day (a check-in, an interview, a pause's end): a year ahead at most


def not_far_ahead(value: dt.date | None) -> dt.date | None:
    if value is not None and value > dt.date.today() + dt.timedelta(days=DAYS_AHEAD_AT_MOST):
        raise ValueError("can't be more than a year ahead")
    return value


DAYS_BEHIND_AT_MOST = 365  # a planned day gone by: a year overdue at most


def not_far_behind(value: dt.date | None) -> dt.date | None:
    """A day planned ahead that is over a year gone: a slipped year (01/01/1990 was kept, and Home
    listed a check-in "planned for 01 Jan 1990"). One a few days or months overdue is kept."""
    if value is not None and value < dt.date.today() - dt.timedelta(days=DAYS_BEHIND_AT_MOST):
        raise ValueError("is over a year ago: pick a day ahead, or clear it")
    return value


# A check-in: planned, so up to a year ahead, and at most a year overdue
PlannedDay = Annotated[dt.date | None, AfterValidator(not_far_behind), AfterValidator(not_far_ahead)]


# A day something already happened: a future one is refused with a message (the date boxes take
# any day, so the browser never silently keeps the last good one instead). An application's and
# its stages' days are bounded below by the import's own rules (they agree) and by each other.
PastDay = Annotated[dt.date, AfterValidator(not_in_future)]
# the day of an application: 01/01/1900 (a blank cell, a slipped year) put Traction's axis in 1900
AppliedDay = Annotated[dt.date, AfterValidator(not_in_future), AfterValidator(not_long_ago)]
OptPastDay = Annotated[dt.date | None, AfterValidator(not_in_future), AfterValidator(not_long_ago)]
# may be ahead, up to a year: a planned check-in (01/01/2099 was kept without a word)
OptDay = Annotated[dt.date | None, AfterValidator(not_long_ago), AfterValidator(not_far_ahead)]


class Model(BaseModel):
    """Base: trims text, turns blank text into None, forbids unknown fields."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_missing(cls, value: Any) -> Any:
        return _strip_or_none(value)


class ApplicationIn(Model):
    company: ShortText
    role: ShortText
    applied_on: AppliedDay
    channel: Literal[vocab.CHANNELS] = "job board"  # type: ignore[valid-type]
    source: OptShortText = None
    job_url: OptUrl = None
    resume_version: OptShortText = None
    location: OptShortText = None
    work_mode: Literal[vocab.WORK_MODES] | None = None  # type: ignore[valid-type]
    notes: OptLongText = None
    reapplication_of: int | None = None
    reapply_reason: OptLongText = None


class StageEventIn(Model):
    application_id: int
    kind: Literal[vocab.EVENT_KINDS]  # type: ignore[valid-type]
    occurred_on: PastDay  # with date_known false: only where the event sits in order
    date_known: bool = True
    round_label: OptShortText = None
    via: Literal[vocab.NEWS_CHANNELS] | None = None  # type: ignore[valid-type]
    note: OptLongText = None


class ContactIn(Model):
    name: ShortText
    company: OptShortText = None
    role: Literal[vocab.CONTACT_ROLES] = "other"  # type: ignore[valid-type]
    email: OptEmail = None
    phone: OptShortText = None
    profile_url: ProfileUrl = None
    met_on: OptPastDay = None
    connected_on: OptPastDay = None
    last_contact_on: OptPastDay = None
    next_checkin_on: PlannedDay = None
    notes: OptLongText = None


class InterviewQuestionIn(Model):
    question: Annotated[str, Field(max_length=MAX_LONG_TEXT)]
    category: OptShortText = None
    my_answer: OptLongText = None
    rating: Rating | None = None
    better_answer: OptLongText = None


class MoodIn(Model):
    score: Rating
    words: OptLongText = None
    recorded_at: dt.datetime = Field(default_factory=dt.datetime.now)
    application_id: int | None = None


class FeedbackIn(Model):
    application_id: int
    contact_id: int | None = None
    asked_on: OptPastDay = None
    asked_via: OptShortText = None
    received_on: OptPastDay = None
    text: OptLongText = None
    themes: list[str] = Field(default_factory=list)


class NoteIn(Model):
    kind: Literal[vocab.NOTE_KINDS]  # type: ignore[valid-type]
    application_id: int | None = None
    contact_id: int | None = None
    recipient_role: OptShortText = None
    recipient_name: OptShortText = None
    recipient_email: OptEmail = None
    subject: OptShortText = None
    body: Annotated[str, Field(max_length=MAX_LONG_TEXT)]
    sent_on: OptPastDay = None


def max_chars(model: type[BaseModel], field: str, current: str | None = None) -> int | None:
    """The most characters `field` of `model` may hold, for a text widget's `max_chars` (the counter
    shows while typing); None when unlimited, or when `current` (the text the widget starts with) is
    already longer: Streamlit would cut it silently, so it is shown whole and the save says why."""
    limit = _field_limit(model, field)
    return None if limit is None or len(current or "") > limit else limit


@functools.cache  # asked for every text box on every rerun; a model's limits never change
def _field_limit(model: type[BaseModel], field: str) -> int | None:
    info = model.model_fields.get(field)
    return None if info is None else max_length(info)


def max_length(info: FieldInfo) -> int | None:
    """The `max_length` a pydantic field carries, None if it has none."""
    return next((m.max_length for m in info.metadata if isinstance(m, MaxLen)), None)


_BOUNDS = {
    "greater_than_equal": "must be at least {}",
    "less_than_equal": "must be at most {}",
    "greater_than": "must be more than {}",
    "less_than": "must be less than {}",
}


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Map a ValidationError to {field: plain-English message} for showing beside each field."""
    errors: dict[str, str] = {}
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "form"
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing" or (err.get("input") is None and err["type"].endswith("_type")):
            message = "is required"
        elif err["type"] == "string_too_long":
            limit = err.get("ctx", {}).get("max_length")
            given = err.get("input")  # a long box keeps a paste of any length: say how far over
            message = (
                f"is too long: {len(given):,} characters, at most {limit:,}"
                if isinstance(given, str)
                else f"is too long (at most {limit:,} characters)"
            )
        elif err["type"] == "literal_error":
            message = "is not one of the choices"
        elif err["type"] in ("date_from_datetime_parsing", "date_parsing", "date_type"):
            message = "is not a valid date"
        elif err["type"] in _BOUNDS:  # "Input should be less than or equal to 100", in words
            message = _BOUNDS[err["type"]].format(*err.get("ctx", {}).values())
        elif err["type"] == "int_from_float":
            message = "must be a whole number"
        errors.setdefault(field, message)
    return errors


class DebriefIn(Model):
    """One interview debrief: the fixed columns, the bank's other answers, the questions asked and
    the people met (known contacts by id, new ones to add to the company's contacts)."""

    application_id: int
    round_type: Literal[vocab.INTERVIEW_ROUND_TYPES]  # type: ignore[valid-type]
    occurred_on: dt.date
    format: Literal[vocab.INTERVIEW_FORMATS] | None = None  # type: ignore[valid-type]
    comfort: Rating | None = None
    bank_version: int = 1
    answers: dict[str, Any] = Field(default_factory=dict)
    questions: list[InterviewQuestionIn] = Field(default_factory=list)
    contact_ids: list[int] = Field(default_factory=list)
    new_contacts: list[ContactIn] = Field(default_factory=list)
    stage_event_id: int | None = None  # the round in the stage history it debriefs, when known


class RejectionIn(Model):
    """A rejection recorded with its reflection: the ending event, the pause, the mood, the answers."""

    application_id: int
    stage_reached: Literal[vocab.STAGES[:5]]  # type: ignore[valid-type]
    occurred_on: dt.date | None  # None: the ending is in the history already, its day unknown
    via: Literal[vocab.NEWS_CHANNELS]  # type: ignore[valid-type]
    mood: Rating
    mood_words: OptLongText = None
    pause_until: dt.datetime | None  # None: no pause (a "no" weeks old, looked back at at once)
    bank_version: int = 1
    answers: dict[str, Any] = Field(default_factory=dict)

    @property
    def event_kind(self) -> str:
        """A rejection that came as silence is a ghosting."""
        return "ghosted" if self.via == "silence" else "rejected"


class TargetIn(Model):
    """One company on the target list: priority 1 high, 2 medium, 3 low; no priority: not a target."""

    company: ShortText
    target_priority: Annotated[int | None, Field(default=None, ge=1, le=3)] = None
    target_reason: OptLongText = None


class StrategyReviewIn(Model):
    """A strategy review: the bank's answers (checked by questionnaires.validate) and the weekly goal."""

    answers: dict[str, Any] = Field(default_factory=dict)
    weekly_goal: Annotated[int | None, Field(default=None, ge=0, le=100)] = None
    bank_version: int = 1
