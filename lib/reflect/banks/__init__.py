"""The question banks as data, one module per bank. Ids are stable (see `lib.reflect.questionnaires`)."""

from lib.reflect.banks.base import (
    KINDS,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MOTIVATIONS,
    NOTE_SUFFIX,
    PROMPTS_KEY,
    QUESTION_CATEGORIES,
    REPLY_GOALS,
    SCALE,
    Bank,
    Question,
)
from lib.reflect.banks.interview import INTERVIEW
from lib.reflect.banks.mood import MOOD
from lib.reflect.banks.rejection import REJECTION

BANKS: dict[str, Bank] = {bank.id: bank for bank in (INTERVIEW, REJECTION, MOOD)}

__all__ = [
    "BANKS",
    "INTERVIEW",
    "KINDS",
    "MAX_TAGS",
    "MAX_TAG_LENGTH",
    "MOOD",
    "MOTIVATIONS",
    "NOTE_SUFFIX",
    "PROMPTS_KEY",
    "QUESTION_CATEGORIES",
    "REJECTION",
    "REPLY_GOALS",
    "SCALE",
    "Bank",
    "Question",
]
