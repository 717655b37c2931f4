"""applications: whether the date applied is known (an import without one uses the status date)

Revision ID: 0008
Revises: 0007

An imported row with no date applied is kept on its status date so it sits in order; with
`applied_known = false` that day is shown as a stand-in and never counted as a response time
(it made every such answer look like one that came the same day). Typing a date sets it back to true.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place: a batch table copy of applications would cascade-delete what hangs off it.
    op.execute("ALTER TABLE applications ADD COLUMN applied_known BOOLEAN NOT NULL DEFAULT 1")


def downgrade() -> None:
    # In place too (SQLite 3.35+): a table copy would cascade-delete the events, debriefs and notes.
    op.execute("ALTER TABLE applications DROP COLUMN applied_known")
