"""The one vocabulary of Rebound (docs/product.md, "Words we use"): stages, outcomes, channels, ...

Everything that names a stage, an outcome or a channel imports it from here, so the UI, the
database and the analytics can never drift apart.
"""

# How far an application got, in order. "applied" is implied by the application itself.
STAGES: tuple[str, ...] = ("applied", "screen", "interview", "final", "offer", "accepted")
STAGE_RANK: dict[str, int] = {stage: rank for rank, stage in enumerate(STAGES)}

# How an application ended. "open" means it has not ended.
OUTCOMES: tuple[str, ...] = ("rejected", "ghosted", "withdrawn", "declined")
OPEN = "open"

# Every kind of stage event that can be recorded (applied is the application's own date).
EVENT_KINDS: tuple[str, ...] = STAGES[1:] + OUTCOMES

# Events that mean the employer answered: they count as a response (docs/product.md: "Response").
# An accepted offer is one too: an offer came before it, even when only the acceptance is recorded.
EMPLOYER_EVENT_KINDS: frozenset[str] = frozenset(
    {"screen", "interview", "final", "offer", "accepted", "rejected"}
)

CHANNELS: tuple[str, ...] = (
    "referral",
    "networking",
    "recruiter",
    "job board",
    "company site",
    "career fair",
    "other",
)
CHANNEL_HELP = {
    "referral": "Someone inside referred you",
    "networking": "Through a person you know or met",
    "recruiter": "A recruiter reached out to you",
    "job board": "A job board (name it below)",
    "company site": "The company's own careers page",
    "career fair": "A career fair or event",
    "other": "Anything else",
}

WORK_MODES: tuple[str, ...] = ("on-site", "hybrid", "remote")

# How a rejection reached you; "silence" means it was a ghosting.
NEWS_CHANNELS: tuple[str, ...] = ("email", "phone", "portal", "in person", "silence")

CONTACT_ROLES: tuple[str, ...] = (
    "recruiter",
    "hiring manager",
    "interviewer",
    "team member",
    "referrer",
    "other",
)

INTERVIEW_ROUND_TYPES: tuple[str, ...] = (
    "screen",
    "technical",
    "behavioural",
    "case",
    "panel",
    "final",
    "other",
)
INTERVIEW_FORMATS: tuple[str, ...] = ("phone", "video", "on-site")

FEEDBACK_THEMES: tuple[str, ...] = (
    "technical depth",
    "communication",
    "experience level",
    "domain knowledge",
    "team or culture fit",
    "salary expectations",
    "internal or other candidate",
    "role changed or closed",
    "no reason given",
)

NOTE_KINDS: tuple[str, ...] = (
    "thank-you after interview",
    "thank-you after rejection",
    "influence letter",
    "feedback request",
    "keep the door open",
    "contact check-in",
    "re-application intro",
)

DEFAULT_GHOST_DAYS = 30

# The role saved when a file or an email gives none: not a kind of role (no family of its own).
ROLE_NOT_GIVEN = "Role not given"


def stage_label(stage: str) -> str:
    """Human label for a stage or outcome ("final" -> "Final round")."""
    return {
        "applied": "Applied",
        "screen": "Screen",
        "interview": "Interview",
        "final": "Final round",
        "offer": "Offer",
        "accepted": "Accepted",
        "rejected": "Rejected",
        "ghosted": "Ghosted",
        "withdrawn": "Withdrawn",
        "declined": "Declined",
        "open": "Open",
    }.get(stage, stage.capitalize())
