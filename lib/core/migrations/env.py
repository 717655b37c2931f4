"""Alembic environment: runs revisions on the connection handed over by lib.db.upgrade."""

from alembic import context

from lib.core.schema import metadata

target_metadata = metadata
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,  # SQLite can only ALTER through table copies
)
with context.begin_transaction():
    context.run_migrations()
