"""inbox: the job emails Rebound keeps (sender, subject, date, text), linked to what they recorded

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "emails",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("message_id", sa.String, nullable=False, unique=True),
        sa.Column("sender", sa.String),
        sa.Column("subject", sa.String),
        sa.Column("sent_on", sa.Date),
        sa.Column("text", sa.Text),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("hiring_system", sa.String),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id", ondelete="CASCADE")),
        sa.Column("stage_event_id", sa.Integer, sa.ForeignKey("stage_events.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.DateTime, nullable=False, server_default=sa.func.now()),
    )
    op.create_index("ix_emails_application_id", "emails", ["application_id"])
    op.create_index("ix_emails_stage_event_id", "emails", ["stage_event_id"])


def downgrade() -> None:
    op.drop_index("ix_emails_stage_event_id", "emails")
    op.drop_index("ix_emails_application_id", "emails")
    op.drop_table("emails")
