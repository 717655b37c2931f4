"""record: company keys recomputed; a debrief points at its stage event; a stage event's date can be unknown

Revision ID: 0002
Revises: 0001

An imported status without a date of its own is recorded with `date_known = false`: its
`occurred_on` then only keeps the event in order (the application date or the last known date
before it) and is never shown or counted as a date. Typing the real date sets it back to true.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _rekey_companies() -> None:
    """Company identity now also ignores accents, punctuation, "&"/"and" and more legal forms:
    recompute every name_key. Two companies that now share a key keep apart (the older gets the
    key, the other keeps its old one) until the person merges them on the Network page."""
    from lib.search.companies import company_key

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, name, name_key FROM companies ORDER BY id")).all()
    taken = {r.name_key for r in rows}
    for row in rows:
        new = company_key(row.name) or row.name_key
        if new == row.name_key or new in taken:
            continue
        taken.discard(row.name_key)
        taken.add(new)
        connection.execute(sa.text("UPDATE companies SET name_key = :k WHERE id = :i"), {"k": new, "i": row.id})


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
