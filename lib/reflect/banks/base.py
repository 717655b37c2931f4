"""The parts every question bank is made of: a question, a bank, the kinds of answer, the choices.

The banks themselves are data, one module each (interview, rejection, mood); validating, storing
and showing answers is in `lib.reflect.questionnaires`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


# One mood scale: the check-ins and the mood after a "no" are drawn on one line, so they read alike.
MOOD_WORDS = ("awful", "good")


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
