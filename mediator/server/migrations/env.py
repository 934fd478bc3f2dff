"""Alembic environment of the server: always run on a connection handed in by server.db."""

from __future__ import annotations

from alembic import context

from mediator.server.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
