"""The strategy review's questions as data (docs/product.md point 12), in the shape of lib.questionnaires.

Same `Question`/`Bank` types, kinds and validation as the interview and rejection banks, so the
answers are checked with `questionnaires.validate` and stored with `questionnaires.to_stored`.
Ids are stable: saved reviews are compared by id.
"""

from __future__ import annotations

from lib.reflect.questionnaires import Bank, Question

WANT, TRACK, TRACTION, CHANGE, TARGETS = (
    "What I want",
    "Am I on track",
    "Where it works",
    "What I change",
    "My target list",
)
ON_TRACK_CHOICES: tuple[str, ...] = ("ahead", "on track", "a little behind", "well behind")


def _q(id: str, label: str, prompt: str, kind: str, section: str, **kw) -> Question:
    return Question(id=id, label=label, prompt=prompt, kind=kind, section=section, **kw)


STRATEGY = Bank(
    id="strategy",
    version=1,
    title="Strategy review",
    sections=(
        (WANT, "Start from what you want, not from what came up."),
        (TRACK, "Your own pace against your own goal: the numbers are beside the form."),
        (TRACTION, "Read the insights beside you: where did things move, and where did you feel at ease?"),
        (CHANGE, "One or two changes you will really make in the next two weeks."),
        (TARGETS, "Edit priorities and reasons in the Target list tab; note here why."),
    ),
    questions=(
        _q(
            "what_i_want",
            "What I want",
            "What do I really want to do?",
            "long",
            WANT,
            required=True,
            help="The work, the team, the kind of company — in your own words.",
        ),
        _q("roles", "Roles", "Which roles fit that?", "tags", WANT, help="Type a role and press Enter."),
        _q(
            "on_track",
            "On track",
            "Am I on track?",
            "single",
            TRACK,
            options=ON_TRACK_CHOICES,
            help="Applications and stage progress against your weekly goal are shown beside the form.",
        ),
        _q(
            "on_track_why",
            "Helping or in the way",
            "What is helping, and what is getting in the way?",
            "long",
            TRACK,
        ),
        _q(
            "most_traction",
            "Most traction",
            "Where have I had the most traction?",
            "long",
            TRACTION,
            help="Channels, roles, companies where applications reached an interview or later.",
        ),
        _q(
            "most_comfortable",
            "Most comfortable",
            "Where did I feel most comfortable interviewing?",
            "long",
            TRACTION,
        ),
        _q(
            "why_not_chosen",
            "Why not chosen",
            "When I wasn't chosen, what do the reasons have in common?",
            "long",
            TRACTION,
            help="Feedback themes and your own reflections are summed up in the insights.",
        ),
        _q(
            "change",
            "What I change",
            "What will I change in the next two weeks?",
            "long",
            CHANGE,
            required=True,
        ),
        _q(
            "skills_to_build",
            "Skills to build",
            "Which skills will I build?",
            "tags",
            CHANGE,
            help="Type a skill and press Enter.",
        ),
        _q(
            "confidence",
            "Confidence",
            "How confident am I in this plan?",
            "scale",
            CHANGE,
            scale_words=("not at all", "fully"),
        ),
        _q(
            "targets_add",
            "Companies to add",
            "Which companies do I add to my target list, and why?",
            "long",
            TARGETS,
        ),
        _q("targets_drop", "Companies to drop", "Which companies do I drop, and why?", "long", TARGETS),
    ),
)
