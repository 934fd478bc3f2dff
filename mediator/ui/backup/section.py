"""备份 — the backup section of 设置: the last good backup, the second location,
"back up now", the list of backups and the way to restore one.

Everything is read and done on the worker through
:class:`~mediator.services.backups.BackupService`; this widget only shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.ui.tasks import TaskRunner, while_alive
from mediator.ui.theme import Role, mark

#: Backups shown in the list (the rotation keeps about 23 regular ones).
LIST_LIMIT = 60


class BackupSection(QGroupBox):
    """The backup section; emits ``restore_requested(path)`` for the slot to handle."""

    restore_requested = Signal(object)  # Path
    backed_up = Signal(object)  # BackupResult

    def __init__(self, service: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups"), parent)
        self.setObjectName("backup_section")
        self._service = service
        self._runner = runner
        self.status: Any = None
        note = QLabel(self.tr(
            "The app backs up the cases once a day while it runs and when it closes after "
            "changes, and checks every backup by restoring it. It keeps 7 daily, 4 weekly "
            "and 12 monthly backups."))
        note.setWordWrap(True)
        form = QFormLayout()
        self.last_good = QLabel()
        self.last_good.setObjectName("last_good")
        self.last_good.setWordWrap(True)
        self.second = QLabel()
        self.second.setObjectName("second_location")
        self.second.setWordWrap(True)
        self.second.setTextFormat(Qt.TextFormat.PlainText)
        self.second_warning = QLabel()
        self.second_warning.setObjectName("second_warning")
        self.second_warning.setWordWrap(True)
        mark(self.second_warning, Role.WARNING)
        self.second_warning.hide()
        form.addRow(self.tr("Last good backup:"), self.last_good)
        form.addRow(self.tr("Second copy to:"), self.second)
        form.addRow("", self.second_warning)
        self.choose_button = QPushButton(self.tr("Choose a folder (USB drive, network)…"))
        self.choose_button.clicked.connect(self.choose_second_location)
        self.clear_button = QPushButton(self.tr("No second copy"))
        self.clear_button.clicked.connect(lambda: self.set_second_location(None))
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.setObjectName("back_up_now")
        self.now_button.clicked.connect(self.back_up_now)
        self.message = QLabel()
        self.message.setObjectName("backup_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("backup_list")
        self.list.setMinimumHeight(140)
        self.restore_button = QPushButton(self.tr("Restore the selected backup…"))
        self.restore_button.setObjectName("restore_selected")
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button = QPushButton(self.tr("Restore from a file…"))
        self.file_button.clicked.connect(self.restore_from_file)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(self.now_button)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addWidget(self.file_button)
        restore_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.list)
        layout.addLayout(restore_row)


    # ------------------------------------------------------------------ load
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.load()  # the list may have changed (a backup on exit of another run)

    def load(self) -> None:
        self._runner.run(self._service.status, on_done=while_alive(self)(self.show_status))

    def show_status(self, status: Any) -> None:
        self.status = status
        good = status.last_good
        if good is None:
            self.last_good.setText(self.tr("none yet"))
        else:
            self.last_good.setText(self.tr("%1, %n case(s)", "", good.cases)
                                   .replace("%1", good.time.strftime("%Y-%m-%d %H:%M")))
        where = status.second_location
        self.second.setText(str(where) if where else self.tr("not set"))
        self.clear_button.setEnabled(where is not None)
        self.second_warning.setText(status.second_warning)
        self.second_warning.setVisible(bool(status.second_warning))
        self.list.clear()
        for b in status.backups[:LIST_LIMIT]:
            item = QListWidgetItem(
                self.tr("%1  %2  %3 MB").replace("%1", b.taken_at.strftime("%Y-%m-%d %H:%M"))
                .replace("%2", self._reason(b.reason)).replace("%3", f"{b.size / 1_048_576:.1f}"))
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            self.list.addItem(item)
        self.restore_button.setEnabled(self.list.count() > 0)

    def _reason(self, reason: str) -> str:
        names = {
            "auto": self.tr("automatic"), "manual": self.tr("made by hand"),
            "pre-migrate": self.tr("before an upgrade"), "pre-restore": self.tr("before a restore"),
            "damaged": self.tr("damaged database kept"),
        }
        return names.get(reason, reason)

    # --------------------------------------------------------------- actions
    def back_up_now(self) -> None:
        self.now_button.setEnabled(False)
        self.message.setText(self.tr("Backing up and checking the backup…"))
        service = self._service
        self._runner.run(lambda: service.back_up("manual"), on_done=while_alive(self)(self._done),
                         on_error=while_alive(self)(self._failed))

    def _done(self, result: Any) -> None:
        self.now_button.setEnabled(True)
        text = self.tr("Backed up and checked: %n case(s).", "", result.summary.cases)
        self.message.setText(" ".join([text, *result.warnings]))
        self.backed_up.emit(result)
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.now_button.setEnabled(True)
        message = getattr(exc, "message", None)
        if message is None:
            raise exc
        self.message.setText(self.tr("The backup failed: %1").replace("%1", message))

    def choose_second_location(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Second location for backups"))
        if folder:
            self.set_second_location(Path(folder))

    def set_second_location(self, folder: Path | None) -> None:
        service = self._service
        self._runner.run(lambda: service.set_second_location(folder),
                         on_done=while_alive(self)(lambda _none: self.load()))

    def _restore_selected(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self.restore_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))

    def restore_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), str(self._service.data_dir.backups),
            self.tr("Mediator backups (*.sqlite3);;All files (*)"))
        if path:
            self.restore_requested.emit(Path(path))
