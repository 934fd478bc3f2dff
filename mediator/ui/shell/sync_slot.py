"""Putting the sync pieces (mediator/ui/sync) into the main window.

The status-bar widget, the enrol dialog and the conflict page need the sync
engine, which pulls in the ORM and the HTTP client: importing them at start-up
would delay the first paint of the case list.  So they arrive a few seconds
later: the modules are imported on the database worker (the GUI stays
responsive), then the widgets are built here on the GUI thread.

What the pieces need of the main window is the :class:`SyncHost` protocol, so
this module imports nothing above it (the main window imports this one).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from mediator.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mediator.ui.sync.conflicts import ConflictsPage
    from mediator.ui.sync.connection import ConnectionPanel
    from mediator.ui.sync.status import SyncStatusWidget

log = logging.getLogger(__name__)

#: How long after the window appears the sync pieces are loaded.
DELAY_MS = 3000


class SyncHost(Protocol):
    """The main window as the sync pieces see it (:class:`mediator.ui.mainwindow.MainWindow`)."""

    @property
    def closing(self) -> SignalInstance:
        """Emitted as the window closes: the network thread stops."""

    def window(self) -> QWidget:
        """The window itself as a widget (Qt's own ``QWidget.window``): the parent."""

    def statusBar(self) -> QStatusBar: ...

    def show_settings(self) -> None: ...

    def add_settings_section(self, section: QWidget) -> None: ...

    def cases_changed_elsewhere(self) -> None: ...


def _import_sync_ui() -> tuple[Any, Any, Any, Any]:
    status = importlib.import_module("mediator.ui.sync.status")
    enrol = importlib.import_module("mediator.ui.sync.enrol")
    conflicts = importlib.import_module("mediator.ui.sync.conflicts")
    connection = importlib.import_module("mediator.ui.sync.connection")
    return (status.SyncStatusWidget, enrol.EnrolDialog, conflicts.ConflictsPage,
            connection.ConnectionPanel)


class SyncSlot(QObject):
    """Owns the sync widgets of one main window."""

    def __init__(self, window: SyncHost, ws: Any, runner: TaskRunner,
                 delay_ms: int = DELAY_MS) -> None:
        super().__init__(window.window())
        self._window = window
        self._ws = ws
        self._runner = runner
        self.status: SyncStatusWidget | None = None
        self.conflicts: ConflictsPage | None = None
        self.connection: ConnectionPanel | None = None
        self.enrol_dialog: QDialog | None = None  # while open
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

    def _build(self, classes: tuple[Any, Any, Any, Any]) -> None:
        status_cls, self._enrol_cls, conflicts_cls, connection_cls = classes
        window = self._window
        status: SyncStatusWidget = status_cls(self._ws, self._runner, window.window())
        self.status = status
        status.enrol_requested.connect(self.enrol)
        status.conflicts_changed.connect(self._conflicts_changed)
        status.synced.connect(self._synced)
        window.statusBar().addPermanentWidget(self.conflict_button)
        window.statusBar().addPermanentWidget(status)

        box = QGroupBox(self.tr("District server (sync)"))
        layout = QVBoxLayout(box)
        note = QLabel(self.tr(
            "Cases are kept on this PC and sent to the district server whenever it can be "
            "reached. If a record was changed on two PCs before they synced, both versions "
            "are kept below until you choose one."))
        note.setWordWrap(True)
        connection: ConnectionPanel = connection_cls(box)
        self.connection = connection
        connection.connect_requested.connect(self.enrol)
        connection.show_status(status.status, status.syncing)
        status.status_shown.connect(connection.show_status)
        conflicts: ConflictsPage = conflicts_cls(self._ws, self._runner, box,
                                                 labels=getattr(window, "_labels", None))
        self.conflicts = conflicts
        conflicts.resolved.connect(lambda _cid: status.refresh())
        layout.addWidget(note)
        layout.addWidget(connection)
        layout.addWidget(conflicts)
        window.add_settings_section(box)

    def enrol(self) -> None:
        if self._enrol_cls is None:
            return
        if self.enrol_dialog is not None:  # already open: bring it forward, not a second
            self.enrol_dialog.raise_()
            self.enrol_dialog.activateWindow()
            return
        # Not deleted on close: an enrolment still under way when the person cancels
        # finishes on the worker and reports to this dialog (then the sync starts).
        dialog = self._enrol_cls(self._ws, self._runner, self._window.window())
        dialog.enrolled.connect(lambda _answer: self._enrolled())
        dialog.finished.connect(self._enrol_closed)
        self.enrol_dialog = dialog
        dialog.open()

    def _enrol_closed(self, _result: int) -> None:
        self.enrol_dialog = None

    def _enrolled(self) -> None:
        """The dialog has closed itself; the first sync starts with no click."""
        if self.status is not None:
            self.status.start_first_sync()

    def _synced(self, report: Any) -> None:
        """Rows came down (or a case was renumbered): the case list must show them."""
        if report.pulled or report.renumbered:
            self._window.cases_changed_elsewhere()

    def _conflicts_changed(self, count: int) -> None:
        self.conflict_button.setVisible(count > 0)
        self.conflict_button.setText(
            self.tr("Sync conflicts to resolve: %1").replace("%1", str(count)))
        if self.conflicts is not None:
            self.conflicts.reload()
