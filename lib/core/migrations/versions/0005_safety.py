"""safety

A version number on the rows two browser tabs may both edit (an application, a reflection, a
draft): a save says which version it started from, so one tab never silently overwrites the other.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

VERSIONED = ("applications", "reflections", "drafts")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
