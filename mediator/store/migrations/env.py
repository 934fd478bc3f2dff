"""Alembic environment: always run on a connection handed in by mediator.store.migrate."""

from __future__ import annotations

from alembic import context

from mediator.store.tables import Base  # every model module, so the metadata is whole

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite ALTER TABLE goes through table copies
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
