"""record: company keys recomputed; a debrief points at its stage event; a stage event's date can be unknown

Revision ID: 0002
Revises: 0001

An imported status without a date of its own is recorded with `date_known = false`: its
`occurred_on` then only keeps the event in order (the application date or the last known date
before it) and is never shown or counted as a date. Typing the real date sets it back to true.
"""

import sqlalchemy as sa
from alembic import op

from lib.core.migrations.company_keys import rekey_companies

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _rekey_companies() -> None:
    """Company identity now also ignores accents, punctuation, "&"/"and" and more legal forms."""
    rekey_companies(op.get_bind())


def upgrade() -> None:
    _rekey_companies()
    # A debrief belongs to the stage event of its round (no second event for the same round).
    # Added in place: a batch table copy would cascade-delete the debriefs' questions.
    op.execute(
        "ALTER TABLE interviews ADD COLUMN stage_event_id INTEGER "
        "REFERENCES stage_events (id) ON DELETE SET NULL"
    )
    op.create_index("ix_interviews_stage_event_id", "interviews", ["stage_event_id"])
    # A stage event's date can be unknown. Added in place too (a table copy of stage_events would
    # unlink the debriefs pointing at them).
    op.execute("ALTER TABLE stage_events ADD COLUMN date_known BOOLEAN NOT NULL DEFAULT 1")


def downgrade() -> None:
    with op.batch_alter_table("stage_events") as batch:
        batch.drop_column("date_known")
    op.drop_index("ix_interviews_stage_event_id", "interviews")
    with op.batch_alter_table("interviews") as batch:
        batch.drop_column("stage_event_id")
