"""What the import's pages need of their wizard, below both.

:class:`ImportHost` is the wizard (:class:`mediator.ui.ledger.wizard.ImportWizard`)
as the preview and import pages see it, and :func:`known_message` the sentence of
an expected error: the wizard imports the pages, so the pages import this module,
never the wizard's.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QLabel

from mediator.errors import MediatorError, storage_error_for
from mediator.ui.labels import Labels
from mediator.ui.ledger.state import ImportState
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import Role, mark


class ImportHost(Protocol):
    """The import wizard: the workspace, the worker, the labels and what was chosen."""

    @property
    def ws(self) -> Any: ...

    @property
    def runner(self) -> TaskRunner: ...

    @property
    def labels(self) -> Labels: ...

    @property
    def state(self) -> ImportState: ...

    @property
    def imported(self) -> SignalInstance:
        """Emitted with the number of cases written."""


def known_message(exc: BaseException) -> str | None:
    """The Chinese sentence of an expected error (a bad file, a full disk); None: a bug."""
    known = storage_error_for(exc) or exc
    return known.message if isinstance(known, MediatorError) else None


def plain_label(text: str = "", role: Role | None = None) -> QLabel:
    """A wrapping plain-text label (file names and cells are never rich text)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role is not None:
        mark(label, role)
    return label
