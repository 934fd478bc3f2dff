"""The sync part of the status bar: last sync, pending changes, open conflicts, "sync now".

Rounds run on a network runner of the widget's own (never the GUI thread, never
the database worker that saves forms).  While the server answers, the widget
syncs every ``interval``; when it does not, it backs off exponentially (30 s,
1 min, 2 min … 30 min) and keeps the app fully usable offline.  A revoked PC or a
too-old app stops the timer and says why, in the user's language; nothing unsent
is lost (it stays in the outbox).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from mediator.domain.studio_time import wall_clock
from mediator.errors import MediatorError, SyncError, SyncErrorKind
from mediator.services.sync import SyncService, SyncStatus
from mediator.services.workspace import Workspace
from mediator.sync.engine import SyncReport
from mediator.sync.report import short_new
from mediator.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 300
BACKOFF_START_S = 30
BACKOFF_MAX_S = 1800


class SyncStatusWidget(QWidget):
    synced = Signal(object)  # SyncReport
    conflicts_changed = Signal(int)
    enrol_requested = Signal()
    # (SyncStatus, syncing): whenever the line changes, for the settings page's panel.
    status_shown = Signal(object, bool)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None, *,
                 interval_s: int = DEFAULT_INTERVAL_S, network: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._service = SyncService(ws)
        self._db_runner = runner
        self._net = network or TaskRunner(self)
        self._interval_s = interval_s
        self._backoff_s = 0
        self._running = False
        self._stopped_reason = ""
        self._status = SyncStatus(False)
        self.notice: QMessageBox | None = None  # corrected case numbers, until closed
        self.label = QLabel()
        self.button = QPushButton(self.tr("Sync now"))
        self.button.clicked.connect(self.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.refresh()

    # ------------------------------------------------------------------ status
    def refresh(self) -> None:
        """Re-read last sync / pending / conflicts (on the database worker)."""
        self._db_runner.run(self._service.status, self._show, self._failed_status)

    def _failed_status(self, exc: BaseException) -> None:
        log.warning("sync status unavailable: %s", type(exc).__name__)

    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def syncing(self) -> bool:
        return self._running

    def _show(self, status: SyncStatus) -> None:
        previous = self._status.open_conflicts
        self._status = status
        self.status_shown.emit(status, self._running)
        if status.open_conflicts != previous:
            self.conflicts_changed.emit(status.open_conflicts)
        if self._running:
            return  # "Syncing…" stays until the round ends
        if not status.enrolled:
            # Short: the status bar also holds the studio, the case count and the
            # conflicts, and at 150 % in English the long form squeezed them all.
            self.label.setText(self.tr("Not connected"))
            self.label.setToolTip(self.tr("Not connected to a district server"))
            self.button.setText(self.tr("Connect…"))
            return
        self.button.setText(self.tr("Sync now"))
        when = (wall_clock(status.last_sync_at, status.time_zone).strftime("%m-%d %H:%M")
                if status.last_sync_at else self.tr("never"))
        text = self.tr("Last sync: %1 · pending: %2 · conflicts: %3").replace(
            "%1", when).replace("%2", str(status.pending)).replace(
            "%3", str(status.open_conflicts))
        problem = self._stopped_reason or (status.last_error if self._backoff_s else "")
        if status.revoked and status.last_error:
            problem = status.last_error
        if problem:
            text += " · " + problem
        self.label.setText(text)
        self.label.setToolTip(problem)
        if not self.timer.isActive() and not self._running and not self._stopped_reason \
                and not status.revoked:
            self._schedule(self._interval_s)

    # ------------------------------------------------------------------ rounds
    def start_first_sync(self) -> None:
        """Just enrolled: the first round starts at once, with no click (the status
        read that would tell us "enrolled" may not have come back yet)."""
        self._stopped_reason = ""
        self._backoff_s = 0
        self._status = replace(self._status, enrolled=True, revoked=False)
        self.sync_now()
        self.refresh()  # the server and "connected since" for the settings page

    def sync_now(self) -> None:
        if not self._status.enrolled:
            self.enrol_requested.emit()
            return
        if self._running:
            return
        self._running = True
        self._stopped_reason = ""
        self.button.setEnabled(False)
        self.label.setText(self.tr("Syncing…"))
        self.status_shown.emit(self._status, True)
        self._net.run(self._service.sync_now, self._done, self._failed)

    def _done(self, report: SyncReport) -> None:
        self._running = False
        self._backoff_s = 0
        self.button.setEnabled(True)
        if report.renumbered:
            self.show_renumbered(report.renumbered)
        self.synced.emit(report)
        self._schedule(self._interval_s)
        self.refresh()

    def show_renumbered(self, pairs: list[tuple[str, str]]) -> None:
        """Tell the mediator which case numbers sync corrected (not modal: the work
        goes on; the notice stays until closed and grows if more come)."""
        listed = "；".join(f"{old} → {short_new(old, new)}" for old, new in pairs)
        text = self.tr(
            "These cases were numbered before this PC was connected, with numbers another "
            "PC of this studio also used; their case numbers have been corrected: %1. "
            "Please correct documents already printed to the new numbers.").replace(
            "%1", listed)
        if self.notice is not None and self.notice.isVisible():
            text = self.notice.text() + "\n\n" + text
        else:
            self.notice = QMessageBox(QMessageBox.Icon.Information,
                                      self.tr("Case numbers corrected"), "",
                                      QMessageBox.StandardButton.Ok, self)
            self.notice.setModal(False)
        self.notice.setText(text)
        self.notice.show()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.button.setEnabled(True)
        if not isinstance(exc, MediatorError):
            raise exc
        kind = exc.kind if isinstance(exc, SyncError) else None
        if kind in (SyncErrorKind.AUTH, SyncErrorKind.UPGRADE):
            self._stopped_reason = exc.message  # a person must act: no retrying
            self.timer.stop()
        else:
            self._backoff_s = min(BACKOFF_MAX_S, max(BACKOFF_START_S, self._backoff_s * 2))
            self._schedule(self._backoff_s)
        self.refresh()

    def _schedule(self, seconds: int) -> None:
        self.timer.start(seconds * 1000)

    @property
    def backoff_s(self) -> int:
        return self._backoff_s

    def next_attempt(self) -> dt.timedelta | None:
        return dt.timedelta(milliseconds=self.timer.remainingTime()) \
            if self.timer.isActive() else None

    def shutdown(self) -> None:
        self.timer.stop()
        self._net.shutdown()
