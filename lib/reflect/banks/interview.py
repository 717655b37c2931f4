"""The interview debrief's questions (the questions asked themselves are stored apart)."""

from __future__ import annotations

from lib.core import vocab
from lib.reflect.banks.base import Bank, _q
from lib.reflect.evidence import WHY

_I1, _I2 = "The interview", "How it went"
INTERVIEW = Bank(
    id="interview",
    version=2,  # 2: "What did this interview teach me?"
    title="Interview debrief",
    sections=(
        (
            _I1,
            "Write it down while it is fresh: the questions and your answers fade within days, and this is what you will read later.",
        ),
        (
            _I2,
            "What did this interview teach you? Be honest and specific: this is for you, nobody else "
            "reads it. " + WHY["learning"],
        ),
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
        _q(
            "taught_me",
            "What it taught me",
            "What did this interview teach me?",
            "long",
            _I2,
            help="About the role, the company, interviewing, or what you want — every interview teaches something.",
        ),
        _q("went_well", "What went well", "What went well?", "long", _I2),
        _q("do_differently", "Do differently", "What would you do differently next time?", "long", _I2),
        _q("team_feeling", "The team", "How did you feel about the team?", "long", _I2),
    ),
)
