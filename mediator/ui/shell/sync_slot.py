"""Putting the sync pieces (mediator/ui/sync) into the main window.

The status-bar widget, the enrol dialog and the conflict page need the sync
engine, which pulls in the ORM and the HTTP client: importing them at start-up
would delay the first paint of the case list.  So they arrive a few seconds
later: the modules are imported on the database worker (the GUI stays
responsive), then the widgets are built here on the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from mediator.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mediator.ui.mainwindow import MainWindow
    from mediator.ui.sync.conflicts import ConflictsPage
    from mediator.ui.sync.status import SyncStatusWidget

log = logging.getLogger(__name__)

#: How long after the window appears the sync pieces are loaded.
DELAY_MS = 3000


def _import_sync_ui() -> tuple[Any, Any, Any]:
    status = importlib.import_module("mediator.ui.sync.status")
    enrol = importlib.import_module("mediator.ui.sync.enrol")
    conflicts = importlib.import_module("mediator.ui.sync.conflicts")
    return status.SyncStatusWidget, enrol.EnrolDialog, conflicts.ConflictsPage


class SyncSlot(QObject):
    """Owns the sync widgets of one main window."""

    def __init__(self, window: MainWindow, ws: Any, runner: TaskRunner,
                 delay_ms: int = DELAY_MS) -> None:
        super().__init__(window)
        self._window = window
        self._ws = ws
        self._runner = runner
        self.status: SyncStatusWidget | None = None
        self.conflicts: ConflictsPage | None = None
        self._enrol_cls: Any = None
        self.conflict_button = QPushButton()
        self.conflict_button.setFlat(True)
        self.conflict_button.hide()
        self.conflict_button.clicked.connect(window.show_settings)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.load)
        self._timer.start(delay_ms)
        window.closing.connect(self.shutdown)

    def shutdown(self) -> None:
        """Stop the timer and the network thread (a round in flight finishes first)."""
        self._timer.stop()
        if self.status is not None:
            self.status.shutdown()

    def load(self) -> None:
        self._runner.run(_import_sync_ui, on_done=self._build, on_error=self._unavailable)

    def _unavailable(self, exc: BaseException) -> None:
        log.warning("sync pieces unavailable: %s", type(exc).__name__)

    def _build(self, classes: tuple[Any, Any, Any]) -> None:
        status_cls, self._enrol_cls, conflicts_cls = classes
        window = self._window
        status: SyncStatusWidget = status_cls(self._ws, self._runner, window)
        self.status = status
        status.enrol_requested.connect(self.enrol)
        status.conflicts_changed.connect(self._conflicts_changed)
        window.statusBar().addPermanentWidget(self.conflict_button)
        window.statusBar().addPermanentWidget(status)

        box = QGroupBox(self.tr("District server (sync)"))
        layout = QVBoxLayout(box)
        note = QLabel(self.tr(
            "Cases are kept on this PC and sent to the district server whenever it can be "
            "reached. If a record was changed on two PCs before they synced, both versions "
            "are kept below until you choose one."))
        note.setWordWrap(True)
        connect = QPushButton(self.tr("Connect this PC to the district server…"))
        connect.clicked.connect(self.enrol)
        conflicts: ConflictsPage = conflicts_cls(self._ws, self._runner, box)
        self.conflicts = conflicts
        conflicts.resolved.connect(lambda _cid: status.refresh())
        layout.addWidget(note)
        layout.addWidget(connect)
        layout.addWidget(conflicts)
        window.add_settings_section(box)

    def enrol(self) -> None:
        if self._enrol_cls is None:
            return
        dialog = self._enrol_cls(self._ws, self._runner, self._window)
        dialog.enrolled.connect(lambda _answer: self._enrolled())
        dialog.open()

    def _enrolled(self) -> None:
        if self.status is not None:
            self.status.refresh()
            self.status.sync_now()

    def _conflicts_changed(self, count: int) -> None:
        self.conflict_button.setVisible(count > 0)
        self.conflict_button.setText(
            self.tr("Sync conflicts to resolve: %1").replace("%1", str(count)))
        if self.conflicts is not None:
            self.conflicts.reload()
