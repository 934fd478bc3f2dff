"""Alembic migrations of the local database, packaged inside ``mediator``.

Run through :func:`mediator.store.migrate.migrate`, never by hand: it backs the
database up first and refuses a database from a newer major version.
"""
