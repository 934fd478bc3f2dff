"""Start-up with a damaged database: say what is wrong and offer the last good backup.

Nothing is written over the damaged file before the user has seen the backup's
preview and confirmed it (the same :class:`RestoreDialog` as in 设置); the
damaged file itself is kept in ``backups/`` by the restore.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mediator.paths import DataDir
from mediator.services.backups import BackupService
from mediator.ui.backup.restore_dialog import RestoreDialog
from mediator.ui.screen_fit import grow_to_content
from mediator.ui.tasks import TaskRunner, while_alive
from mediator.ui.theme import Role, mark


class DamagedDatabaseDialog(QDialog):
    """Accepted once a backup was restored (``message`` says what happened)."""

    def __init__(self, runner: TaskRunner, data_dir: DataDir, problem: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setMinimumWidth(560)
        self._runner = runner
        self.service = BackupService(data_dir)
        self.best: Any = None
        self.message = ""
        self.restore_dialog: RestoreDialog | None = None
        self.problem = QLabel(problem)
        self.problem.setObjectName("damaged_problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.offer = QLabel(self.tr("Looking for the last good backup…"))
        self.offer.setObjectName("damaged_offer")
        self.offer.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Restore the last good backup…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restore_last_good")
        mark(self.restore_button, Role.PRIMARY)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.open_restore)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.offer)
        layout.addWidget(buttons)
        runner.run(self.service.best_backup, on_done=while_alive(self)(self._found))


    def _found(self, best: Any) -> None:
        self.best = best
        if best is None:
            self.offer.setText(self.tr(
                "No backup was found in the data folder. The damaged file has not been "
                "changed; ask the district for help."))
        else:
            self.offer.setText(self.tr("The last good backup was made on %1.")
                               .replace("%1", best.taken_at.strftime("%Y-%m-%d %H:%M")))
            self.restore_button.setEnabled(True)
        grow_to_content(self)  # the offer arrived after the dialog was shown

    def open_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self.service, self._runner, self.best.path, self)
        self.restore_dialog = dialog
        dialog.accepted.connect(lambda: self._restore(dialog))
        dialog.open()
        return dialog

    def _restore(self, dialog: RestoreDialog) -> None:
        service, path, other = self.service, dialog.path, dialog.other_studio
        self.restore_button.setEnabled(False)
        self.offer.setText(self.tr("Restoring…"))
        self._runner.run(
            lambda: service.restore(path, confirmed=True, other_studio=other).message(),
            on_done=while_alive(self)(self._restored), on_error=while_alive(self)(self._failed))

    def _restored(self, message: str) -> None:
        self.message = message
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None)
        if message is None:
            raise exc
        self.offer.setText(message)
        self.restore_button.setEnabled(True)
