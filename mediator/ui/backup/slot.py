"""Putting automatic backups into the main window.

* A timer checks every hour whether today's backup is still due and, if so,
  makes it on the database worker (the window never freezes; a backup of
  100,000 cases takes a few seconds).
* When the window closes after changes, one more backup is queued on the
  worker before the workspace is closed.
* The status bar says so, calmly and without a dialog, when there has been no
  good backup for three days; a click opens 设置.
* The 备份 section of 设置 (:class:`~mediator.ui.backup.section.BackupSection`)
  and the restore dialog.  A confirmed restore is handed to ``reopen``
  (:meth:`mediator.ui.app.Startup.reopen`): the workspace is closed on the
  worker, the backup swapped in, the data reopened in a new main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton

from mediator.services.backups import BackupService
from mediator.ui import errors
from mediator.ui.backup.restore_dialog import RestoreDialog
from mediator.ui.backup.section import BackupSection
from mediator.ui.tasks import TaskRunner, while_alive
from mediator.ui.theme import Role, mark

if TYPE_CHECKING:
    from mediator.ui.mainwindow import MainWindow

log = logging.getLogger(__name__)

CHECK_MS = 60 * 60 * 1000  # hourly: is today's backup due?
FIRST_CHECK_MS = 2 * 60 * 1000  # the first check waits until start-up is long over

Reopen = Callable[[Callable[[], str]], None]


class BackupSlot(QObject):
    """Owns the backup timer, warning and settings section of one main window."""

    def __init__(self, window: MainWindow, ws: Any, runner: TaskRunner, reopen: Reopen,
                 *, automatic: bool = True, first_check_ms: int = FIRST_CHECK_MS) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._reopen = reopen
        self.service = BackupService(ws.data_dir)
        self.restoring = False
        self.dialog: RestoreDialog | None = None
        self.warning = QPushButton()
        self.warning.setObjectName("backup_warning")
        self.warning.setFlat(True)
        mark(self.warning, Role.WARNING)
        self.warning.hide()
        self.warning.clicked.connect(window.show_settings)
        window.statusBar().addPermanentWidget(self.warning)
        self.section = BackupSection(self.service, runner)
        self.section.restore_requested.connect(self.ask_restore)
        self.section.backed_up.connect(lambda _r: self.refresh())
        window.add_settings_section(self.section)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.setSingleShot(True)
        if automatic:  # the daily and the exit backups (not in a --smoke run)
            self._timer.start(first_check_ms)
            window.closing.connect(self.on_closing)
        self.refresh()

    # ---------------------------------------------------------------- status
    def refresh(self) -> None:
        alive = while_alive(self, self.warning)
        self._runner.run(self.service.status, on_done=alive(self.show_status))

    def show_status(self, status: Any) -> None:
        if status.overdue:
            if status.last_good is None:
                text = self.tr("No backup yet: open Settings to back up")
            else:
                text = self.tr("No good backup since %1: open Settings to back up").replace(
                    "%1", status.last_good.time.strftime("%Y-%m-%d"))
            self.warning.setText(text)
        self.warning.setVisible(status.overdue)
        if shiboken6.isValid(self.section):
            self.section.show_status(status)


    # ----------------------------------------------------------------- backup
    def check(self) -> None:
        """The hourly check: make today's backup if it is due (on the worker)."""
        self._timer.start(CHECK_MS)
        if self._runner.is_shut_down():
            return
        alive = while_alive(self, self.warning)
        self._runner.run(self.service.back_up_if_due, on_done=alive(self._checked),
                         on_error=alive(self._failed))

    def _checked(self, _result: Any) -> None:
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        # A failed automatic backup is said in the status bar, not in a dialog; it
        # is tried again in an hour.  A bug still gets the crash dialog.
        if not hasattr(exc, "message"):
            errors.show_error(self._window, exc)
            return
        log.warning("automatic backup failed: %s", type(exc).__name__)
        self.warning.setText(self.tr("The automatic backup failed: %1").replace(
            "%1", getattr(exc, "message", "")))
        self.warning.show()

    def on_closing(self) -> None:
        """On exit after changes: one more backup, queued before the workspace closes."""
        self._timer.stop()
        if self.restoring or self._runner.is_shut_down():
            return
        self._runner.run(self.service.back_up_if_changed,
                         on_error=lambda exc: log.warning("exit backup failed: %s",
                                                          type(exc).__name__))

    # ---------------------------------------------------------------- restore
    def ask_restore(self, path: Path) -> RestoreDialog:
        dialog = RestoreDialog(self.service, self._runner, path, self._window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._confirmed(dialog))
        dialog.open()
        return dialog

    def _confirmed(self, dialog: RestoreDialog) -> None:
        self.dialog = None
        service, path, other = self.service, dialog.path, dialog.other_studio
        self.restoring = True
        self._timer.stop()
        self._reopen(lambda: service.restore(path, confirmed=True, other_studio=other).message())

    def show_outcome(self, message: str | None, error: BaseException | None) -> None:
        """After a reopen: say what really happened (in the new window)."""
        if error is not None:
            errors.show_error(self._window, error)
        elif message:
            self._window.notice.show_message(message, self.tr("OK"), lambda: None)
