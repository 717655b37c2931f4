"""practice: writing sessions, weekly plans, the search self-check, practice cards, setback notes

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NOW = sa.text("(CURRENT_TIMESTAMP)")


def upgrade() -> None:
    op.create_table(
        "writing_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("words", sa.Integer(), server_default="0", nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column(
            "application_id",
            sa.Integer(),
            sa.ForeignKey("applications.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_writing_sessions_application_id", "writing_sessions", ["application_id"])
    op.create_table(
        "weekly_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "review_id",
            sa.Integer(),
            sa.ForeignKey("strategy_reviews.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("applications", sa.Integer(), server_default="0", nullable=False),
        sa.Column("companies", sa.JSON(), nullable=False),
        sa.Column("role_families", sa.JSON(), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("slots", sa.JSON(), nullable=False),
        sa.Column("if_then", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=NOW, nullable=False),
    )
    op.create_index("ix_weekly_plans_review_id", "weekly_plans", ["review_id"])
    op.create_index("ix_weekly_plans_week_start", "weekly_plans", ["week_start"])
    op.create_table(
        "search_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "review_id",
            sa.Integer(),
            sa.ForeignKey("strategy_reviews.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("planning", sa.Integer(), nullable=True),
        sa.Column("preparation", sa.Integer(), nullable=True),
        sa.Column("persistence", sa.Integer(), nullable=True),
        sa.Column("learning", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=NOW, nullable=False),
    )
    op.create_index("ix_search_checks_review_id", "search_checks", ["review_id"])
    op.create_table(
        "practice_cards",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "question_id",
            sa.Integer(),
            sa.ForeignKey("interview_questions.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("reps", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=NOW, nullable=False),
        sa.UniqueConstraint("question_id"),
    )
    op.create_index("ix_practice_cards_due", "practice_cards", ["due"])
    op.create_table(
        "practice_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "card_id",
            sa.Integer(),
            sa.ForeignKey("practice_cards.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_practice_reviews_card_id", "practice_reviews", ["card_id"])
    op.create_index("ix_practice_reviews_reviewed_at", "practice_reviews", ["reviewed_at"])
    op.create_table(
        "setback_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "application_id",
            sa.Integer(),
            sa.ForeignKey("applications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=NOW, nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("application_id"),
    )
    op.create_table(
        "practice_settings",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    for name in (
        "practice_settings",
        "setback_notes",
        "practice_reviews",
        "practice_cards",
        "search_checks",
        "weekly_plans",
        "writing_sessions",
    ):
        op.drop_table(name)
