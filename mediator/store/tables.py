"""Every table of the local database, in one place: the registry the rest reads.

The model modules stand in layers — :mod:`~mediator.store.models` (registration,
sync state) at the bottom, :mod:`~mediator.store.workflow_models` on it,
:mod:`~mediator.store.statistics_models` and the derived tables
(:mod:`~mediator.store.due_models`,
:mod:`~mediator.store.figures_models`) above — and none imports one above it.  So
importing one model module alone registers only its own tables and those below
with ``Base``.  Whatever needs *all* of them — ``Base.metadata`` for Alembic,
:data:`SYNCED_MODELS` for the sync engine and the wire rows — imports this
module, which imports every model module.
"""

from __future__ import annotations

from mediator.store import due_models as _due_models  # noqa: F401 - registers case_due
from mediator.store import figures_models as _figures_models  # noqa: F401 - statistics_day
from mediator.store.models import REGISTRATION_SYNCED_MODELS, Base, Synced
from mediator.store.statistics_models import STATISTICS_SYNCED_MODELS
from mediator.store.workflow_models import WORKFLOW_SYNCED_MODELS

__all__ = ["SYNCED_MODELS", "Base"]

#: Every synced table by entity name, parents before the rows that name them
#: (as the modules were imported before): registration, workflow, statistics.
SYNCED_MODELS: dict[str, type[Synced]] = {
    **REGISTRATION_SYNCED_MODELS,
    **WORKFLOW_SYNCED_MODELS,
    **STATISTICS_SYNCED_MODELS,
}
