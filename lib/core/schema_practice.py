"""The practice tables (revision 0004): writing it out, the weekly plan, the search self-check,
practising interview questions, setback notes. Defined on lib.core.schema's metadata."""

from __future__ import annotations

import sqlalchemy as sa

from lib.core.schema import _created, _fk, _id, metadata

# Private expressive writing: never analysed, never in insights or reports; in the full backup.
writing_sessions = sa.Table(
    "writing_sessions",
    metadata,
    _id(),
    sa.Column("number", sa.Integer, nullable=False),  # 1..5, the day's prompt
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.Column("words", sa.Integer, nullable=False, server_default="0"),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("finished_at", sa.DateTime),  # NULL: a draft, kept as it was left
    _fk("application_id", "applications", nullable=True, ondelete="SET NULL"),
    sa.Column("updated_at", sa.DateTime),
)

# A plan for the week, made at the end of a strategy review; it holds until a newer plan.
weekly_plans = sa.Table(
    "weekly_plans",
    metadata,
    _id(),
    _fk("review_id", "strategy_reviews", nullable=True, ondelete="SET NULL"),
    sa.Column("week_start", sa.Date, nullable=False, index=True),  # the Monday it starts
    sa.Column("applications", sa.Integer, nullable=False, server_default="0"),
    sa.Column("companies", sa.JSON, nullable=False, default=list),
    sa.Column("role_families", sa.JSON, nullable=False, default=list),
    sa.Column("channels", sa.JSON, nullable=False, default=list),
    sa.Column("slots", sa.JSON, nullable=False, default=list),  # [{"day": 0-6, "time": "09:00", "what": …}]
    sa.Column("if_then", sa.JSON, nullable=False, default=list),  # [{"moment", "if", "then"}], up to three
    _created(),
)

# The search-quality self-check (Rebound's own words, not a validated scale): 1-5 per area.
search_checks = sa.Table(
    "search_checks",
    metadata,
    _id(),
    _fk("review_id", "strategy_reviews", nullable=True, ondelete="SET NULL"),
    sa.Column("planning", sa.Integer),
    sa.Column("preparation", sa.Integer),
    sa.Column("persistence", sa.Integer),
    sa.Column("learning", sa.Integer),
    _created(),
)

# A question rated 3 or lower, scheduled with spaced repetition (fsrs); `state` is fsrs' Card.
practice_cards = sa.Table(
    "practice_cards",
    metadata,
    _id(),
    sa.Column(
        "question_id",
        sa.Integer,
        sa.ForeignKey("interview_questions.id", ondelete="SET NULL"),
        unique=True,
    ),
    sa.Column("state", sa.JSON, nullable=False),
    sa.Column("due", sa.DateTime, nullable=False, index=True),
    sa.Column("reps", sa.Integer, nullable=False, server_default="0"),
    _created(),
)

practice_reviews = sa.Table(
    "practice_reviews",
    metadata,
    _id(),
    _fk("card_id", "practice_cards", nullable=True, ondelete="SET NULL"),
    sa.Column("rating", sa.Integer, nullable=False),  # fsrs Rating: 1 again, 2 hard, 3 good, 4 easy
    sa.Column("reviewed_at", sa.DateTime, nullable=False, index=True),
)

# "If it's a no, I will …": written before a final round, shown back if the no comes.
setback_notes = sa.Table(
    "setback_notes",
    metadata,
    _id(),
    sa.Column(
        "application_id",
        sa.Integer,
        sa.ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    sa.Column("text", sa.Text, nullable=False),
    _created(),
    sa.Column("updated_at", sa.DateTime),
)

# Small choices of the practices: the writing offer answered, the next interview's date.
practice_settings = sa.Table(
    "practice_settings",
    metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.JSON),
)
