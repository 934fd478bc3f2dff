"""The workspace: one opened data directory and the services over it.

The UI and the CLI hold a :class:`Workspace` and nothing else of the core.  All
methods do database work and belong on a worker thread in the GUI.
"""

from __future__ import annotations

from mediator.paths import DataDir
from mediator.services.cases import CaseService
from mediator.services.catalogue import CatalogueService
from mediator.services.drafts import DraftService
from mediator.services.studio import StudioService
from mediator.store.database import Database


class Workspace:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.data_dir: DataDir = db.data_dir
        self.catalogue = CatalogueService()
        self.studio = StudioService(db)
        self.cases = CaseService(db, self.studio.context, self.catalogue.codes)
        self.drafts = DraftService(db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workspace(data_dir: DataDir) -> Workspace:
    """Open (creating or migrating, backup first) the database in ``data_dir``."""
    return Workspace(Database.open(data_dir))
