"""company keys: a name written as its web address is the company ("Amazon.com Inc." is Amazon)

Revision ID: 0007
Revises: 0006
"""

from alembic import op

from lib.core.migrations.company_keys import rekey_companies

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    rekey_companies(op.get_bind())


def downgrade() -> None:
    pass  # the older keys are a coarser identity; nothing to undo
