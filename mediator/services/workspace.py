"""The workspace: one opened data directory and the services over it.

The UI and the CLI hold a :class:`Workspace` and nothing else of the core.  All
methods do database work and belong on a worker thread in the GUI.

Opening is cheap when the database is already current: reads go through a plain
sqlite3 :class:`~mediator.store.reader.Reader`, and the SQLAlchemy side
(:attr:`Workspace.db`, migrations, drafts) is built on first use, so the case
list can paint without importing the ORM.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mediator.paths import DataDir
from mediator.services.backups import check_before_opening
from mediator.services.cases import CaseService
from mediator.services.catalogue import CatalogueService
from mediator.services.drafts import DraftService
from mediator.services.studio import StudioService
from mediator.store.reader import Reader
from mediator.store.schema import is_current

if TYPE_CHECKING:
    from mediator.store.database import Database


class Workspace:
    def __init__(self, data_dir: DataDir, db: Database | None = None) -> None:
        self.data_dir = data_dir
        self._db = _with_due_refresh(db) if db is not None else None
        self.reader = Reader(data_dir.database)
        self.catalogue = CatalogueService()
        self.studio = StudioService(self.reader, lambda: self.db)
        self.cases = CaseService(self.reader, lambda: self.db, self.studio.context,
                                 self.catalogue.codes)
        # Holding the service is free; its calls open the SQLAlchemy side (worker only).
        self.drafts = DraftService(lambda: self.db)

    @property
    def db(self) -> Database:
        """The SQLAlchemy side (units of work for writing), opened on first use."""
        if self._db is None:
            from mediator.store.database import Database  # noqa: PLC0415 - lazy: start-up

            self._db = _with_due_refresh(Database.open(self.data_dir))
        return self._db


    @property
    def upgrade_backup(self) -> Path | None:
        """The safety backup taken when opening upgraded a database from an older
        version (None otherwise): the app names it in its upgrade notice."""
        migration = self._db.migration if self._db is not None else ""
        backup = getattr(migration, "backup", None)
        return backup if isinstance(backup, Path) else None

    def close(self) -> None:
        self.reader.close()
        if self._db is not None:
            self._db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _with_due_refresh(db: Database) -> Database:
    """Every unit of work refreshes the Today view's due-date table before it commits
    (a database of an older schema, opened by a fixture maker, has none)."""
    from mediator.services.workflow.due_table import refresh_stale  # noqa: PLC0415 - worker

    # Revisions are zero-padded numbers: 0009 made the table.
    if (db.revision == "head" or db.revision >= "0009") and refresh_stale not in db.before_commit:
        db.before_commit.append(refresh_stale)
    return db


def open_workspace(data_dir: DataDir) -> Workspace:
    """Open the database in ``data_dir``: create it, or migrate it (backup first),
    or refuse it (too new, damaged) — all before returning."""
    data_dir.ensure()
    # A truncated database must never be taken for a new one (and written over).
    check_before_opening(data_dir)
    if is_current(data_dir.database):
        return Workspace(data_dir)
    from mediator.store.database import Database  # noqa: PLC0415 - only when migrating

    return Workspace(data_dir, Database.open(data_dir))
