"""lean indexes

Two indexes every import paid for and no query needed: stage_events(application_id) repeats the
first column of ix_stage_events_app_date, and the index on applications.reapplication_of held a
row for every application although only re-applications are ever looked up (now a partial index).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_stage_events_application_id", table_name="stage_events")
    op.drop_index("ix_applications_reapplication_of", table_name="applications")
    op.create_index(
        "ix_applications_reapplication_of",
        "applications",
        ["reapplication_of"],
        sqlite_where=sa.text("reapplication_of IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_applications_reapplication_of", table_name="applications")
    op.create_index("ix_applications_reapplication_of", "applications", ["reapplication_of"])
    op.create_index("ix_stage_events_application_id", "stage_events", ["application_id"])
