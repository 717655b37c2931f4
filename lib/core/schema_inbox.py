"""The inbox table (revision 0003): job emails kept, linked to what they recorded. Defined on
lib.core.schema's metadata.

Only emails that created or matched an event are kept, never the rest of a mailbox; the
Message-ID makes importing the same mailbox twice a no-op."""

from __future__ import annotations

import sqlalchemy as sa

from lib.core.schema import _created, _fk, _id, metadata

emails = sa.Table(
    "emails",
    metadata,
    _id(),
    sa.Column("message_id", sa.String, nullable=False, unique=True),
    sa.Column("sender", sa.String),
    sa.Column("subject", sa.String),
    sa.Column("sent_on", sa.Date),
    sa.Column("text", sa.Text),
    sa.Column("kind", sa.String, nullable=False),  # rejection, interview, application, offer
    sa.Column("hiring_system", sa.String),
    _fk("application_id", "applications", nullable=True),
    sa.Column(
        "stage_event_id", sa.Integer, sa.ForeignKey("stage_events.id", ondelete="SET NULL"), index=True
    ),
    _created(),
)
