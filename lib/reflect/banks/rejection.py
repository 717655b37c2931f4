"""The reflection after a rejection: what happened, a pause first, then the reflection."""

from __future__ import annotations

from lib.core import vocab
from lib.reflect.banks.base import MOOD_WORDS, MOTIVATIONS, REPLY_GOALS, Bank, _q
from lib.reflect.evidence import WHY

_R1, _R2, _RK, _R3, _R4, _R5, _R6 = (
    "What happened",
    "Pause first",
    "Kind first",
    "Be accountable",
    "Was it for me?",
    "What I want from my reply",
    "Looking back",
)
_RATING_WORDS = ("not at all", "fully")
REJECTION = Bank(
    id="rejection",
    version=2,  # 2: the self-compassion step ("Kind first") and "What will I do next?"
    title="After a rejection",
    sections=(
        (_R1, "Three quick answers; they go into the application's stage history."),
        (
            _R2,
            "It hurts, and that's normal. Don't reply in the heat of the moment: let yourself feel it "
            "for a while, choose when you'll pick things up again, do something kind for yourself, "
            "and remember what else matters "
            "— the people you love, your health, the things you enjoy. This is one application, not "
            "your worth.",
        ),
        (
            _RK,
            "Before looking at what to change: be as kind to yourself as you would be to a friend. "
            "Being turned down happens to most people who apply, often many times — you are not alone "
            "in it. " + WHY["self_compassion"],
        ),
        (_R3, "Rate each honestly. It's fine when the answer is no: that's where the lesson is."),
        (_R4, "A “no” can be a course correction."),
        (_R5, "Know what you want before you write back."),
        (
            _R6,
            "Keep perspective: one “no” is one step on the way to the right job, and hiring is often less rational than it looks (a résumé skimmed in seconds, someone already known to the team, a plan that changed). What will you take with you?",
        ),
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
            scale_words=MOOD_WORDS,
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
            help="Until then, Rebound shows only what can't wait. Tomorrow is often enough.",
        ),
        _q("kind_thing", "Something kind", "One kind thing you will do for yourself today", "short", _R2),
        _q(
            "friend_words",
            "To a friend",
            "What would you say to a friend in your place?",
            "long",
            _RK,
            help="Write it to them — then read it back as if it were written to you.",
        ),
        _q(
            "feelings_named",
            "What I feel",
            "Name what you feel",
            "short",
            _RK,
            help="Disappointed, angry, tired, relieved … naming a feeling takes a little of its weight.",
        ),
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
            "Did how I dressed suit their setting?",
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
        _q(
            "next_step",
            "What I'll do next",
            "What will I do next?",
            "long",
            _R6,
            help="One concrete step, and when: kindness first, then forward.",
        ),
    ),
)
